package org.flashdeconv.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The builders against the brute-force {@link GraphOracle} on point sets full of ties, and the graph's properties. */
class GraphBuilderTest {
    private static final int[] SIZES = {0, 1, 2, 3, 7, 50, 500};

    /** Point-set kinds that stress ties, duplicates, degenerate axes and clustering. */
    enum Kind {
        UNIFORM, LATTICE, DUPLICATES, IDENTICAL, CLUSTERED, LATTICE_3D, UNIFORM_3D, LINE, FLAT_3D, HEX, TINY, OFFSET
    }

    static double[][] points(Kind kind, int n, long seed) {
        Random rnd = new Random(seed);
        double[][] p = new double[n][];
        int side = (int) Math.ceil(Math.sqrt(n));
        for (int i = 0; i < n; i++) {
            p[i] = switch (kind) {
                case UNIFORM -> new double[] {rnd.nextDouble() * 10, rnd.nextDouble() * 10};
                case LATTICE -> new double[] {rnd.nextInt(side + 1), rnd.nextInt(side + 1)};
                case DUPLICATES -> new double[] {rnd.nextInt(3) * 0.5, rnd.nextInt(2) * 0.5};
                case IDENTICAL -> new double[] {3.25, -1.5};
                case CLUSTERED -> i % 10 == 0
                        ? new double[] {rnd.nextDouble() * 1e4, rnd.nextDouble() * 1e4}
                        : new double[] {(i % 3) * 500 + rnd.nextGaussian() * 0.01, rnd.nextInt(4) * 0.01};
                case LATTICE_3D -> new double[] {rnd.nextInt(5), rnd.nextInt(5), rnd.nextInt(4)};
                case UNIFORM_3D -> new double[] {rnd.nextDouble(), rnd.nextDouble() * 2, rnd.nextDouble() * 0.1};
                case LINE -> new double[] {rnd.nextInt(n + 1) * 0.25, 7};
                case FLAT_3D -> new double[] {i % side, i / side, 0};
                case HEX -> new double[] {(i % side) * 100 + (i / side % 2) * 50, (i / side) * 100 * Math.sqrt(3) / 2};
                // Squared distances in the subnormal range; a large offset that eats most mantissa bits.
                case TINY -> new double[] {rnd.nextInt(side + 1) * 1e-160, rnd.nextInt(side + 1) * 1e-160};
                case OFFSET -> new double[] {1e7 + rnd.nextInt(side + 1) * 0.1, -3e6 + rnd.nextDouble()};
            };
        }
        return p;
    }

    static Stream<Arguments> pointSets() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1;
        for (Kind kind : Kind.values()) {
            for (int n : SIZES) {
                out.add(Arguments.of(kind, n, seed++));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("pointSets")
    void knnEqualsBruteForce(Kind kind, int n, long seed) {
        double[][] pts = points(kind, n, seed);
        onPoints(pts, 2, (view, arena, ex) -> {
            // TINY: the oracle ranks the exactly scaled points, as the builder does (subnormal squares would tie)
            int[][] ranking = GraphOracle.ranking(kind == Kind.TINY
                    ? ExtremeCoordinatesTest.times(pts, Math.scalb(1.0, 530)) : pts);
            // k > N - 1 (all other spots) only where that stays cheap for the oracle.
            for (int k : new int[] {0, 1, 4, 6, 13, n <= 50 ? n + 2 : 40}) {
                SpatialGraph g = GraphBuilder.knn(view, k, arena, ex, Progress.NONE);
                assertRowsEqual(GraphOracle.knn(ranking, k), g, kind + " k=" + k);
                assertWellFormed(g);
            }
        });
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("pointSets")
    void radiusAndGridEqualBruteForce(Kind kind, int n, long seed) {
        double[][] pts = points(kind, n, seed);
        onPoints(pts, 2, (view, arena, ex) -> {
            // Exact lattice distances (1, sqrt 2, 2) sit on the radius: inclusive comparison is tested.
            for (double r : new double[] {1e-9, 0.5, 1, Math.sqrt(2), 3.7, 150}) {
                if (n > 0 && kind != Kind.IDENTICAL && kind != Kind.DUPLICATES || r < 1) {
                    SpatialGraph g = GraphBuilder.radius(view, r, arena, ex, Progress.NONE);
                    assertRowsEqual(GraphOracle.radius(pts, r), g, kind + " r=" + r);
                    assertWellFormed(g);
                }
            }
            // the builder scales TINY coordinates by a power of two (exact) before measuring distances, so its grid
            // radius is the exact one, not the oracle's subnormal-rounded one: the oracle measures them scaled too
            int s = kind == Kind.TINY ? 530 : 0;
            double[][] exact = ExtremeCoordinatesTest.times(pts, Math.scalb(1.0, s));
            double gridR = Math.scalb(GraphOracle.gridRadius(exact), -s);
            assertEquals(gridR, GraphBuilder.gridRadius(view, ex));
            SpatialGraph grid = GraphBuilder.grid(view, arena, ex, Progress.NONE);
            assertRowsEqual(n <= 1 ? new int[n][0] : GraphOracle.radius(exact, Math.scalb(gridR, s)), grid,
                    kind + " grid");
        });
    }

    @Test
    void oneDimensionWorks() {
        Random rnd = new Random(4);
        double[][] pts = new double[200][];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = new double[] {rnd.nextInt(60) * 0.5};
        }
        onPoints(pts, 2, (view, arena, ex) -> {
            assertRowsEqual(GraphOracle.knn(pts, 5), GraphBuilder.knn(view, 5, arena, ex, Progress.NONE), "1-D knn");
            assertRowsEqual(GraphOracle.radius(pts, 1), GraphBuilder.radius(view, 1, arena, ex, Progress.NONE),
                    "1-D radius");
            assertEquals(GraphOracle.gridRadius(pts), GraphBuilder.gridRadius(view, ex));
        });
    }

    @Test
    void fourDimensionsWork() {
        double[][] pts = new double[300][];
        Random rnd = new Random(5);
        for (int i = 0; i < pts.length; i++) {
            pts[i] = new double[] {rnd.nextInt(4), rnd.nextInt(4), rnd.nextInt(3), rnd.nextInt(3)};
        }
        onPoints(pts, 1, (view, arena, ex) -> {
            assertRowsEqual(GraphOracle.knn(pts, 6), GraphBuilder.knn(view, 6, arena, ex, Progress.NONE), "4-D knn");
            assertRowsEqual(GraphOracle.radius(pts, 1.5), GraphBuilder.radius(view, 1.5, arena, ex, Progress.NONE),
                    "4-D radius");
        });
    }

    @Test
    void identicalSpotsTieByIndex() {
        double[][] pts = points(Kind.IDENTICAL, 9, 0);
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            int[][] rows = GraphOracle.rows(GraphBuilder.knn(TestMatrices.coords(pts, arena), 2, arena, ex,
                    Progress.NONE));
            // Every spot points at the two lowest other indices; spots 0..2 also receive every other spot.
            assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, rows[0]);
            assertArrayEquals(new int[] {0, 2, 3, 4, 5, 6, 7, 8}, rows[1]);
            assertArrayEquals(new int[] {0, 1}, rows[5]);
        }
    }

    @Test
    void laplacianRowsSumToZeroAndIsPositiveSemidefinite() {
        double[][] pts = points(Kind.UNIFORM, 500, 42);
        Random rnd = new Random(3);
        onPoints(pts, 2, (view, arena, ex) -> {
            for (SpatialGraph g : List.of(GraphBuilder.knn(view, 6, arena, ex, Progress.NONE),
                    GraphBuilder.grid(view, arena, ex, Progress.NONE))) {
                int n = (int) g.spots();
                double[][] lap = new double[n][n];
                int[][] rows = GraphOracle.rows(g);
                for (int i = 0; i < n; i++) {
                    lap[i][i] = g.degree(i);
                    for (int j : rows[i]) {
                        lap[i][j] -= 1;
                    }
                }
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        sum += lap[i][j];
                        assertEquals(lap[i][j], lap[j][i]);
                    }
                    assertEquals(0.0, sum);
                }
                for (int trial = 0; trial < 5; trial++) {
                    double[] x = rnd.doubles(n, -1, 1).toArray();
                    double quad = 0;
                    double edgeSum = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            quad += x[i] * lap[i][j] * x[j];
                        }
                        for (int j : rows[i]) {
                            edgeSum += i < j ? (x[i] - x[j]) * (x[i] - x[j]) : 0;
                        }
                    }
                    assertTrue(quad >= 0);
                    assertTrue(edgeSum > 1);
                    assertEquals(edgeSum, quad, 1e-9 * edgeSum);
                }
            }
        });
    }

    static void assertRowsEqual(int[][] want, SpatialGraph g, String what) {
        int[][] got = GraphOracle.rows(g);
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertArrayEquals(want[i], got[i], what + " row " + i);
        }
    }

    /** Rows ascending without self loops, and the relation symmetric. */
    static void assertWellFormed(SpatialGraph g) {
        int[][] rows = GraphOracle.rows(g);
        long entries = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int t = 0; t < rows[i].length; t++) {
                assertTrue(rows[i][t] != i, "self loop at " + i);
                assertTrue(t == 0 || rows[i][t - 1] < rows[i][t], "row " + i + " not ascending");
                assertTrue(java.util.Arrays.binarySearch(rows[rows[i][t]], i) >= 0, "asymmetric " + i);
            }
            entries += rows[i].length;
        }
        assertEquals(entries, g.directedEntries());
        assertEquals(0, g.directedEntries() % 2);
    }


    /** What a test checks on a point set held off-heap. */
    private interface PointsCheck {
        void check(CoordsView view, Arena arena, BlockExecutor ex);
    }

    /** Runs {@code check} on {@code pts} copied into a confined arena, with an executor of {@code threads} threads. */
    private static void onPoints(double[][] pts, int threads, PointsCheck check) {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(threads)) {
            check.check(TestMatrices.coords(pts, arena), arena, ex);
        }
    }
}
