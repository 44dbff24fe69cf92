package org.flashdeconv.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

/** Thread-count invariance, arenas, progress, input checks and the density guard. */
class GraphBuilderContractTest {
    private static final int SPOTS = 95 * 95;

    /** A 95 x 95 lattice, every third spot exact (ties), the rest jittered, plus duplicates: three blocks. */
    private static double[][] mixed() {
        Random rnd = new Random(9);
        double[][] p = new double[SPOTS][];
        for (int i = 0; i < p.length; i++) {
            double jitter = i % 3 == 0 ? 0 : 0.05;
            p[i] = new double[] {i % 95 + rnd.nextGaussian() * jitter, i / 95 + rnd.nextGaussian() * jitter};
        }
        p[500] = p[17].clone();
        p[9000] = p[17].clone();
        return p;
    }

    private interface Build {
        SpatialGraph run(CoordsView c, Arena arena, BlockExecutor ex);
    }

    private static final List<Build> BUILDS = List.of(
            (c, a, ex) -> GraphBuilder.knn(c, 6, a, ex, Progress.NONE),
            (c, a, ex) -> GraphBuilder.knn(c, 4, a, ex, Progress.NONE),
            (c, a, ex) -> GraphBuilder.radius(c, 1.5, a, ex, Progress.NONE),
            (c, a, ex) -> GraphBuilder.grid(c, a, ex, Progress.NONE));

    @Test
    void sameSegmentsForOneTwoAndThreeThreads() {
        double[][] pts = mixed();
        for (Build build : BUILDS) {
            List<byte[][]> results = new ArrayList<>();
            for (int threads = 1; threads <= 3; threads++) {
                try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(threads)) {
                    SpatialGraph g = build.run(TestMatrices.coords(pts, arena), arena, ex);
                    results.add(new byte[][] {bytes(g.rowPtr()), bytes(g.neighbors())});
                }
            }
            assertTrue(results.get(0)[1].length > 4 * SPOTS * 4);
            for (int t = 1; t < 3; t++) {
                assertArrayEquals(results.get(0)[0], results.get(t)[0]);
                assertArrayEquals(results.get(0)[1], results.get(t)[1]);
            }
        }
    }

    private static byte[] bytes(MemorySegment s) {
        return s.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    @Test
    void sharedArenaOutputEqualsConfinedArenaOutput() {
        double[][] pts = mixed();
        try (Arena confined = Arena.ofConfined(); Arena shared = Arena.ofShared();
                BlockExecutor ex = new BlockExecutor(2)) {
            CoordsView c = TestMatrices.coords(pts, confined);
            SpatialGraph a = GraphBuilder.knn(c, 6, confined, ex, Progress.NONE);
            SpatialGraph b = GraphBuilder.knn(c, 6, shared, ex, Progress.NONE);
            assertTrue(b.neighbors().isAccessibleBy(new Thread(() -> { })));
            assertArrayEquals(bytes(a.rowPtr()), bytes(b.rowPtr()));
            assertArrayEquals(bytes(a.neighbors()), bytes(b.neighbors()));
        }
    }

    @Test
    void progressCountsEverySpotOfEveryPass() {
        double[][] pts = mixed();
        AtomicLong total = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Progress p = new Progress() {
            @Override
            public void start(String stage, long units) {
                total.set(units);
                done.set(0);
            }

            @Override
            public void advance(long units) {
                done.addAndGet(units);
            }
        };
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            CoordsView c = TestMatrices.coords(pts, arena);
            GraphBuilder.knn(c, 6, arena, ex, p);
            assertEquals(SPOTS, total.get());
            assertEquals(SPOTS, done.get());
            GraphBuilder.radius(c, 1.1, arena, ex, p);
            assertEquals(2 * SPOTS, done.get());
            GraphBuilder.grid(c, arena, ex, p);
            assertEquals(3 * SPOTS, total.get());
            assertEquals(3 * SPOTS, done.get());
        }
    }

    @Test
    void rejectsNonFiniteCoordinatesNamingSpotAndColumn() {
        double[][] pts = {{0, 0}, {1, 1}, {2, Double.NaN}, {Double.POSITIVE_INFINITY, 3}};
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            CoordsView c = TestMatrices.coords(pts, arena);
            for (Runnable r : List.<Runnable>of(() -> GraphBuilder.knn(c, 2, arena, ex, Progress.NONE),
                    () -> GraphBuilder.knn(c, 0, arena, ex, Progress.NONE),
                    () -> GraphBuilder.radius(c, 1, arena, ex, Progress.NONE),
                    () -> GraphBuilder.grid(c, arena, ex, Progress.NONE),
                    () -> GraphBuilder.gridRadius(c, ex))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
                assertTrue(e.getMessage().contains("spot 2 column 1 is NaN"), e.getMessage());
            }
        }
    }

    @Test
    void rejectsBadKAndRadius() {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            CoordsView c = TestMatrices.coords(new double[][] {{0, 0}, {1, 0}}, arena);
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> GraphBuilder.knn(c, -1, arena, ex, Progress.NONE)).getMessage().contains("found -1"));
            for (double r : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertTrue(assertThrows(IllegalArgumentException.class,
                        () -> GraphBuilder.radius(c, r, arena, ex, Progress.NONE)).getMessage()
                        .contains("found " + r));
            }
        }
    }

    @Test
    void tooLargeRadiusIsRejectedWithTheMeanDegree() {
        double[][] pts = new double[3000][];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = new double[] {i % 60, i / 60};
        }
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            CoordsView c = TestMatrices.coords(pts, arena);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GraphBuilder.radius(c, 100, arena, ex, Progress.NONE));
            assertTrue(e.getMessage().contains("radius 100.0 is too large for 3000 spots"), e.getMessage());
            assertTrue(e.getMessage().contains("mean degree of at least"), e.getMessage());
            // Just below the limit (mean degree 957.2 of 1000) builds exactly; just above (1003.8) does not.
            assertEquals(2_871_688, GraphBuilder.radius(c, 21, arena, ex, Progress.NONE).directedEntries());
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> GraphBuilder.radius(c, 21.5, arena, ex, Progress.NONE)).getMessage()
                    .contains("limit: 3000000 directed entries"));
        }
    }

    @Test
    void gridOfMostlyDuplicatedSpotsJoinsDuplicatesOrRefusesWhenDense() {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            double[][] pairs = new double[1500][];
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = new double[] {i / 2, 0};
            }
            CoordsView c = TestMatrices.coords(pairs, arena);
            assertEquals(0.0, GraphBuilder.gridRadius(c, ex));
            SpatialGraph g = GraphBuilder.grid(c, arena, ex, Progress.NONE);
            assertEquals(1500, g.directedEntries());
            assertArrayEquals(new int[] {1232}, GraphOracle.rows(g)[1233]);
            CoordsView same = TestMatrices.coords(GraphBuilderTest.points(GraphBuilderTest.Kind.IDENTICAL, 1500, 0),
                    arena);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GraphBuilder.grid(same, arena, ex, Progress.NONE));
            assertTrue(e.getMessage().startsWith("grid graph: radius 0.0 is too large for 1500 spots"), e.getMessage());
        }
    }

    @Test
    void emptyGraphsForTinyInputs() {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            CoordsView none = new CoordsView(0, 2, arena.allocate(8));
            CoordsView one = TestMatrices.coords(new double[][] {{1, 2}}, arena);
            for (CoordsView c : List.of(none, one)) {
                for (SpatialGraph g : List.of(GraphBuilder.knn(c, 6, arena, ex, Progress.NONE),
                        GraphBuilder.radius(c, 1, arena, ex, Progress.NONE),
                        GraphBuilder.grid(c, arena, ex, Progress.NONE))) {
                    assertEquals(c.n(), g.spots());
                    assertEquals(0, g.directedEntries());
                    assertEquals(0.0, g.meanDegree());
                }
                assertEquals(0.0, GraphBuilder.gridRadius(c, ex));
            }
            CoordsView two = TestMatrices.coords(new double[][] {{1, 2}, {4, 6}}, arena);
            assertEquals(7.5, GraphBuilder.gridRadius(two, ex));
            assertEquals(0, GraphBuilder.knn(two, 0, arena, ex, Progress.NONE).directedEntries());
            assertEquals(2, GraphBuilder.knn(two, 50, arena, ex, Progress.NONE).directedEntries());
        }
    }

    @Test
    void graphViewChecksItsShape() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ptr = arena.allocate(Layouts.I64, 3);
            ptr.setAtIndex(Layouts.I64, 2, 4);
            assertThrows(IllegalArgumentException.class, () -> new SpatialGraph(3, ptr, arena.allocate(16)));
            assertThrows(IllegalArgumentException.class, () -> new SpatialGraph(2, ptr, arena.allocate(12)));
            SpatialGraph g = new SpatialGraph(2, ptr, arena.allocate(16));
            assertEquals(4, g.directedEntries());
            assertArrayEquals(new long[] {1, 0, 0, 0, 1}, g.degreeHistogram());
        }
    }
}
