package org.flashdeconv.engine;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.engine.graph.SpatialGraph;
import org.flashdeconv.engine.represent.SketchDraws;
import org.flashdeconv.engine.testing.ParityFixture;
import org.flashdeconv.engine.testing.TestMatrices;

/**
 * Fits one parity configuration through the streaming path and measures every difference to the expected
 * outputs (docs/algorithm.md §13.2). Test-only.
 */
final class ParityComparison {

    private static final Map<String, ParityFixture> CASES = new HashMap<>();

    /** Discrete results (true = identical) and the largest continuous errors of one configuration. */
    record Figures(String config, boolean hvg, boolean markers, boolean genes, boolean edges, boolean sketchDraws,
                   boolean dominant, boolean converged, int iterations, int expectedIterations,
                   double lambdaRel, double betaAbs, double proportionsAbs, double objectiveRel, double rhoEffRel,
                   double gramDiagMeanRel, double yrSqNormRel, double gramRel, double leverageRel, double weightsRel,
                   double traceChangeRel, double traceObjectiveRel, GraphSummary graph, long expectedEdges,
                   double expectedMeanDegree, long[] expectedHistogram) {
    }

    static synchronized ParityFixture fixture(String name) {
        return CASES.computeIfAbsent(name, ParityFixture::load);
    }

    /** The options of a configuration's params.json. */
    static FlashDeconvOptions options(Map<String, Object> p, int threads) {
        FlashDeconvOptions.Builder b = FlashDeconvOptions.builder()
                .sketchDim(intOf(p, "sketch_dim"))
                .rhoSparsity((Double) p.get("rho_sparsity"))
                .nHvg(intOf(p, "n_hvg"))
                .nMarkersPerType(intOf(p, "n_markers_per_type"))
                .spatialMethod(SpatialMethod.valueOf(((String) p.get("spatial_method")).toUpperCase()))
                .kNeighbors(intOf(p, "k_neighbors"))
                .maxIter(intOf(p, "max_iter"))
                .tol((Double) p.get("tol"))
                .preprocess(Preprocess.valueOf(((String) p.get("preprocess")).toUpperCase()))
                .geneWeighting(GeneWeighting.valueOf(((String) p.get("gene_weighting")).toUpperCase()))
                .randomState(intOf(p, "random_state"))
                .verbose(true)
                .solver(SolverType.REFERENCE)
                .threads(threads);
        Object lambda = p.get("lambda_spatial");
        b = lambda instanceof Double d ? b.lambda(d) : b.lambdaAuto();
        if (p.get("radius") instanceof Double r) {
            b.radius(r);
        }
        return b.build();
    }

    private static int intOf(Map<String, Object> p, String key) {
        return (int) (double) (Double) p.get(key);
    }

    static Figures compare(String caseName, String config, int threads) {
        ParityFixture f = fixture(caseName);
        ParityFixture.Expected e = f.expected(config);
        Map<String, Object> sum = e.summary();
        FlashDeconvOptions o = options(e.params(), threads);
        List<Double> changes = new ArrayList<>();
        Progress trace = new Progress() {
            @Override
            public void sweep(int iteration, double relativeChange) {
                changes.add(relativeChange);
            }
        };
        try (Arena input = Arena.ofShared();
             PreparedProblem p = FlashDeconv.prepare(FitInput.of(TestMatrices.csr(f.counts, input), f.signatures,
                     TestMatrices.coords(f.coords, input)).withCellTypeNames(f.cellTypes), o, trace);
             FitResult r = p.solve(o.lambdas().get(0))) {
            boolean edges = Arrays.deepEquals(e.edges(), undirectedEdges(p.graph()));
            boolean draws = true;
            double weights = 0;
            if (e.has("sketch.csv")) {
                SketchDraws s = r.sketch().orElseThrow();
                draws = Arrays.equals(e.intColumn("sketch.csv", 1), s.bucket())
                        && Arrays.equals(e.intColumn("sketch.csv", 2), s.sign());
                weights = maxRel(e.doubleColumn("sketch.csv", 3), s.value());
            } else {
                weights = maxRel(e.doubleColumn("gene_weights.csv", 1), r.geneWeights());
            }
            double[] traceChange = e.doubleColumn("trace.csv", 1);
            double[] traceObj = e.doubleColumn("trace.csv", 2);
            double changeRel = maxRel(Arrays.copyOf(traceChange, Math.min(traceChange.length, changes.size())),
                    changes.stream().mapToDouble(Double::doubleValue).limit(traceChange.length).toArray());
            double objRel = 0;
            List<Double> recorded = r.info().objectives();
            for (int i = 0; i < recorded.size(); i++) {
                int sweep = Math.min(1 + 10 * i, o.maxIter());
                if (sweep <= traceObj.length) {
                    objRel = Math.max(objRel, rel(traceObj[sweep - 1], recorded.get(i)));
                }
            }
            double[] gram = Arrays.stream(r.gram()).flatMapToDouble(Arrays::stream).toArray();
            double[] gramExpected = Arrays.stream(e.table("gram.csv").values()).flatMapToDouble(Arrays::stream)
                    .toArray();
            FitSummary s = r.summary();
            return new Figures(config,
                    Arrays.equals(e.intColumn("hvg_idx.csv", 0), r.hvgIndices()),
                    Arrays.equals(e.intColumn("marker_idx.csv", 0), r.markerIndices()),
                    Arrays.equals(e.intColumn("gene_idx.csv", 0), r.geneIndices()),
                    edges, draws,
                    Arrays.equals(e.intColumn("dominant.csv", 1), referenceDominant(r)),
                    (Boolean) sum.get("converged") == r.info().converged(),
                    r.info().iterations(), (int) (double) (Double) sum.get("n_iterations"),
                    rel((Double) sum.get("lambda_used"), r.lambdaUsed()),
                    maxAbs(e.table("beta.csv").values(), r.copyAbundances()),
                    maxAbs(e.table("proportions.csv").values(), referenceProportions(r)),
                    rel((Double) sum.get("final_objective"), r.info().finalObjective()),
                    rel((Double) sum.get("rho_eff"), r.rhoEff()),
                    rel((Double) sum.get("gram_diag_mean"), s.gramDiagMean()),
                    rel((Double) sum.get("y_repr_sq_norm"), p.problem().yrSqNorm()),
                    maxRel(gramExpected, gram),
                    maxRel(e.doubleColumn("leverage.csv", 1), r.leverage()),
                    weights, changeRel, objRel, r.graph(),
                    (long) (double) (Double) sum.get("graph_n_edges"), (Double) sum.get("graph_mean_degree"),
                    Arrays.stream((double[]) sum.get("graph_degree_histogram")).mapToLong(v -> (long) v).toArray());
        }
    }

    /**
     * The proportions as the reference reports them: where we flag a spot {@code no_fit} (all β zero) the reference
     * makes up the uniform row 1/K; every other row is ours unchanged (a no_fit row anywhere else stays NaN and
     * fails the comparison).
     */
    static double[][] referenceProportions(FitResult r) {
        double[][] p = r.copyProportions();
        for (int i = 0; i < p.length; i++) {
            if (r.status(i) == SpotStatus.NO_FIT) {
                Arrays.fill(p[i], 1.0 / r.cellTypes());
            }
        }
        return p;
    }

    /** The dominant types as the reference reports them: the first type for a spot we flag {@code no_fit}. */
    static int[] referenceDominant(FitResult r) {
        int[] d = r.copyDominantCellType();
        for (int i = 0; i < d.length; i++) {
            if (r.status(i) == SpotStatus.NO_FIT) {
                d[i] = 0;
            }
        }
        return d;
    }

    static int[][] undirectedEdges(SpatialGraph g) {
        List<int[]> out = new ArrayList<>();
        for (long i = 0; i < g.spots(); i++) {
            long start = g.rowStart(i);
            for (int d = 0; d < g.degree(i); d++) {
                int j = g.neighbor(start + d);
                if (j > i) {
                    out.add(new int[] {(int) i, j});
                }
            }
        }
        out.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        return out.toArray(new int[0][]);
    }

    static double rel(double want, double got) {
        return want == got ? 0 : Math.abs(got - want) / Math.abs(want);
    }

    static double maxRel(double[] want, double[] got) {
        if (want.length != got.length) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        for (int i = 0; i < want.length; i++) {
            m = Math.max(m, rel(want[i], got[i]));
        }
        return m;
    }

    static double maxAbs(double[][] want, double[][] got) {
        if (want.length != got.length) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        for (int i = 0; i < want.length; i++) {
            if (want[i].length != got[i].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int k = 0; k < want[i].length; k++) {
                m = Math.max(m, Math.abs(want[i][k] - got[i][k]));
            }
        }
        return m;
    }
}
