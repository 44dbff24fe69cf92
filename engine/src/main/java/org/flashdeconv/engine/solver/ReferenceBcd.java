package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The block coordinate descent of docs/algorithm.md §10.2, with its exact order of operations: Jacobi across spots
 * (every spot reads its neighbours' previous-sweep values from one buffer and writes the other), Gauss-Seidel across
 * types in index order with the maintained residual r = Gram·b. The relative change uses the previous
 * iterate's max |β| + 1e-10; both maxima are exact reductions, so β is bit-identical for any thread count.
 *
 * <p>Stateless and thread-safe; use {@link Solver#reference()}.
 */
final class ReferenceBcd extends CheckedSolver {

    /** The one instance (stateless). */
    static final ReferenceBcd INSTANCE = new ReferenceBcd();

    /** Spots per parallel block (fixed: block boundaries must not depend on the thread count). */
    static final long BLOCK = 2048;

    /** Objective recording period in sweeps (§10.4). */
    static final int RECORD_EVERY = 10;

    @Override
    void requireWork(BcdProblem problem, MemorySegment work) {
        SolverArithmetic.requireSize("work", work, problem.cells() * Double.BYTES);
    }

    @Override
    SolveInfo iterate(BcdProblem problem, BcdSettings settings, boolean started, MemorySegment beta, MemorySegment work,
                      BlockExecutor executor, Progress progress) {
        long n = problem.spots();
        int kk = problem.types();
        long bytes = problem.cells() * Double.BYTES;

        double[] gramColumns = SolverArithmetic.transpose(problem.gram(), kk);
        int blocks = BlockExecutor.blockCount(n, BLOCK);
        double[] maxDiff = new double[blocks];
        double[] maxPrev = new double[blocks];
        SweepRecord record = new SweepRecord(problem, settings, executor, progress, false);
        MemorySegment prev = beta;
        MemorySegment next = work;
        progress.start("solver", settings.maxIter());
        try {
            for (int t = 0; t < settings.maxIter(); t++) {
                MemorySegment from = prev;
                MemorySegment to = next;
                executor.forEachBlock(n, BLOCK, (block, s, e) ->
                        sweepBlock(problem, gramColumns, settings, from, to, s, e, maxDiff, maxPrev, block));
                double diff = 0;
                double scale = 0;
                for (int b = 0; b < blocks; b++) {
                    diff = Math.max(diff, maxDiff[b]);
                    scale = Math.max(scale, maxPrev[b]);
                }
                prev = to;
                next = from;
                if (record.sweepDone(t, diff / (scale + SolverArithmetic.REL_GUARD), prev)) {
                    break;
                }
            }
        } finally {
            progress.end();
        }
        if (prev != beta) {
            MemorySegment.copy(prev, 0, beta, 0, bytes);
        }
        return record.result(beta);
    }

    /** One Jacobi sweep over spots [s, e): reads {@code prev}, writes {@code next}, records the block maxima. */
    private static void sweepBlock(BcdProblem p, double[] gramColumns, BcdSettings settings, MemorySegment prev,
                                   MemorySegment next, long s, long e, double[] maxDiff, double[] maxPrev,
                                   int block) {
        int kk = p.types();
        double[] g = p.gram();
        MemorySegment h = p.h();
        MemorySegment rowPtr = p.rowPtr();
        MemorySegment nbr = p.neighbors();
        double lambda = settings.lambda();
        double rho = settings.rhoEff();
        double[] nsum = new double[kk];
        double[] b = new double[kk];
        double[] r = new double[kk];
        double diff = 0;
        double scale = 0;
        for (long i = s; i < e; i++) {
            long base = i * kk;
            long first = rowPtr.getAtIndex(Layouts.I64, i);
            long last = rowPtr.getAtIndex(Layouts.I64, i + 1);
            int deg = (int) (last - first);
            for (int k = 0; k < kk; k++) {
                nsum[k] = 0;
                b[k] = prev.getAtIndex(Layouts.F64, base + k);
            }
            for (long x = first; x < last; x++) {
                long nb = (long) nbr.getAtIndex(Layouts.I32, x) * kk;
                for (int k = 0; k < kk; k++) {
                    nsum[k] += prev.getAtIndex(Layouts.F64, nb + k);
                }
            }
            // r = Gram·b, every r_k summed over l in index order; l outside so the k lanes are independent
            for (int k = 0; k < kk; k++) {
                r[k] = 0;
            }
            for (int l = 0; l < kk; l++) {
                double bl = b[l];
                int column = l * kk;
                for (int k = 0; k < kk; k++) {
                    r[k] += gramColumns[column + k] * bl;
                }
            }
            double lambdaDeg = lambda * deg;
            for (int k = 0; k < kk; k++) {
                double gkk = g[k * kk + k];
                double c = h.getAtIndex(Layouts.F64, base + k) - r[k] + gkk * b[k];
                if (deg > 0) {
                    c = c + lambda * nsum[k];
                }
                double den = gkk + lambdaDeg;
                double updated = 0;
                if (den > SolverArithmetic.DEN_GUARD) {
                    updated = Math.max(0.0, SolverArithmetic.soft(c, rho) / den);
                }
                double delta = updated - b[k];
                if (delta != 0) {
                    int column = k * kk;
                    for (int l = 0; l < kk; l++) {
                        r[l] += delta * gramColumns[column + l];
                    }
                }
                b[k] = updated;
            }
            for (int k = 0; k < kk; k++) {
                double old = prev.getAtIndex(Layouts.F64, base + k);
                next.setAtIndex(Layouts.F64, base + k, b[k]);
                diff = Math.max(diff, Math.abs(b[k] - old));
                scale = Math.max(scale, Math.abs(old));
            }
        }
        maxDiff[block] = diff;
        maxPrev[block] = scale;
    }
}
