package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * How far β is from a minimiser of the objective of docs/algorithm.md §9: the largest entry of the projected
 * gradient (the KKT residual of the non-negativity constraints), relative to the gradient's scale at β = 0.
 *
 * <p>The gradient of F at spot i, type k is g_ik = (Gram·β_i)_k − h_ik + λ·(deg_i·β_ik − Σ_{j∈N(i)} β_jk) + ρ_eff;
 * its projection is g_ik where β_ik > 0 and min(g_ik, 0) where β_ik = 0 (a minimiser has every projected entry
 * zero). The residual is max |projected g| / (max |h| + ρ_eff), so it does not depend on the units of the data: a
 * residual of 1e-4 means no entry could lower the objective at more than 1e-4 of the rate it could at the start
 * from zero. Unlike the relative change of β it does not shrink when λ makes every step small: it measures
 * distance to the optimum, not speed.
 *
 * <p>The maxima are exact reductions, so the value does not depend on the thread count.
 */
public final class Optimality {

    /** Spots per parallel block (fixed: block boundaries must not depend on the thread count). */
    static final long BLOCK = 4096;

    private Optimality() {
    }

    /**
     * The relative KKT residual of {@code beta}.
     *
     * @param problem  H, Gram, graph
     * @param lambda   λ
     * @param rhoEff   ρ_eff
     * @param beta     N x K f64 spot-major, non-negative
     * @param executor runs the spot blocks
     * @return the residual (≥ 0; 0 for an empty problem or a problem whose gradient scale is 0)
     */
    public static double residual(BcdProblem problem, double lambda, double rhoEff, MemorySegment beta,
                                  BlockExecutor executor) {
        long n = problem.spots();
        int kk = problem.types();
        if (n == 0 || kk == 0) {
            return 0;
        }
        int blocks = BlockExecutor.blockCount(n, BLOCK);
        double[] worst = new double[blocks];
        double[] scale = new double[blocks];
        executor.forEachBlock(n, BLOCK, (block, s, e) ->
                blockMaxima(problem, lambda, rhoEff, beta, s, e, worst, scale, block));
        double w = 0;
        double h = 0;
        for (int b = 0; b < blocks; b++) {
            w = Math.max(w, worst[b]);
            h = Math.max(h, scale[b]);
        }
        double denominator = h + rhoEff;
        return w == 0 ? 0 : denominator > 0 ? w / denominator : Double.POSITIVE_INFINITY;
    }

    private static void blockMaxima(BcdProblem p, double lambda, double rho, MemorySegment beta, long s, long e,
                                    double[] worst, double[] scale, int block) {
        int kk = p.types();
        double[] g = p.gram();
        MemorySegment h = p.h();
        double[] b = new double[kk];
        double[] nsum = new double[kk];
        double w = 0;
        double hMax = 0;
        for (long i = s; i < e; i++) {
            long base = i * kk;
            double deg = SolverArithmetic.gather(p, beta, i, b, nsum);
            for (int k = 0; k < kk; k++) {
                double hk = h.getAtIndex(Layouts.F64, base + k);
                double grad = -hk + rho + lambda * (deg * b[k] - nsum[k]);
                for (int l = 0; l < kk; l++) {
                    grad += g[k * kk + l] * b[l];
                }
                double projected = b[k] > 0 ? grad : Math.min(grad, 0);
                w = Math.max(w, Math.abs(projected));
                hMax = Math.max(hMax, Math.abs(hk));
            }
        }
        worst[block] = w;
        scale[block] = hMax;
    }
}
