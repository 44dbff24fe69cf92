package org.flashdeconv.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.ParityFixture;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The graph of every parity configuration equals {@code graph_edges.csv} exactly. */
class GraphParityTest {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.flashdeconv.engine.testing.ParityFixture#configurations")
    void edgesEqualTheFixture(String fixture, String config) {
        ParityFixture f = ParityFixture.shared(fixture);
        ParityFixture.Expected expected = f.expected(config);
        Map<String, Object> params = expected.params();
        List<String> want = new ArrayList<>();
        for (int[] e : expected.edges()) {
            want.add(e[0] + "," + e[1]);
        }
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            SpatialGraph g = build(f.coords, params, arena, ex);
            assertEquals(want, GraphOracle.edges(g));
            double[] hist = (double[]) expected.summary().get("graph_degree_histogram");
            long[] got = g.degreeHistogram();
            assertEquals(hist.length, got.length);
            for (int d = 0; d < hist.length; d++) {
                assertEquals((long) hist[d], got[d], "degree " + d);
            }
        }
    }

    private static SpatialGraph build(double[][] coords, Map<String, Object> params, Arena arena, BlockExecutor ex) {
        var view = TestMatrices.coords(coords, arena);
        return switch ((String) params.get("spatial_method")) {
            case "knn" -> GraphBuilder.knn(view, ((Double) params.get("k_neighbors")).intValue(), arena, ex,
                    Progress.NONE);
            case "radius" -> GraphBuilder.radius(view, (Double) params.get("radius"), arena, ex, Progress.NONE);
            case "grid" -> GraphBuilder.grid(view, arena, ex, Progress.NONE);
            default -> throw new AssertionError(params.get("spatial_method"));
        };
    }

    @Test
    void gridRadiusOfTheSyntheticCaseIsTheDocumentedOne() {
        ParityFixture f = ParityFixture.shared(ParityFixture.SYNTHETIC);
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            assertEquals(1.3937167007094096, GraphBuilder.gridRadius(TestMatrices.coords(f.coords, arena), ex));
        }
    }

    @Test
    void upstreamLatticePinsTheTieRule() {
        ParityFixture f = ParityFixture.shared(ParityFixture.UPSTREAM);
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(3)) {
            SpatialGraph g = GraphBuilder.knn(TestMatrices.coords(f.coords, arena), 6, arena, ex, Progress.NONE);
            assertEquals(764, g.directedEntries());
            assertEquals(382, g.undirectedEdges());
            assertEquals(7.64, g.meanDegree(), 1e-15);
            assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 14, 22, 54, 6, 4}, g.degreeHistogram());
            int[][] rows = GraphOracle.rows(g);
            assertArrayEquals(new int[] {1, 2, 10, 11, 12, 20}, rows[0]);
            assertArrayEquals(new int[] {44, 45, 46, 54, 56, 64, 65, 66}, rows[55]);
        }
    }
}
