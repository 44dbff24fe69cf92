package org.flashdeconv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.io.simulate.GroundTruth;
import org.flashdeconv.io.simulate.Profile;
import org.flashdeconv.io.simulate.ReferenceCells;
import org.flashdeconv.io.simulate.SimulatedSlide;
import org.flashdeconv.io.simulate.SimulationOptions;
import org.flashdeconv.io.simulate.SlideEffects;
import org.flashdeconv.io.store.StoreConverter;
import org.flashdeconv.io.store.StoreSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flashdeconv simulate}: a synthetic slide streamed into a store, with its ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Simulates a slide on a Visium or Visium HD lattice (tissue domains, sparse cell-type mixtures, the "
                + "platform's depth) and writes it as a store, with the true signatures and proportions.",
            "Outputs in OUTDIR: slide.fdstore; signatures.csv (reference types x genes, per 10,000, without "
                + "platform effects); truth_proportions.csv.gz (molecule = UMI fractions, every slide type); "
                + "truth_cell_fractions.csv.gz (cell fractions; the same unless --cell-sizes); simulation.json "
                + "(options, cell sizes, what each file holds); reference_cells/ (MEX + cell_types.csv) with "
                + "--reference-cells. Streams: 10 million bins need no more memory than ten thousand.",
            "Realism: --scenario realistic = --platform-sigma 0.4 --dispersion 0.2 --depth 20:5000 "
                + "--missing-types 1 --cell-sizes 1000:4000 --reference-cells 200; each option overrides the "
                + "scenario's value. --scenario clean (default) turns everything off."},
        footer = {"", "Examples:", "  flashdeconv simulate -o sim-hd8 --spots 1000000 --profile hd8 --seed 1",
            "  flashdeconv simulate -o sim-real --spots 20000 --profile hd8 \\",
            "      --scenario realistic --seed 1"})
final class SimulateCommand implements Callable<Integer> {
    /** File names inside OUTDIR. */
    static final String STORE = "slide.fdstore";
    static final String SIGNATURES = "signatures.csv";
    static final String TRUTH = "truth_proportions.csv.gz";
    static final String TRUTH_CELLS = "truth_cell_fractions.csv.gz";
    static final String DESCRIPTION = "simulation.json";
    static final String REFERENCE_CELLS = "reference_cells";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "Folder to write into (created if missing; the files of an earlier simulation there are "
                    + "replaced, other files are kept; a failed run leaves it as it was).")
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

    @Option(names = "--scenario", defaultValue = "clean", paramLabel = "NAME",
            description = "clean (no effect of real data) or realistic (the combination above) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--platform-sigma", paramLabel = "S",
            description = "Gene-wise platform factors exp(N(0, S^2)) between reference and slide; 0 = off.")
    private Double platformSigma;

    @Option(names = "--dispersion", paramLabel = "PHI",
            description = "Negative binomial counts, variance mu + PHI mu^2 per type and gene; 0 = multinomial.")
    private Double dispersion;

    @Option(names = "--depth", paramLabel = "MIN:MAX",
            description = "Library sizes log-uniform on [MIN, MAX] UMIs per spot; 0:0 = the profile's depth.")
    private String depth;

    @Option(names = "--missing-types", paramLabel = "N",
            description = "The last N types are in the slide and the truth but not in the reference.")
    private Integer missingTypes;

    @Option(names = "--cell-sizes", paramLabel = "MIN:MAX",
            description = "Mean molecules per cell of each type, log-uniform on [MIN, MAX]; 0:0 = all equal.")
    private String cellSizes;

    @Option(names = "--reference-cells", paramLabel = "N",
            description = "Also write a single-cell reference of N cells per reference type; 0 = none.")
    private Integer referenceCells;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    private boolean quiet;

    private SlideEffects effects() {
        SlideEffects e = SlideEffects.scenario(scenario);
        if (platformSigma != null) {
            e = e.withPlatformSigma(platformSigma);
        }
        if (dispersion != null) {
            e = e.withDispersion(dispersion);
        }
        if (depth != null) {
            int[] range = range("--depth", depth);
            e = e.withDepth(range[0], range[1]);
        }
        if (missingTypes != null) {
            e = e.withMissingTypes(missingTypes);
        }
        if (cellSizes != null) {
            int[] range = range("--cell-sizes", cellSizes);
            e = e.withCellSizes(range[0], range[1]);
        }
        if (referenceCells != null) {
            e = e.withReferenceCells(referenceCells);
        }
        return e;
    }

    private static int[] range(String option, String value) {
        String[] parts = value.split(":", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be MIN:MAX (two whole numbers), found '" + value + "'");
    }

    @Override
    public Integer call() throws Exception {
        SimulationOptions options;
        try {
            if (spots < 1) {
                throw new IllegalArgumentException("--spots must be at least 1, found " + spots);
            }
            options = new SimulationOptions(spots, genes, types, Profile.parse(profile), seed,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads, effects());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e); // a usage error: exit 2
        }
        long start = System.nanoTime();
        Path store = output.resolve(STORE);
        Path signatures = output.resolve(SIGNATURES);
        Path truth = output.resolve(TRUTH);
        Path truthCells = output.resolve(TRUTH_CELLS);
        Path description = output.resolve(DESCRIPTION);
        Path cells = output.resolve(REFERENCE_CELLS);
        int perType = options.effects().referenceCells();
        StoreSummary summary;
        try (SimulatedSlide slide = new SimulatedSlide(options);
             ProgressBars.Handle progress = ProgressBars.create(quiet);
             SimulationFolder folder = SimulationFolder.create(output)) {
            Path stage = folder.stage();
            try {
                summary = StoreConverter.convert(slide, stage.resolve(STORE), progress.listener());
                GroundTruth.writeSignatures(slide, stage.resolve(SIGNATURES));
                GroundTruth.writeProportions(slide, stage.resolve(TRUTH), progress.listener());
                GroundTruth.writeCellFractions(slide, stage.resolve(TRUTH_CELLS), progress.listener());
                if (perType > 0) {
                    ReferenceCells.draw(slide, perType).writeMex(stage.resolve(REFERENCE_CELLS));
                }
                GroundTruth.writeDescription(slide, stage.resolve(DESCRIPTION), perType > 0);
            } catch (IOException e) {
                throw folder.shownAsOutput(e);
            } catch (UncheckedIOException e) {
                throw folder.shownAsOutput(e.getCause());
            }
            folder.commit(perType > 0 ? List.of(STORE, SIGNATURES, TRUTH, TRUTH_CELLS, REFERENCE_CELLS, DESCRIPTION)
                    : List.of(STORE, SIGNATURES, TRUTH, TRUTH_CELLS, DESCRIPTION));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "simulated %,d %s spots x %,d genes, %d cell types (seed %d): %,d counts "
                        + "(%.0f per spot) in %.1f s%n", spots, options.profile().cliName(), genes, types, seed,
                summary.nnz(), summary.nnz() / (double) spots, seconds);
        out.println("  " + store);
        out.println("  " + signatures);
        out.println("  " + truth + " (molecule fractions)");
        out.println("  " + truthCells + " (cell fractions)");
        if (perType > 0) {
            out.println("  " + cells + " (" + perType + " cells per reference type)");
        }
        out.println("  " + description);
        out.flush();
        return 0;
    }
}
