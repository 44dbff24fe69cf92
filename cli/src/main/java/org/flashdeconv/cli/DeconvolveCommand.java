package org.flashdeconv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.engine.FitInput;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.GeneWeighting;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.PreparedProblem;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.SolverType;
import org.flashdeconv.engine.SpatialMethod;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.genes.GeneMatch;
import org.flashdeconv.io.genes.GeneMatcher;
import org.flashdeconv.io.json.JsonWriter;
import org.flashdeconv.io.plot.FitSpotTable;
import org.flashdeconv.io.plot.PlotOptions;
import org.flashdeconv.io.plot.SlidePlots;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.result.ResultFolder;
import org.flashdeconv.io.result.SummaryJson;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.GeneStatsCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flashdeconv deconvolve}: cell-type proportions for every spot of a slide. */
@Command(name = "deconvolve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Estimates, for every spot or bin, the proportions of the reference's cell types (FlashDeconv: "
                + "leverage-weighted genes, graph-regularised non-negative regression).",
            "Writes into OUTDIR: proportions.csv, abundances.csv, dominant.csv, coordinates.csv, genes_used.txt "
                + "and summary.json; with several --lambda values one folder lambda_<value>/ each."},
        footer = {"", "Examples:",
            "  flashdeconv deconvolve --spatial lymph_node.fdstore --reference signatures.csv -o results/",
            "  flashdeconv deconvolve --spatial outs/filtered_feature_bc_matrix --coords spots.csv \\",
            "      --reference ref_cells/ --cell-types ref_cells.csv -o results/ --lambda auto,100,1000 --plot"})
final class DeconvolveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @CommandLine.Mixin
    private InputOptions inputs = new InputOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Result folder.")
    private Path output;

    @Option(names = "--sketch-dim", defaultValue = "512", paramLabel = "D", description = "Default: ${DEFAULT-VALUE}.")
    private int sketchDim;

    @Option(names = "--lambda", defaultValue = "auto", paramLabel = "auto|auto*F|X[,...]",
            description = "Spatial strength: auto, a multiple of it (auto*3), a number, or several, each "
                    + "warm-started from the previous (default: ${DEFAULT-VALUE}; see the README's platform table).")
    private String lambda;

    @Option(names = "--rho", defaultValue = "0.01", paramLabel = "R", description = "L1 weight (default: ${DEFAULT-VALUE}).")
    private double rho;

    @Option(names = "--n-hvg", defaultValue = "2000", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    private int nHvg;

    @Option(names = "--n-markers", defaultValue = "50", paramLabel = "N",
            description = "Markers per type (default: ${DEFAULT-VALUE}).")
    private int nMarkers;

    @Option(names = "--spatial-method", defaultValue = "knn", paramLabel = "M",
            description = "knn, radius or grid (default: ${DEFAULT-VALUE}).")
    private String spatialMethod;

    @Option(names = "--k", defaultValue = "6", paramLabel = "K", description = "Neighbours for knn (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--radius", paramLabel = "R", description = "Radius for --spatial-method radius.")
    private Double radius;

    @Option(names = "--max-iter", defaultValue = "1000", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    private int maxIter;

    @Option(names = "--tol", defaultValue = "1e-4", paramLabel = "T", description = "Default: ${DEFAULT-VALUE}.")
    private double tol;

    @Option(names = "--preprocess", defaultValue = "log_cpm", paramLabel = "P",
            description = "log_cpm, pearson or raw (default: ${DEFAULT-VALUE}).")
    private String preprocess;

    @Option(names = "--gene-weighting", defaultValue = "expected", paramLabel = "W",
            description = "expected or countsketch (default: ${DEFAULT-VALUE}).")
    private String geneWeighting;

    @Option(names = "--solver", defaultValue = "block", paramLabel = "S",
            description = "Solver: block (exact per-spot solves, same objective, far fewer sweeps) or reference "
                    + "(docs/algorithm.md §10 bit for bit, for parity) (default: ${DEFAULT-VALUE}).")
    private String solver;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the countsketch draws (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private Integer threads;

    @Option(names = "--h5ad-out", paramLabel = "FILE",
            description = "Also write an AnnData file: obsm['flashdeconv'] proportions, obs['flashdeconv_dominant'], "
                    + "obsm['spatial'], uns parameters (with several λ: FILE_lambda_<value>.h5ad).")
    private Path h5adOut;

    @Option(names = "--plot", description = "Also draw proportions.png and dominant.png into the result folder.")
    private boolean plot;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    private boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        FlashDeconvOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        try (ProgressBars.Handle bars = ProgressBars.create(quiet);
             SpatialStore input = inputs.spatial.open(output, bars.listener())) {
            // input: the store, the reference on the store's genes, the coordinates
            StageLog stages = new StageLog(bars.listener());
            CountStore store = input.store();
            LoadedReference loaded = inputs.reference.load();
            Reference ref = loaded.reference();
            GeneMatch match = GeneMatcher.match(store.geneNames(), store.geneIds(), ref.geneNames(), ref.geneIds())
                    .requireAtLeast(inputs.minOverlap);
            CoordsView xy = store.coords().orElseThrow(() -> new IllegalArgumentException("--spatial: "
                    + inputs.spatial.path + " has no coordinates; give --coords FILE (or convert with --coords)"));
            CsrView y = store.csr().withColumnMap(match.spatialToAligned(), match.size());
            FitInput fitInput = GeneStatsCache.withStoredStats(store,
                    FitInput.of(y, match.alignSignatures(ref), xy).withCellTypeNames(ref.cellTypes()));
            List<String> warnings = inputWarnings(input, loaded, match);
            warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            // engine, then the writers, one λ at a time
            Outputs outputs = new Outputs(store, xy, match.genes(), bars,
                    j -> extras(j, input, loaded, match, warnings, stages), out,
                    match.report().toText().lines().findFirst().orElse(""));
            try (PreparedProblem problem = FlashDeconv.prepare(fitInput, options, stages);
                 BlockExecutor writer = new BlockExecutor(options.threads())) {
                problem.solveEach(fit -> write(fit, outputs, writer));
            }
        }
        out.flush();
        return 0;
    }

    /** What the writers of every λ share. */
    private record Outputs(CountStore store, CoordsView xy, List<String> genes, ProgressBars.Handle bars,
                           Consumer<JsonWriter> extras, PrintWriter out, String overlap) {
    }

    private static List<String> inputWarnings(SpatialStore input, LoadedReference loaded, GeneMatch match) {
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
    private void write(FitResult fit, Outputs o, BlockExecutor writer) throws IOException {
        boolean several = fit.options().lambdas().size() > 1;
        String name = folderName(fit.lambdaRequested());
        Path folder = several ? output.resolve(name) : output;
        String summary = SummaryJson.of(fit, VersionProvider.version(), o.extras());
        ResultFolder.write(folder, fit, o.store()::barcode, o.xy(), o.genes(), summary, writer);
        if (h5adOut != null) {
            H5adExport.write(several ? H5adExport.forLambda(h5adOut, name) : h5adOut, fit, o.store(), o.xy());
        }
        if (plot) {
            Path title = folder.toAbsolutePath().normalize().getFileName();
            SlidePlots.write(FitSpotTable.of(fit, o.xy()), PlotOptions.defaults(title == null ? "" : title.toString()),
                    folder.resolve("proportions.png"), folder.resolve("dominant.png"), o.bars().listener());
        }
        report(o.out(), folder, fit, summary, o.overlap());
    }

    /** The result subfolder of a λ when several are given: lambda_auto, lambda_autox3, lambda_100, lambda_0.5. */
    static String folderName(LambdaSpec lambda) {
        return "lambda_" + lambda.toString().replace('*', 'x');
    }

    private FlashDeconvOptions options() {
        try {
            FlashDeconvOptions.Builder b = FlashDeconvOptions.builder()
                    .sketchDim(sketchDim).lambdas(lambdas()).rhoSparsity(rho).nHvg(nHvg).nMarkersPerType(nMarkers)
                    .spatialMethod(Choices.parse(SpatialMethod.class, spatialMethod, "--spatial-method"))
                    .kNeighbors(k).maxIter(maxIter).tol(tol).preprocess(Preprocess.parse(preprocess))
                    .geneWeighting(GeneWeighting.parse(geneWeighting)).randomState(seed)
                    .solver(Choices.parse(SolverType.class, solver, "--solver"));
            if (radius != null) {
                b.radius(radius);
            }
            if (threads != null) {
                b.threads(threads);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private List<LambdaSpec> lambdas() {
        try {
            return LambdaSpec.parseList(lambda);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lambda: " + e.getMessage(), e);
        }
    }

    private void extras(JsonWriter j, SpatialStore input, LoadedReference loaded, GeneMatch match,
                        List<String> warnings, StageLog stages) {
        CountStore store = input.store();
        Reference ref = loaded.reference();
        j.name("inputs").beginObject();
        j.field("spatial", inputs.spatial.path.toString());
        j.field("reference", inputs.reference.path.toString());
        j.field("spatial_genes", store.genes());
        j.field("reference_genes", ref.genes());
        j.field("coords", inputs.spatial.coords == null ? null : inputs.spatial.coords.toString());
        j.field("transpose", inputs.spatial.reading.transpose);
        j.field("layer", inputs.spatial.reading.layer);
        j.field("spatial_key", inputs.spatial.reading.spatialKey);
        if (inputs.spatial.reading.binSize == null) {
            j.field("bin_size", (String) null);
        } else {
            j.field("bin_size", inputs.spatial.reading.binSize);
        }
        j.field("reference_orientation", inputs.reference.orientation);
        j.field("cell_type_key", inputs.reference.cellTypeKey);
        j.field("reference_layer", inputs.reference.layer);
        j.field("cell_types", inputs.reference.cellTypes == null ? null : inputs.reference.cellTypes.toString());
        j.field("min_cells", inputs.reference.minCells);
        j.field("min_overlap", inputs.minOverlap);
        j.field("spatial_gene_column", inputs.spatial.reading.geneColumn);
        j.field("reference_gene_column", inputs.reference.geneColumn);
        j.name("exclude_types").beginArray();
        inputs.reference.excludeTypes.forEach(j::value);
        j.endArray();
        j.name("spatial_notes").beginArray();
        input.notes().forEach(j::value);
        j.endArray();
        j.name("reference_notes").beginArray();
        loaded.notes().forEach(j::value);
        j.endArray();
        j.endObject();
        j.name("gene_overlap");
        match.report().writeJson(j);
        j.name("input_warnings").beginArray();
        warnings.forEach(j::value);
        j.endArray();
        stages.write(j);
        MemoryReport.write(j, stages.peakHeap());
    }

    private void report(PrintWriter out, Path folder, FitResult fit, String summary, String geneLine) {
        if (json) {
            out.print(summary);
            return;
        }
        var s = fit.summary();
        out.printf(Locale.ROOT, "%s: %d spots, %d cell types, %d genes, lambda %.6g, %s after %d sweeps "
                        + "(change %.3g)%n", folder, s.nSpots(), s.nCellTypes(), s.nGenesUsed(), s.lambdaSpatial(),
                s.converged() ? "converged" : "NOT converged", s.nIterations(), s.finalChange());
        out.println(TopTypes.describe(fit, 5));
        out.println(geneLine);
        for (String w : fit.warnings()) {
            out.println("warning: " + w);
        }
    }
}
