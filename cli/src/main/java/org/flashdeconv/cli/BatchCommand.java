package org.flashdeconv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.io.batch.Manifest;
import org.flashdeconv.io.batch.SlideSummary;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.result.ProportionsTable;
import org.flashdeconv.io.result.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flashdeconv batch}: many slides against one reference, read once. Writes into OUTDIR one result folder per
 * slide ({@code <slide_id>/}, as {@code deconvolve} writes it), the combined table {@code proportions.parquet/}
 * (partitioned by slide, {@link ProportionsTable}), {@code summaries.csv} and, last for each slide that succeeded,
 * its completion marker {@code _complete/<slide_id>.csv}; a re-run skips the slides that have one. The Spark
 * application runs the same slides through {@link #parse}, {@link #loadReference} and {@link #runSlide}.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Deconvolves every slide of a manifest against one reference (read and prepared once).",
            "The manifest is a CSV 'slide_id,spatial[,coords][,library_key]', paths relative to its folder. Writes "
                + "into OUTDIR: <slide_id>/ result folders, proportions.parquet/slide_id=<id>/part-00000.parquet "
                + "(barcode, x, y, <types>, dominant, qc; under --model counts also background and the columns of "
                + "quality.csv), summaries.csv. A failed slide is recorded with its error "
                + "and the batch goes on (exit code 1 at the end); a re-run skips the slides already complete."},
        footer = {"", "Example:",
            "  flashdeconv batch --manifest slides.csv --reference signatures.csv \\",
            "      -o atlas/ --lambda auto*3"})
public final class BatchCommand implements Callable<Integer> {
    /** The folder of the completion markers inside OUTDIR. */
    public static final String COMPLETE = "_complete";
    /** The combined table's folder inside OUTDIR. */
    public static final String TABLE = "proportions.parquet";
    /** The summaries file inside OUTDIR. */
    public static final String SUMMARIES = "summaries.csv";

    @Spec
    private CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "CSV",
            description = "The slides: 'slide_id,spatial[,coords][,library_key]', one row per slide.")
    private String manifest;

    @CommandLine.Mixin
    private ReferenceInput reference = new ReferenceInput();

    @CommandLine.Mixin
    private MinOverlapOption overlap = new MinOverlapOption();

    @CommandLine.ArgGroup(exclusive = false, heading = "Reading the spatial inputs:%n")
    private ReadOptions reading = new ReadOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Output folder.")
    private String output;

    @CommandLine.Mixin
    private EngineOptions engine = new EngineOptions();

    @Option(names = "--plot", description = "Also draw proportions.png and dominant.png into each result folder.")
    private boolean plot;

    @Option(names = "--h5ad", description = "Also write each slide as AnnData: <slide_id>/<slide_id>.h5ad (what "
            + "deconvolve --h5ad-out writes).")
    private boolean h5ad;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    private boolean quiet;

    /**
     * The options of a batch as the command line gives them, without running it.
     *
     * @throws CommandLine.ParameterException if they are not valid
     */
    public static BatchCommand parse(String... args) {
        BatchCommand c = new BatchCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    /** The manifest as given (a path or a URI). */
    public String manifest() {
        return manifest;
    }

    /** The output folder as given (a path or a URI). */
    public String output() {
        return output;
    }

    /**
     * Reads the reference (once per batch).
     *
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if a cell type has the name of another column of the combined table
     */
    public LoadedReference loadReference() throws IOException {
        LoadedReference loaded = reference.load();
        String problem = ProportionsTable.typeNameProblem(loaded.reference().cellTypes());
        if (problem != null) {
            throw new IllegalArgumentException(reference.path + ": " + problem);
        }
        return loaded;
    }

    /**
     * The engine options, with {@code threads} worker threads when not null.
     *
     * @throws CommandLine.ParameterException if a value is not valid or several λ are given
     */
    public FlashDeconvOptions options(Integer threads) {
        CommandLine cl = spec == null ? new CommandLine(this) : spec.commandLine();
        if (threads != null) {
            engine.threads = threads;
        }
        FlashDeconvOptions options = engine.toOptions(cl);
        if (options.lambdas().size() > 1) {
            throw new CommandLine.ParameterException(cl, "--lambda: a batch takes one value (its table holds one "
                    + "result per spot); found " + engine.lambda);
        }
        return options;
    }

    /**
     * The one-line warning naming the options of the published model given on the command line while the model is
     * counts (which ignores them), or null.
     *
     * @throws CommandLine.ParameterException if the options are not valid
     */
    public String ignoredOptionsWarning() {
        CommandLine cl = spec.commandLine();
        return EngineOptions.ignoredUnderCounts(engine.toOptions(cl), cl.getParseResult());
    }

    @Override
    public Integer call() throws IOException {
        FlashDeconvOptions options = options(null);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String ignored = ignoredOptionsWarning();
        if (ignored != null) {
            err.println(ignored);
            err.flush();
        }
        Path manifestFile = Path.of(manifest);
        Manifest slides = Manifest.read(manifestFile);
        Path base = manifestFile.toAbsolutePath().getParent();
        Path outDir = Path.of(output);
        try {
            BatchOutputs.requireApart(manifestFile, slides, base, reference, outDir, List.of(SUMMARIES, TABLE,
                    COMPLETE));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        LoadedReference loaded = loadReference();
        List<SlideSummary> rows = new ArrayList<>();
        int skipped = 0;
        int failed = 0;
        try (ProgressBars.Handle bars = ProgressBars.create(quiet)) {
            for (Manifest.Slide slide : slides.slides()) {
                Path marker = outDir.resolve(COMPLETE).resolve(slide.id() + ".csv");
                SlideSummary s;
                if (Files.isRegularFile(marker)) {
                    s = SlideSummary.parse(Files.readString(marker, StandardCharsets.UTF_8), marker.toString());
                    skipped++;
                } else {
                    Path coords = slide.coords() == null ? null : Manifest.resolve(base, slide.coords());
                    s = runSlide(slide, Manifest.resolve(base, slide.spatial()), coords, outDir.resolve(slide.id()),
                            ProportionsTable.partition(outDir.resolve(TABLE), slide.id())
                                    .resolve(ProportionsTable.PART_FILE), loaded, options, bars, out, err);
                    if (s.ok()) {
                        ResultFolder.writeText(marker, s.marker());
                    }
                }
                failed += s.ok() ? 0 : 1;
                rows.add(s);
                ResultFolder.writeText(outDir.resolve(SUMMARIES), SlideSummary.table(rows));
            }
        }
        out.printf(Locale.ROOT, "batch: %d slides, %d ok (%d already complete), %d failed; %s%n", rows.size(),
                rows.size() - failed, skipped, failed, outDir.resolve(SUMMARIES));
        out.flush();
        return failed == 0 ? 0 : ErrorHandler.FAILURE;
    }

    /**
     * Runs one slide: its result folder, then its part of the combined table. An expected failure (bad input, a
     * file problem) is returned as a failed summary with its one-line error, which is also printed on {@code err};
     * the slide's part of the table is then removed, so the table never holds rows of a failed slide.
     *
     * @param spatial the slide's spatial input (a local path)
     * @param coords  its coordinates CSV, or null
     * @param folder  its result folder
     * @param part    its file of the combined table
     * @throws IOException if a failed slide's part cannot be removed
     */
    public SlideSummary runSlide(Manifest.Slide slide, Path spatial, Path coords, Path folder, Path part,
                                 LoadedReference loaded, FlashDeconvOptions options, ProgressBars.Handle bars,
                                 PrintWriter out, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        try {
            SpatialOptions input = new SpatialOptions();
            input.path = spatial;
            input.coords = coords;
            input.libraryKey = slide.libraryKey();
            input.reading = reading;
            SlideJob job = new SlideJob(options, reference, loaded, overlap.minOverlap);
            String createdBy = "flashdeconv-jvm " + VersionProvider.version();
            Path h5adOut = h5ad ? folder.resolve(slide.id() + ".h5ad") : null;
            SlideJob.Outputs outputs = new SlideJob.Outputs(folder, h5adOut, plot, false);
            SlideJob.requireOutputsApart(options, input, reference, outputs);
            SlideJob.Report r = job.run(input, outputs, bars, out, err,
                    (fit, store, xy) -> ProportionsTable.write(part, fit, store::barcode, xy, createdBy));
            return new SlideSummary(slide.id(), r.spots(), r.genesMatched(), r.lambdaUsed(), r.sweeps(),
                    r.converged(), seconds(start), SlideSummary.OK, null);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
            return failed(slide, part, start, ErrorHandler.describe(t), err);
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            return failed(slide, part, start, "internal error (please report it): " + ErrorHandler.describe(e), err);
        }
    }

    private static SlideSummary failed(Manifest.Slide slide, Path part, long start, String error, PrintWriter err)
            throws IOException {
        Files.deleteIfExists(part);
        err.println("flashdeconv batch: slide " + slide.id() + " (manifest line " + slide.line() + "): " + error);
        err.flush();
        return SlideSummary.failed(slide.id(), seconds(start), error);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
