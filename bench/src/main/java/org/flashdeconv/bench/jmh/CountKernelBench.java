package org.flashdeconv.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.flashdeconv.engine.counts.CountModel;
import org.flashdeconv.engine.counts.PoissonSpot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The count model's per-spot kernel ({@link PoissonSpot#solve}, docs/algorithm.md §29.2) on one hd8-like spot: K = 12
 * floored log-normal profiles over |S| = 2000 genes, {@code nnz} non-zero genes drawn from a mix of three types,
 * solved from a uniform start to the default tolerance, without ({@code prior=false}) and with the spatial prior's
 * pseudo-counts (α = 10 spread over all types, as a mixed neighbourhood gives). One solve per operation; 64 different
 * spots are cycled so that no branch pattern is memorised.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CountKernelBench extends JmhDefaults {
    private static final int K = 12;
    private static final int GENES = 2000;
    private static final int SPOTS = 64;
    /** Prior strength of the benchmark spot (the automatic α ranges about 1-10 on the simulated profiles). */
    private static final double ALPHA = 10;

    @Param({"50", "150", "500"})
    public int nnz;

    @Param({"false", "true"})
    public boolean prior;

    private PoissonSpot solver;
    private int[][] pos;
    private double[][] y;
    private double[] cost;
    private double[] pseudo;
    private double[] beta;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(3);
        int stride = K + 1;
        double[] rows = new double[GENES * stride];
        double floor = 0.01 / GENES;
        for (int t = 0; t < K; t++) {
            double sum = 0;
            for (int g = 0; g < GENES; g++) {
                double v = Math.exp(2 * r.nextGaussian());
                rows[g * stride + t] = v;
                sum += v;
            }
            double total = 0;
            for (int g = 0; g < GENES; g++) {
                rows[g * stride + t] = Math.max(rows[g * stride + t] / sum, floor);
                total += rows[g * stride + t];
            }
            for (int g = 0; g < GENES; g++) {
                rows[g * stride + t] /= total;
            }
        }
        solver = new PoissonSpot(rows, stride);
        pos = new int[SPOTS][nnz];
        y = new double[SPOTS][nnz];
        for (int s = 0; s < SPOTS; s++) {
            int gap = GENES / nnz;
            for (int j = 0; j < nnz; j++) {
                pos[s][j] = j * gap + r.nextInt(gap);
                y[s][j] = 1 + r.nextInt(1 + (int) (6 * rows[pos[s][j] * stride + s % K] * GENES / 10));
            }
        }
        cost = new double[stride];
        java.util.Arrays.fill(cost, 1.0);
        pseudo = new double[stride];
        for (int t = 0; t < K; t++) {
            pseudo[t] = ALPHA / K;
            cost[t] += ALPHA / (2.0 * nnz);
        }
        beta = new double[stride];
    }

    @Benchmark
    public double solve() {
        int s = next++ & (SPOTS - 1);
        java.util.Arrays.fill(beta, 0);
        solver.solve(nnz, pos[s], y[s], K, cost, prior ? pseudo : null, beta, CountModel.MAX_ITER, CountModel.TOL);
        return beta[0] + solver.iterations();
    }
}
