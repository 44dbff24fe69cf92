package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The reported objective of docs/algorithm.md §9, in its expansion form:
 * ½·(‖Yr‖² − 2·Σ β_ik·H_ki + Σ_kl (βᵀβ)_kl·Gram_kl) + ½·λ·Σ β_ik·(Lβ)_ik + ρ_eff·Σ|β_ik|.
 *
 * <p>The four sums are accumulated per spot block and combined in block order, so the value does not depend
 * on the thread count.
 */
public final class Objective {

    /** Spots per parallel block (fixed: block boundaries must not depend on the thread count). */
    static final long BLOCK = 4096;

    private static final int TERMS = 4;

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
        long n = problem.spots();
        int kk = problem.types();
        if (n == 0 || kk == 0) {
            return 0;
        }
        int blocks = BlockExecutor.blockCount(n, BLOCK);
        double[] partial = new double[blocks * TERMS];
        executor.forEachBlock(n, BLOCK, (block, start, end) ->
                blockSums(problem, beta, start, end, partial, block * TERMS));
        double cross = 0;
        double quad = 0;
        double lap = 0;
        double abs = 0;
        for (int b = 0; b < blocks; b++) {
            cross += partial[b * TERMS];
            quad += partial[b * TERMS + 1];
            lap += partial[b * TERMS + 2];
            abs += partial[b * TERMS + 3];
        }
        return 0.5 * (problem.yrSqNorm() - 2 * cross + quad) + 0.5 * lambda * lap + rhoEff * abs;
    }

    private static void blockSums(BcdProblem p, MemorySegment beta, long start, long end, double[] out, int at) {
        int kk = p.types();
        double[] g = p.gram();
        MemorySegment h = p.h();
        double[] b = new double[kk];
        double[] nsum = new double[kk];
        double cross = 0;
        double quad = 0;
        double lap = 0;
        double abs = 0;
        for (long i = start; i < end; i++) {
            long base = i * kk;
            double deg = SolverArithmetic.gather(p, beta, i, b, nsum);
            for (int k = 0; k < kk; k++) {
                double bk = b[k];
                cross += bk * h.getAtIndex(Layouts.F64, base + k);
                double gb = 0;
                for (int l = 0; l < kk; l++) {
                    gb += g[k * kk + l] * b[l];
                }
                quad += bk * gb;
                lap += bk * (deg * bk - nsum[k]);
                abs += Math.abs(bk);
            }
        }
        out[at] = cross;
        out[at + 1] = quad;
        out[at + 2] = lap;
        out[at + 3] = abs;
    }
}
