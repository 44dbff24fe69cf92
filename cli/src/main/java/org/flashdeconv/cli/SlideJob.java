package org.flashdeconv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.engine.FitInput;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FitSummary;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.PreparedProblem;
import org.flashdeconv.engine.Units;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.atomic.InputCollision;
import org.flashdeconv.io.atomic.StagedFolder;
import org.flashdeconv.io.genes.GeneMatch;
import org.flashdeconv.io.genes.GeneMatcher;
import org.flashdeconv.io.json.JsonWriter;
import org.flashdeconv.io.plot.FitSpotTable;
import org.flashdeconv.io.plot.PlotOptions;
import org.flashdeconv.io.plot.SlidePlots;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.result.CountModelJson;
import org.flashdeconv.io.result.ResultFolder;
import org.flashdeconv.io.result.SummaryJson;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.GeneStatsCache;

/**
 * One slide through the model, the work of {@code deconvolve} and of each slide of {@code batch}: opens the spatial
 * input, matches its genes with a reference read once by the caller, fits, and writes the result folder (one
 * {@code lambda_<value>/} folder per λ when several are given), the optional AnnData file and pictures, and the
 * report on {@code out}. Input warnings go to {@code err}.
 */
final class SlideJob {
    /**
     * Called with each λ's fit after its folder is written, while the fit and the store are open.
     */
    @FunctionalInterface
    interface FitHook {
        /**
         * Takes one fit.
         *
         * @throws IOException if what it writes cannot be written
         */
        void accept(FitResult fit, CountStore store, CoordsView xy) throws IOException;
    }

    /**
     * What a slide gave (of its last λ when several are given).
     *
     * @param spots        spots of the slide
     * @param genesMatched genes shared by the slide and the reference
     * @param lambdaUsed   the λ the solver used
     * @param sweeps       solver sweeps
     * @param converged    whether the solver met its tolerance and the optimum (optimality residual below tol)
     */
    record Report(long spots, int genesMatched, double lambdaUsed, int sweeps, boolean converged) {
    }

    /** Where a run's results go and what is written besides the result folder. */
    record Outputs(Path folder, Path h5adOut, boolean plot, boolean json) {
    }

    private final FlashDeconvOptions options;
    private final ReferenceInput referenceInput;
    private final LoadedReference loaded;
    private final int minOverlap;

    /**
     * A job with these options and this reference.
     *
     * @param options        the engine options
     * @param referenceInput where the reference came from (recorded in {@code summary.json})
     * @param loaded         the reference as read from {@code referenceInput}
     * @param minOverlap     the fewest genes a slide must share with the reference
     */
    SlideJob(FlashDeconvOptions options, ReferenceInput referenceInput, LoadedReference loaded, int minOverlap) {
        if (options.units() == Units.CELLS && !referenceInput.singleCells()) {
            throw new IllegalArgumentException("--units cells: the reference " + referenceInput.path + " is a "
                    + "signatures CSV, which says nothing about cells; give a single-cell reference (.h5ad or MEX) or "
                    + "use --units molecules");
        }
        this.options = options;
        this.referenceInput = referenceInput;
        this.loaded = loaded;
        this.minOverlap = minOverlap;
    }

    /** The engine options. */
    FlashDeconvOptions options() {
        return options;
    }

    /**
     * Runs one slide.
     *
     * @param spatial the slide and how to read it
     * @param outputs where to write
     * @param hook    called with each fit after its folder is written, or null
     * @throws IOException              if an input cannot be read or an output written
     * @throws IllegalArgumentException if the inputs do not fit together (too few shared genes, no coordinates)
     */
    Report run(SpatialOptions spatial, Outputs outputs, ProgressBars.Handle bars, PrintWriter out, PrintWriter err,
               FitHook hook) throws IOException {
        // the result folder describes one run: built under a hidden name, swapped in when complete
        Path h5ad = outputs.h5adOut() == null ? null : outputs.h5adOut().toAbsolutePath().normalize();
        Predicate<String> ours = name -> ResultFolder.isResultName(name)
                || (h5ad != null && name.startsWith(stem(h5ad)) && name.endsWith(".h5ad"));
        try (StagedFolder staged = StagedFolder.create(outputs.folder(), ours)) {
            try {
                Report report = run(spatial, outputs, staged, bars, out, err, hook);
                staged.commit();
                return report;
            } catch (IOException e) {
                throw staged.shownAsTarget(e);
            }
        }
    }

    /**
     * Refuses outputs that would replace an input: a result folder that is or holds an input, an AnnData file (or
     * one of its per-λ files) that is an input.
     *
     * @throws IllegalArgumentException naming the output option and the input
     */
    static void requireOutputsApart(FlashDeconvOptions options, SpatialOptions spatial, ReferenceInput referenceInput,
                                    Outputs outputs) {
        Map<String, Path> in = new LinkedHashMap<>();
        in.put("--spatial", spatial.path);
        in.put("--coords", spatial.coords);
        in.put("--reference", referenceInput.path);
        in.put("--cell-types", referenceInput.cellTypes);
        InputCollision.requireHoldsNoInput("-o", outputs.folder(), in);
        Path h5ad = outputs.h5adOut();
        if (h5ad != null) {
            InputCollision.requireNotAnInput("--h5ad-out", h5ad, in);
            if (options.lambdas().size() > 1) {
                for (LambdaSpec l : options.lambdas()) {
                    InputCollision.requireNotAnInput("--h5ad-out", H5adExport.forLambda(h5ad, folderName(l)), in);
                }
            }
        }
    }

    /** The file name of an AnnData output without its extension (its per-λ files start with it). */
    private static String stem(Path h5ad) {
        String name = h5ad.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".h5ad") ? name.substring(0, name.length() - 5) : name;
    }

    private Report run(SpatialOptions spatial, Outputs outputs, StagedFolder staged, ProgressBars.Handle bars,
                       PrintWriter out, PrintWriter err, FitHook hook) throws IOException {
        try (SpatialStore input = spatial.open(staged.stage(), bars.listener());
             Arena graphArena = Arena.ofShared()) {
            // input: the store, the reference on the store's genes, the coordinates
            StageLog stages = new StageLog(bars.listener());
            CountStore store = input.store();
            input.checkNames(spatial.path);
            Reference ref = loaded.reference();
            GeneMatch match = GeneMatcher.match(store.geneNames(), store.geneIds(), ref.geneNames(), ref.geneIds())
                    .requireAtLeast(minOverlap);
            CoordsView xy = store.coords().orElseThrow(() -> new IllegalArgumentException("--spatial: "
                    + spatial.path + " has no coordinates; give --coords FILE (or convert with --coords)"));
            CsrView y = store.csr().withColumnMap(match.spatialToAligned(), match.size());
            FitInput fitInput = GeneStatsCache.withStoredStats(store, FitInput.of(y, match.alignSignatures(ref),
                    Sections.graphCoordinates(input.sections(), xy, graphArena)).withCellTypeNames(ref.cellTypes()));
            List<String> warnings = inputWarnings(input, match);
            warnings.addAll(Sections.warnings(input.sections(), xy, store::barcode, options));
            warnings.forEach(w -> err.println("warning: " + w));
            store.releasePages(); // the name and place checks read every barcode and coordinate
            // engine, then the writers, one λ at a time
            Written w = new Written(spatial, outputs, staged, input, xy, match, bars,
                    j -> extras(j, spatial, input, match, warnings, stages), out, err, hook,
                    match.report().toText().lines().findFirst().orElse(""));
            FitSummary[] last = new FitSummary[1];
            boolean[] optimal = new boolean[1];
            try (PreparedProblem problem = FlashDeconv.prepare(fitInput, options, stages);
                 BlockExecutor writer = new BlockExecutor(options.threads())) {
                problem.solveEachThenRelease(fit -> {
                    write(fit, w, writer);
                    last[0] = fit.summary();
                    optimal[0] = fit.info().optimal();
                });
            }
            FitSummary s = last[0];
            return new Report(s.nSpots(), match.size(), s.lambdaSpatial(), s.nIterations(),
                    s.converged() && optimal[0]);
        }
    }

    /** What the writers of every λ share. */
    private record Written(SpatialOptions spatial, Outputs outputs, StagedFolder staged, SpatialStore input,
                           CoordsView xy, GeneMatch match, ProgressBars.Handle bars, Consumer<JsonWriter> extras,
                           PrintWriter out, PrintWriter err, FitHook hook, String overlap) {
        CountStore store() {
            return input.store();
        }
    }

    private List<String> inputWarnings(SpatialStore input, GeneMatch match) {
        List<String> warnings = new ArrayList<>(input.warnings());
        if (input.countsProblem() != null) {
            warnings.add(input.countsProblem());
        }
        warnings.addAll(loaded.warnings());
        if (loaded.countsProblem() != null) {
            warnings.add(loaded.countsProblem() + "; the signatures are means of the values as given");
        }
        warnings.addAll(match.warnings());
        return warnings;
    }

    /** Writes one λ's result folder (and AnnData file and pictures) and reports it. */
    private void write(FitResult fit, Written o, BlockExecutor writer) throws IOException {
        boolean several = fit.options().lambdas().size() > 1;
        String name = folderName(fit.lambdaRequested());
        Path stage = o.staged().stage();
        Path folder = several ? stage.resolve(name) : stage;
        Path target = several ? o.outputs().folder().resolve(name) : o.outputs().folder();
        ResultFolder.writeTables(folder, fit, o.store()::appendBarcodeField, o.xy(), o.input().imagePixels(),
                o.match().genes(), writer);
        Path h5adOut = o.outputs().h5adOut();
        if (h5adOut != null) {
            String warning = H5adExport.write(staged(several ? H5adExport.forLambda(h5adOut, name) : h5adOut,
                    o.staged()), fit, o.input(), o.xy(), o.match());
            if (warning != null) {
                o.err().println("warning: " + warning);
            }
        }
        if (o.outputs().plot()) {
            Path title = o.staged().target().resolve(several ? name : "").normalize().getFileName();
            SlidePlots.write(FitSpotTable.of(fit, o.xy()), PlotOptions.defaults(title == null ? "" : title.toString()),
                    folder.resolve("proportions.png"), folder.resolve("dominant.png"), o.bars().listener());
        }
        // last, so that its stage times and memory (peak RSS) include the writing of every other output
        String summary = SummaryJson.of(fit, VersionProvider.version(), j -> {
            o.extras().accept(j);
            CountModelJson.write(j, fit, o.match().genes());
        });
        ResultFolder.writeText(folder.resolve("summary.json"), summary);
        if (o.hook() != null) {
            o.hook().accept(fit, o.store(), o.xy());
        }
        report(o.out(), o.outputs().json(), target, fit, summary, o.overlap());
    }

    /** Where a file goes while the run lasts: inside the staging folder if its final place is in the result folder. */
    private static Path staged(Path file, StagedFolder staged) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path realParent = parent != null && Files.isDirectory(parent) ? realPath(parent) : parent;
        Path real = realParent == null ? abs : realParent.resolve(abs.getFileName());
        return real.startsWith(staged.target()) ? staged.stage().resolve(staged.target().relativize(real)) : file;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /** The result subfolder of a λ when several are given: lambda_auto, lambda_autox3, lambda_100, lambda_0.5. */
    static String folderName(LambdaSpec lambda) {
        return "lambda_" + lambda.toString().replace('*', 'x');
    }

    private void extras(JsonWriter j, SpatialOptions spatial, SpatialStore input, GeneMatch match,
                        List<String> warnings, StageLog stages) {
        CountStore store = input.store();
        Reference ref = loaded.reference();
        j.name("inputs").beginObject();
        j.field("spatial", spatial.path.toString());
        j.field("reference", referenceInput.path.toString());
        j.field("spatial_genes", store.genes());
        j.field("reference_genes", ref.genes());
        j.field("coords", spatial.coords == null ? null : spatial.coords.toString());
        j.field("transpose", spatial.reading.transpose);
        j.field("layer", spatial.reading.layer);
        j.field("spatial_key", spatial.reading.spatialKey);
        if (spatial.reading.binSize == null) {
            j.field("bin_size", (String) null);
        } else {
            j.field("bin_size", spatial.reading.binSize);
        }
        j.field("reference_orientation", referenceInput.orientation);
        j.field("cell_type_key", referenceInput.cellTypeKey);
        j.field("reference_layer", referenceInput.layer);
        j.field("cell_types", referenceInput.cellTypes == null ? null : referenceInput.cellTypes.toString());
        j.field("min_cells", referenceInput.minCells);
        j.field("min_overlap", minOverlap);
        Sections sections = input.sections();
        j.field("library_key", sections == null ? null : sections.key());
        j.field("library_key_default", sections != null && sections.byDefault());
        j.name("sections").beginArray();
        if (sections != null) {
            for (int s = 0; s < sections.layout().sections(); s++) {
                j.beginObject().field("name", sections.layout().names().get(s))
                        .field("spots", sections.layout().sizes()[s]).endObject();
            }
        }
        j.endArray();
        j.field("spatial_gene_column", spatial.reading.geneColumn);
        j.field("reference_gene_column", referenceInput.geneColumn);
        j.field("exclude_types", referenceInput.excludeTypes);
        j.field("spatial_notes", input.notes());
        j.field("reference_notes", loaded.notes());
        j.endObject();
        j.name("gene_overlap");
        match.report().writeJson(j);
        j.field("input_warnings", warnings);
        stages.write(j);
        MemoryReport.write(j, stages.peakHeap());
    }

    private static void report(PrintWriter out, boolean json, Path folder, FitResult fit, String summary,
                               String geneLine) {
        if (json) {
            out.print(summary);
            return;
        }
        var s = fit.summary();
        String state = !s.converged() ? "NOT converged" : fit.info().optimal() ? "converged"
                : "stopped by the change rule but NOT optimal";
        out.printf(Locale.ROOT, "%s: %d spots, %d cell types, %d genes, lambda %.6g, %s after %d sweeps "
                        + "(change %.3g, optimality residual %.3g)%n", folder, s.nSpots(), s.nCellTypes(),
                s.nGenesUsed(), s.lambdaSpatial(), state, s.nIterations(), s.finalChange(), fit.info().residual());
        out.println(TopTypes.describe(fit, 5));
        out.println(geneLine);
        for (String w : fit.warnings()) {
            out.println("warning: " + w);
        }
    }
}
