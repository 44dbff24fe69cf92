package org.flashdeconv.engine.represent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.flashdeconv.engine.GeneWeighting;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneSelection;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.ParityFixture;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Representation against the parity fixtures: weights, sketch, Gram and ‖Yr‖² to 1e-10 relative (buckets and
 * signs exactly), and H against a naive Xr·Yrᵀ.
 */
class RepresentationParityTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.flashdeconv.engine.testing.ParityFixture#configurations")
    void representsLikeTheFixture(String name, String config) {
        ParityFixture f = ParityFixture.shared(name);
        ParityFixture.Expected e = f.expected(config);
        Map<String, Object> params = e.params();
        int nHvg = e.intParam("n_hvg");
        int nMarkers = e.intParam("n_markers_per_type");
        int d = e.intParam("sketch_dim");
        long seed = ((Double) params.get("random_state")).longValue();
        Preprocess pp = Preprocess.parse((String) params.get("preprocess"));
        GeneWeighting gw = GeneWeighting.parse((String) params.get("gene_weighting"));
        int types = f.signatures.length;
        int spots = f.counts.length;
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(2)) {
            CsrView y = TestMatrices.csr(f.counts, arena);
            GeneStats stats = GeneStats.compute(y, ex, Progress.NONE);
            GeneSelection sel = GeneSelection.select(stats, f.signatures, nHvg, nMarkers);
            Representation rep = RepresentationPass.prepare(f.signatures, sel, stats, pp, gw, d, seed);
            if (gw == GeneWeighting.EXPECTED) {
                assertEquals(sel.size(), rep.dim());
                assertArrayEquals(sel.selected(), e.intColumn("gene_weights.csv", 0));
                assertRelative(e.doubleColumn("gene_weights.csv", 1), ((Representation.Weighted) rep).weights(), 1e-10,
                        "weights");
            } else {
                assertEquals(d, rep.dim());
                assertArrayEquals(sel.selected(), e.intColumn("sketch.csv", 0));
                SketchDraws sketch = ((Representation.Sketched) rep).sketch();
                assertArrayEquals(e.intColumn("sketch.csv", 1), sketch.bucket(), "buckets");
                assertArrayEquals(e.intColumn("sketch.csv", 2), sketch.sign(), "signs");
                assertRelative(e.doubleColumn("sketch.csv", 3), sketch.value(), 1e-10, "sketch values");
            }
            double[][] gram = e.table("gram.csv").values();
            for (int k = 0; k < types; k++) {
                assertRelative(gram[k], rep.gram()[k], 1e-10, "gram row " + k);
            }
            MemorySegment h = arena.allocate(Layouts.F64, (long) spots * types);
            double norm = RepresentationPass.project(y, sel, stats, pp, rep, h, ex, Progress.NONE);
            double expectedNorm = (Double) e.summary().get("y_repr_sq_norm");
            assertEquals(expectedNorm, norm, 1e-10 * expectedNorm, "||Yr||^2");

            NaiveRepresentation naive = new NaiveRepresentation(f.counts, sel.selected(), stats, pp, rep);
            assertEquals(naive.squaredNorm(), norm, 1e-12 * norm);
            double[][] hNaive = naive.h();
            for (int i = 0; i < spots; i++) {
                for (int k = 0; k < types; k++) {
                    double v = h.getAtIndex(Layouts.F64, (long) i * types + k);
                    assertEquals(hNaive[i][k], v, 1e-12 * Math.max(1, Math.abs(hNaive[i][k])),
                            "H spot " + i + " type " + k);
                }
            }
        }
    }

    static void assertRelative(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.abs(expected[i]), what + " at " + i);
        }
    }
}
