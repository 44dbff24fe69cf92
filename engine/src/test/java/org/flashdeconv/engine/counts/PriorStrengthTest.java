package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.flashdeconv.engine.graph.SpatialGraph;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.junit.jupiter.api.Test;

/**
 * The automatic prior strength: compositions drawn from Dirichlet(α μ) around a smooth mean μ on a grid, with and
 * without sampling noise that falls with depth.
 */
class PriorStrengthTest {
    private static final int SIDE = 64;
    private static final int N = SIDE * SIDE;
    private static final int K = 5;
    private static final int K1 = K + 1;

    /** A 4-neighbour grid graph (no wrap). */
    private static SpatialGraph grid(Arena arena, boolean edges) {
        MemorySegment ptr = arena.allocate(Layouts.I64, N + 1);
        MemorySegment nb = arena.allocate(Layouts.I32, 4L * N);
        long e = 0;
        for (int i = 0; i < N; i++) {
            ptr.setAtIndex(Layouts.I64, i, e);
            int x = i % SIDE;
            int y = i / SIDE;
            int[][] d = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
            for (int[] s : d) {
                int nx = x + s[0];
                int ny = y + s[1];
                if (edges && nx >= 0 && nx < SIDE && ny >= 0 && ny < SIDE) {
                    nb.setAtIndex(Layouts.I32, e++, ny * SIDE + nx);
                }
            }
        }
        ptr.setAtIndex(Layouts.I64, N, e);
        return new SpatialGraph(N, ptr, nb);
    }

    /**
     * β of every spot: composition ~ Dirichlet(alpha μ(x, y)) times a depth log-uniform on [20, 5000]; with
     * {@code noisy}, the composition is replaced by the fractions of that many multinomial draws from it.
     */
    private static MemorySegment beta(Arena arena, double alpha, boolean noisy, long seed) {
        Random rnd = new Random(seed);
        MemorySegment b = arena.allocate(Layouts.F64, (long) N * K1);
        double[] mu = new double[K];
        double[] pi = new double[K];
        for (int i = 0; i < N; i++) {
            double x = (i % SIDE) / (double) SIDE;
            double y = (i / SIDE) / (double) SIDE;
            double s = 0;
            for (int t = 0; t < K; t++) {
                mu[t] = Math.exp(2 * Math.sin(3 * x * (t + 1) + 2 * y * t));
                s += mu[t];
            }
            double total = 0;
            for (int t = 0; t < K; t++) {
                pi[t] = gamma(rnd, alpha * mu[t] / s);
                total += pi[t];
            }
            double depth = Math.floor(20 * Math.exp(rnd.nextDouble() * Math.log(250)));
            if (noisy) {
                double[] drawn = new double[K];
                for (int m = 0; m < depth; m++) {
                    double u = rnd.nextDouble() * total;
                    int t = 0;
                    while (t < K - 1 && u >= pi[t]) {
                        u -= pi[t++];
                    }
                    drawn[t]++;
                }
                System.arraycopy(drawn, 0, pi, 0, K);
                total = depth;
            }
            for (int t = 0; t < K; t++) {
                b.setAtIndex(Layouts.F64, (long) i * K1 + t, pi[t] / total * depth);
            }
        }
        return b;
    }

    /** Marsaglia-Tsang gamma(shape, 1), with the boost for shape below 1. */
    private static double gamma(Random rnd, double shape) {
        if (shape < 1) {
            return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rnd.nextGaussian();
            double v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(rnd.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double estimate(double alpha, boolean noisy, int threads) {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(threads)) {
            return PriorStrength.estimate(grid(arena, true), beta(arena, alpha, noisy, 11), K1, K, N, ex);
        }
    }

    @Test
    void followsTheSpreadAroundTheNeighboursAndDiscountsTheSamplingNoise() {
        for (double alpha : new double[] {1, 10}) {
            double clean = estimate(alpha, false, 2);
            // π̄ is itself a mean of four Dirichlet draws: E‖π − π̄‖² = (1 + 1/4)(1 − ‖μ‖²)/(α + 1) about
            double expected = (alpha + 1) / 1.25 - 1;
            assertEquals(expected, clean, 0.25 * expected + 0.1, "alpha " + alpha);
            double noisy = estimate(alpha, true, 2);
            assertEquals(clean, noisy, 0.2 * clean + 0.1, "alpha " + alpha + ": the 1/n regression removes the noise");
        }
        assertTrue(estimate(1, true, 2) < estimate(10, true, 2) / 3, "a looser layout gets a weaker prior");
    }

    @Test
    void sameBitsForAnyThreadCount() {
        assertEquals(estimate(3, true, 1), estimate(3, true, 2));
    }

    @Test
    void noSpreadGivesTheLargestNoNeighboursGivesNone() {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            MemorySegment same = arena.allocate(Layouts.F64, (long) N * K1);
            for (int i = 0; i < N; i++) {
                for (int t = 0; t < K; t++) {
                    same.setAtIndex(Layouts.F64, (long) i * K1 + t, (t + 1) * (1 + i % 7));
                }
            }
            assertEquals(PriorStrength.MAX, PriorStrength.estimate(grid(arena, true), same, K1, K, N, ex));
            assertEquals(0, PriorStrength.estimate(grid(arena, false), same, K1, K, N, ex));
        }
    }

    @Test
    void aSampleOfTheSpotsGivesNearlyTheSameEstimateAndAllSpotsTheSameBits() {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            SpatialGraph g = grid(arena, true);
            MemorySegment b = beta(arena, 5, true, 3);
            double all = PriorStrength.estimate(g, b, K1, K, N, ex);
            assertEquals(all, PriorStrength.estimate(g, b, K1, K, N, N, ex), "a cap of N reads every spot");
            double quarter = PriorStrength.estimate(g, b, K1, K, N, N / 4, ex);
            assertTrue(quarter != all, "every 4th spot: other sums");
            assertEquals(all, quarter, 0.1 * all, "every 4th spot of 4096");
            try (BlockExecutor one = new BlockExecutor(1)) {
                assertEquals(quarter, PriorStrength.estimate(g, b, K1, K, N, N / 4, one), "any thread count");
            }
        }
    }
}
