package org.flashdeconv.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.GeneWeighting;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.Model;
import org.flashdeconv.engine.Units;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.SolverType;
import org.flashdeconv.engine.SpatialMethod;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The model's options (λ, ρ, genes, graph, solver, threads); a picocli mixin shared by {@code deconvolve} and
 * {@code batch}, turned into the engine's {@link FlashDeconvOptions} by {@link #toOptions}.
 */
final class EngineOptions {
    @Option(names = "--sketch-dim", defaultValue = "512", paramLabel = "D",
            description = "Dimension of the countsketch representation (--gene-weighting countsketch); under "
                    + "expected it only scales the gene weights; --model flashdeconv only (default: ${DEFAULT-VALUE}).")
    int sketchDim;

    @Option(names = "--lambda", defaultValue = "auto", paramLabel = "auto|auto*F|X[,...]",
            description = "Spatial strength: auto, a multiple of it (auto*3), a number, or several, each "
                    + "warm-started from the previous (default: ${DEFAULT-VALUE}). Under --model counts it is the "
                    + "prior's α, auto = estimated from the data; under --model flashdeconv see the README's "
                    + "platform table.")
    String lambda;

    @Option(names = "--rho", defaultValue = "0.01", paramLabel = "R",
            description = "L1 weight; --model flashdeconv only (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--n-hvg", defaultValue = "2000", paramLabel = "N",
            description = "Highly variable genes selected, besides the markers (default: ${DEFAULT-VALUE}).")
    int nHvg;

    @Option(names = "--n-markers", defaultValue = "50", paramLabel = "N",
            description = "Markers per type (default: ${DEFAULT-VALUE}).")
    int nMarkers;

    @Option(names = "--spatial-method", defaultValue = "knn", paramLabel = "M",
            description = "knn, radius or grid (default: ${DEFAULT-VALUE}).")
    String spatialMethod;

    @Option(names = "--k", defaultValue = "6", paramLabel = "K",
            description = "Neighbours for knn (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--radius", paramLabel = "R", description = "Radius for --spatial-method radius.")
    Double radius;

    @Option(names = "--max-iter", defaultValue = "1000", paramLabel = "N",
            description = "Sweep cap: a run that needs more is reported NOT converged; --model flashdeconv only "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--tol", defaultValue = "1e-4", paramLabel = "T",
            description = "Convergence tolerance: the solver stops when the largest relative change of a sweep (and, "
                    + "for --solver block, the optimality residual) is below T; --model flashdeconv only "
                    + "(default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--preprocess", defaultValue = "log_cpm", paramLabel = "P",
            description = "log_cpm, pearson or raw; --model flashdeconv only (default: ${DEFAULT-VALUE}).")
    String preprocess;

    @Option(names = "--gene-weighting", defaultValue = "expected", paramLabel = "W",
            description = "expected or countsketch; --model flashdeconv only (default: ${DEFAULT-VALUE}).")
    String geneWeighting;

    @Option(names = "--solver", defaultValue = "block", paramLabel = "S",
            description = "Solver of --model flashdeconv: block (exact per-spot solves, same objective, far fewer "
                    + "sweeps) or reference (docs/algorithm.md §10 bit for bit, for parity) (default: "
                    + "${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--model", defaultValue = "counts", paramLabel = "M",
            description = "counts (the count-space model of docs/algorithm.md §29: Poisson per spot, a background for "
                    + "types missing from the reference, per-spot quality in quality.csv; --lambda is then the "
                    + "spatial prior's pseudo-molecules, auto = estimated from the data) or flashdeconv (the "
                    + "published FlashDeconv 0.2.0 model, bit for bit with its parity fixtures; faster) "
                    + "(default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--units", defaultValue = "molecules", paramLabel = "U",
            description = "What the counts model's proportions are fractions of: molecules, or cells (needs a "
                    + "single-cell reference, whose mean counts per cell give each type's size) "
                    + "(default: ${DEFAULT-VALUE}).")
    String units;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the sketch's draws; --model flashdeconv only (default: ${DEFAULT-VALUE}). "
                    + "Under counts these eight options are ignored, with a warning when given.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    /**
     * The options of the published model that the count model does not use (docs/algorithm.md §29: its genes, graph,
     * λ, units and threads come from the other options; its Newton solver has fixed caps and tolerances, it has no
     * L1 term and reads the counts, not a sketch of a preprocessed matrix).
     */
    static final List<String> FLASHDECONV_ONLY = List.of("--rho", "--solver", "--max-iter", "--tol",
            "--sketch-dim", "--preprocess", "--gene-weighting", "--seed");

    /**
     * The one-line warning for options of {@link #FLASHDECONV_ONLY} given on the command line while the model is
     * counts (they would be silently ignored), or null when there are none or the model is flashdeconv.
     *
     * @param options the options {@link #toOptions} made
     * @param parsed  the command's parse result
     */
    static String ignoredUnderCounts(FlashDeconvOptions options, CommandLine.ParseResult parsed) {
        if (options.model() != Model.COUNTS) {
            return null;
        }
        List<String> given = FLASHDECONV_ONLY.stream().filter(parsed::hasMatchedOption).toList();
        if (given.isEmpty()) {
            return null;
        }
        return "warning: " + String.join(", ", given) + (given.size() == 1 ? " is an option" : " are options")
                + " of --model flashdeconv and the count model (the default) ignores "
                + (given.size() == 1 ? "it" : "them") + "; add --model flashdeconv to use "
                + (given.size() == 1 ? "it" : "them");
    }

    /**
     * The engine options these values describe.
     *
     * @throws CommandLine.ParameterException (a usage error of {@code cl}) if a value is not accepted
     */
    FlashDeconvOptions toOptions(CommandLine cl) {
        try {
            if (k < 1) {
                throw new IllegalArgumentException("--k must be at least 1 (neighbours per spot), found " + k);
            }
            FlashDeconvOptions.Builder b = FlashDeconvOptions.builder()
                    .sketchDim(sketchDim).lambdas(lambdas()).rhoSparsity(rho).nHvg(nHvg).nMarkersPerType(nMarkers)
                    .spatialMethod(Choices.parse(SpatialMethod.class, spatialMethod, "--spatial-method"))
                    .kNeighbors(k).maxIter(maxIter).tol(tol).preprocess(Preprocess.parse(preprocess))
                    .geneWeighting(GeneWeighting.parse(geneWeighting)).randomState(seed)
                    .solver(Choices.parse(SolverType.class, solver, "--solver"))
                    .model(Choices.parse(Model.class, model, "--model"))
                    .units(Choices.parse(Units.class, units, "--units"));
            if (radius != null) {
                b.radius(radius);
            }
            if (threads != null) {
                b.threads(threads);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage(), e);
        }
    }

    private List<LambdaSpec> lambdas() {
        List<LambdaSpec> specs;
        try {
            specs = LambdaSpec.parseList(lambda);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lambda: " + e.getMessage(), e);
        }
        requireDistinctFolders(specs, lambda.split(",", -1));
        return specs;
    }

    /**
     * Refuses two values that name the same result folder ({@code 0.1,0.10}, {@code auto,auto*1}): the second
     * result would silently replace the first.
     *
     * @throws IllegalArgumentException naming both values and the folder
     */
    static void requireDistinctFolders(List<LambdaSpec> specs, String[] texts) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            String folder = SlideJob.folderName(specs.get(i));
            Integer first = seen.putIfAbsent(folder, i);
            if (first != null) {
                String a = texts.length == specs.size() ? texts[first].strip() : specs.get(first).toString();
                String b = texts.length == specs.size() ? texts[i].strip() : specs.get(i).toString();
                throw new IllegalArgumentException("--lambda: '" + a + "' and '" + b + "' are the same value (result "
                        + "folder " + folder + "); give each value once");
            }
        }
    }
}
