package org.flashdeconv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.io.simulate.GroundTruth;
import org.flashdeconv.io.simulate.Profile;
import org.flashdeconv.io.simulate.SimulatedSlide;
import org.flashdeconv.io.simulate.SimulationOptions;
import org.flashdeconv.io.store.StoreConverter;
import org.flashdeconv.io.store.StoreSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flashdeconv simulate}: a synthetic slide streamed into a store, with its ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Simulates a slide on a Visium or Visium HD lattice (tissue domains, sparse cell-type mixtures, the "
                + "platform's depth) and writes it as a store, with the true signatures and proportions.",
            "Outputs: OUTDIR/slide.fdstore, OUTDIR/signatures.csv, OUTDIR/truth_proportions.csv.gz. "
                + "Streams: 10 million bins need no more memory than ten thousand."},
        footer = {"", "Example:", "  flashdeconv simulate -o sim-hd8 --spots 1000000 --profile hd8 --seed 1"})
final class SimulateCommand implements Callable<Integer> {
    /** File names inside OUTDIR. */
    static final String STORE = "slide.fdstore";
    static final String SIGNATURES = "signatures.csv";
    static final String TRUTH = "truth_proportions.csv.gz";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Folder to write into (created if missing; files there are replaced).")
    private Path output;

    @Option(names = "--spots", required = true, paramLabel = "N", description = "Number of spots (bins).")
    private long spots;

    @Option(names = "--genes", defaultValue = "18000", paramLabel = "G", description = "Genes (default: ${DEFAULT-VALUE}).")
    private int genes;

    @Option(names = "--types", defaultValue = "12", paramLabel = "K",
            description = "Cell types (default: ${DEFAULT-VALUE}).")
    private int types;

    @Option(names = "--profile", defaultValue = "hd8", paramLabel = "PROFILE",
            description = "visium (hexagonal, 100 um), hd16, hd8 or hd2 (square bins of 16, 8, 2 um); sets the "
                    + "lattice and the depth per spot (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Random seed; the same seed gives the same slide (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Generator threads (default: all cores).")
    private Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        SimulationOptions options = new SimulationOptions(spots, genes, types, Profile.parse(profile), seed,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        long start = System.nanoTime();
        Path store = output.resolve(STORE);
        Path signatures = output.resolve(SIGNATURES);
        Path truth = output.resolve(TRUTH);
        StoreSummary summary;
        try (SimulatedSlide slide = new SimulatedSlide(options);
             ProgressBars.Handle progress = ProgressBars.create(quiet)) {
            java.nio.file.Files.createDirectories(output);
            summary = StoreConverter.convert(slide, store, progress.listener());
            GroundTruth.writeSignatures(slide, signatures);
            GroundTruth.writeProportions(slide, truth, progress.listener());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "simulated %,d %s spots x %,d genes, %d cell types (seed %d): %,d counts "
                        + "(%.0f per spot) in %.1f s%n", spots, options.profile().cliName(), genes, types, seed,
                summary.nnz(), summary.nnz() / (double) spots, seconds);
        out.println("  " + store);
        out.println("  " + signatures);
        out.println("  " + truth);
        out.flush();
        return 0;
    }
}
