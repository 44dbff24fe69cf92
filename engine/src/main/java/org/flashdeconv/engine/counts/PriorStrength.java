package org.flashdeconv.engine.counts;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.graph.SpatialGraph;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The automatic strength α of the spatial prior (docs/algorithm.md §29.5), an empirical-Bayes moment estimate from
 * sweep 1. If a spot's composition π_i is Dirichlet(α π̄_i) around its neighbours' mean π̄_i, then
 * E‖π_i − π̄_i‖² = (1 − ‖π̄_i‖²)/(α + 1). Sweep 1's compositions add estimation noise that falls with the spot's
 * molecules n_i, so D_i = ‖π̂_i − π̄_i‖² is regressed on 1/n_i by least squares and the intercept v (the spread at
 * infinite depth) gives α = mean(1 − ‖π̄_i‖²)/v − 1, clamped to [0, {@link #MAX}]. The sums run over every
 * ⌈N / {@link #SAMPLE}⌉-th spot: all spots up to {@link #SAMPLE}, a fixed sample of that size above (the neighbours'
 * reads, a cache miss each on a large slide, are most of the cost).
 */
final class PriorStrength {
    /** Largest automatic α (also used when the spread at infinite depth is not positive). */
    static final double MAX = 100;
    /** Most spots the estimate reads (more would change the two regression sums below their sampling noise). */
    static final int SAMPLE = 250_000;
    private static final int BLOCK = 4096;

    private PriorStrength() {
    }

    /**
     * Estimates α from sweep 1's β.
     *
     * @param prev  N x k1 β of sweep 1, spot-major
     * @param comps the fitted components per spot (K, or K + 1 with the background)
     * @return α in [0, MAX]
     */
    static double estimate(SpatialGraph graph, MemorySegment prev, int k1, int comps, long n, BlockExecutor ex) {
        return estimate(graph, prev, k1, comps, n, SAMPLE, ex);
    }

    /** {@link #estimate} on every ⌈N / {@code cap}⌉-th spot. */
    static double estimate(SpatialGraph graph, MemorySegment prev, int k1, int comps, long n, int cap,
                           BlockExecutor ex) {
        long step = Math.max(1, (n + cap - 1) / cap);
        long sample = (n + step - 1) / step;
        int blocks = BlockExecutor.blockCount(sample, BLOCK);
        double[][] sums = new double[blocks][6]; // count, Σx, Σxx, Σy, Σxy, Σh
        ex.forEachBlock(sample, BLOCK, (block, s, e) -> {
            double[] mean = new double[k1];
            double[] own = new double[k1];
            double[] acc = sums[block];
            for (long i = s * step; i < e * step; i += step) {
                double total = 0;
                for (int t = 0; t < comps; t++) {
                    own[t] = prev.getAtIndex(Layouts.F64, i * k1 + t);
                    total += own[t];
                }
                if (!(total > 0) || !CountModel.neighbourMean(graph, prev, i, k1, mean)) {
                    continue;
                }
                double d = 0;
                double h = 1;
                for (int t = 0; t < comps; t++) {
                    double diff = own[t] / total - mean[t];
                    d += diff * diff;
                    h -= mean[t] * mean[t];
                }
                double x = 1 / total;
                acc[0] += 1;
                acc[1] += x;
                acc[2] += x * x;
                acc[3] += d;
                acc[4] += x * d;
                acc[5] += h;
            }
        });
        double[] a = new double[6];
        for (double[] b : sums) {
            for (int j = 0; j < 6; j++) {
                a[j] += b[j];
            }
        }
        if (a[0] < 2) {
            return 0;
        }
        double mx = a[1] / a[0];
        double my = a[3] / a[0];
        double sxx = a[2] / a[0] - mx * mx;
        double sxy = a[4] / a[0] - mx * my;
        double slope = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
        double v = my - slope * mx;
        double h = a[5] / a[0];
        if (!(v > 0)) {
            return MAX;
        }
        return Math.max(0, Math.min(MAX, h / v - 1));
    }
}
