package org.flashdeconv.engine.graph;

import static org.flashdeconv.engine.graph.GraphBuilderTest.assertRowsEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11.8: coordinates scaled by 1e200 or 1e-200 (or by powers of two at the ends of the double range) give the
 * same knn, radius and grid graphs as the unscaled ones, and never hang. Scaling by a power of two is exact, so
 * those graphs are identical even on a lattice full of ties; 1e±200 are checked on points without ties.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExtremeCoordinatesTest {

    static double[][] times(double[][] p, double f) {
        double[][] q = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i].clone();
            for (int c = 0; c < q[i].length; c++) {
                q[i][c] *= f;
            }
        }
        return q;
    }

    private static int[][][] graphs(double[][] pts, double radius) {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            CoordsView view = TestMatrices.coords(pts, arena);
            return new int[][][] {GraphOracle.rows(GraphBuilder.knn(view, 6, arena, ex, Progress.NONE)),
                GraphOracle.rows(GraphBuilder.radius(view, radius, arena, ex, Progress.NONE)),
                GraphOracle.rows(GraphBuilder.grid(view, arena, ex, Progress.NONE))};
        }
    }

    private static void assertSame(int[][][] want, int[][][] got, String what) {
        String[] names = {"knn", "radius", "grid"};
        for (int g = 0; g < want.length; g++) {
            assertEquals(want[g].length, got[g].length, what);
            for (int i = 0; i < want[g].length; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(want[g][i], got[g][i], what + " " + names[g]
                        + " row " + i);
            }
        }
    }

    @Test
    void powerOfTwoScalesGiveIdenticalGraphsOnALattice() {
        for (GraphBuilderTest.Kind kind : new GraphBuilderTest.Kind[] {GraphBuilderTest.Kind.LATTICE,
            GraphBuilderTest.Kind.HEX, GraphBuilderTest.Kind.LATTICE_3D}) {
            double[][] pts = GraphBuilderTest.points(kind, 500, 3);
            int[][][] want = graphs(pts, 150);
            for (int e : new int[] {-1000, -700, -300, 300, 700, 900}) {
                double f = Math.scalb(1.0, e);
                assertSame(want, graphs(times(pts, f), Math.scalb(150.0, e)), kind + " x 2^" + e);
            }
        }
    }

    @Test
    void decimalScalesGiveTheSameGraphsOnPointsWithoutTies() {
        double[][] pts = GraphBuilderTest.points(GraphBuilderTest.Kind.UNIFORM, 800, 5);
        int[][][] want = graphs(pts, 0.6);
        for (double f : new double[] {1e200, 1e-200, 1e300, 1e-300, 1e-310}) {
            assertSame(want, graphs(times(pts, f), 0.6 * f), "x " + f);
        }
    }

    @Test
    void coordinatesNearTheEndsOfTheRangeBuildAGraph() {
        double[][] huge = {{-1.7e308, 0}, {1.7e308, 0}, {1.7e308, 1e308}, {0, -1e308}};
        double[][] tiny = {{Double.MIN_VALUE, 0}, {0, Double.MIN_VALUE}, {0, 0}, {3 * Double.MIN_VALUE, 0}};
        // the oracle measures them scaled into the normal range (its squared distances would overflow or vanish)
        for (double[][] pts : new double[][][] {huge, tiny}) {
            double[][] exact = times(pts, pts == huge ? Math.scalb(1.0, -1000) : Math.scalb(1.0, 1000));
            try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
                CoordsView view = TestMatrices.coords(pts, arena);
                assertRowsEqual(GraphOracle.knn(exact, 2), GraphBuilder.knn(view, 2, arena, ex, Progress.NONE),
                        "knn at the end of the range");
                assertEquals(4, GraphBuilder.grid(view, arena, ex, Progress.NONE).spots());
            }
        }
    }
}
