package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * How good a β is for the objective of docs/algorithm.md §9: the value F(β), and how far β is from a minimiser
 * (the optimality residual). Both come from one pass over the spots.
 *
 * <p>F(β) is evaluated in its expansion form:
 * ½·(‖Yr‖² − 2·Σ β_ik·H_ki + Σ_kl (βᵀβ)_kl·Gram_kl) + ½·λ·Σ β_ik·(Lβ)_ik + ρ_eff·Σ|β_ik|.
 *
 * <p>The residual is the largest entry of the projected gradient (the KKT residual of the non-negativity
 * constraints), relative to the gradient's scale at β = 0. The gradient of F at spot i, type k is
 * g_ik = (Gram·β_i)_k − h_ik + λ·(deg_i·β_ik − Σ_{j∈N(i)} β_jk) + ρ_eff; its projection is g_ik where β_ik > 0 and
 * min(g_ik, 0) where β_ik = 0 (a minimiser has every projected entry zero). The residual is
 * max |projected g| / (max |h| + ρ_eff), so it does not depend on the units of the data: a residual of 1e-4 means no
 * entry could lower the objective at more than 1e-4 of the rate it could at the start from zero. Unlike the
 * relative change of β it does not shrink when λ makes every step small: it measures distance to the optimum, not
 * speed.
 *
 * <p>The sums are accumulated per spot block and combined in block order, and the maxima are exact reductions, so
 * neither value depends on the thread count.
 */
public final class Objective {

    /** Spots per parallel block (fixed: block boundaries must not depend on the thread count). */
    static final long BLOCK = 4096;

    /** Per block: the four sums of F, then the largest |projected g| and |h| (indices into a block's terms). */
    private static final int CROSS = 0;
    private static final int QUAD = 1;
    private static final int LAP = 2;
    private static final int ABS = 3;
    private static final int WORST = 4;
    private static final int H_MAX = 5;
    private static final int SUMS = 4;
    private static final int TERMS = 6;

    /**
     * F(β) and the optimality residual of one β.
     *
     * @param value    F(β); 0 for an empty problem
     * @param residual the relative KKT residual (≥ 0; 0 for an empty problem or a problem whose gradient scale is 0)
     */
    record Assessment(double value, double residual) {
    }

    private Objective() {
    }

    /**
     * Evaluates F(β).
     *
     * @param problem  H, Gram, graph, ‖Yr‖²
     * @param lambda   λ
     * @param rhoEff   ρ_eff
     * @param beta     N x K f64 spot-major
     * @param executor runs the spot blocks
     * @return F(β); 0 for an empty problem
     */
    public static double evaluate(BcdProblem problem, double lambda, double rhoEff, MemorySegment beta,
                                  BlockExecutor executor) {
        return assess(problem, lambda, rhoEff, beta, executor).value();
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
        return assess(problem, lambda, rhoEff, beta, executor).residual();
    }

    /** F(β) and the residual of {@code beta} (parameters as {@link #evaluate}). */
    static Assessment assess(BcdProblem problem, double lambda, double rhoEff, MemorySegment beta,
                             BlockExecutor executor) {
        long n = problem.spots();
        int kk = problem.types();
        if (n == 0 || kk == 0) {
            return new Assessment(0, 0);
        }
        int blocks = BlockExecutor.blockCount(n, BLOCK);
        double[] partial = new double[blocks * TERMS];
        executor.forEachBlock(n, BLOCK, (block, start, end) ->
                blockTerms(problem, lambda, rhoEff, beta, start, end, partial, block * TERMS));
        double[] total = new double[TERMS];
        for (int b = 0; b < blocks; b++) {
            for (int t = 0; t < SUMS; t++) {
                total[t] += partial[b * TERMS + t];
            }
            for (int t = SUMS; t < TERMS; t++) {
                total[t] = Math.max(total[t], partial[b * TERMS + t]);
            }
        }
        double value = 0.5 * (problem.yrSqNorm() - 2 * total[CROSS] + total[QUAD]) + 0.5 * lambda * total[LAP]
                + rhoEff * total[ABS];
        double denominator = total[H_MAX] + rhoEff;
        double worst = total[WORST];
        double residual = worst == 0 ? 0 : denominator > 0 ? worst / denominator : Double.POSITIVE_INFINITY;
        return new Assessment(value, residual);
    }

    private static void blockTerms(BcdProblem p, double lambda, double rho, MemorySegment beta, long start, long end,
                                   double[] out, int at) {
        int kk = p.types();
        double[] g = p.gram();
        MemorySegment h = p.h();
        double[] b = new double[kk];
        double[] nsum = new double[kk];
        double cross = 0;
        double quad = 0;
        double lap = 0;
        double abs = 0;
        double worst = 0;
        double hMax = 0;
        for (long i = start; i < end; i++) {
            long base = i * kk;
            double deg = SolverArithmetic.gather(p, beta, i, b, nsum);
            for (int k = 0; k < kk; k++) {
                double bk = b[k];
                double hk = h.getAtIndex(Layouts.F64, base + k);
                double spatial = deg * bk - nsum[k];
                double gb = 0;
                double grad = -hk + rho + lambda * spatial;
                for (int l = 0; l < kk; l++) {
                    double glbl = g[k * kk + l] * b[l];
                    gb += glbl;
                    grad += glbl;
                }
                cross += bk * hk;
                quad += bk * gb;
                lap += bk * spatial;
                abs += Math.abs(bk);
                double projected = bk > 0 ? grad : Math.min(grad, 0);
                worst = Math.max(worst, Math.abs(projected));
                hMax = Math.max(hMax, Math.abs(hk));
            }
        }
        out[at + CROSS] = cross;
        out[at + QUAD] = quad;
        out[at + LAP] = lap;
        out[at + ABS] = abs;
        out[at + WORST] = worst;
        out[at + H_MAX] = hMax;
    }
}
