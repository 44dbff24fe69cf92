package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * A faster solver for the objective of docs/algorithm.md §9: exact per-spot block minimisation, Gauss-Seidel across
 * spots in colour order, and spots whose neighbourhood has stopped moving left out.
 *
 * <ul>
 *   <li><b>Exact blocks.</b> Each visit replaces a spot's K values by the exact minimiser of the objective
 *       with its neighbours held fixed ({@link SpotQp}), instead of the reference's single pass of coordinate
 *       updates. Correlated signatures make that pass converge slowly (the cause of most of the reference's
 *       sweeps); the exact solve removes that within-spot slowness entirely.</li>
 *   <li><b>Gauss-Seidel across spots by colour.</b> The graph is coloured greedily ({@link Coloring}); a sweep
 *       visits the colours in order, and the spots of one colour (which share no edge) in parallel, each
 *       reading its neighbours' latest values. Every visit is an exact minimisation over one block, so the
 *       objective never increases (up to rounding), unlike the reference's Jacobi sweeps (docs/algorithm.md §18.6). The
 *       result does not depend on the thread count: within a colour no spot reads what another writes.</li>
 *   <li><b>Skipping settled spots.</b> A spot's exact minimiser depends only on its neighbours' values. Each
 *       spot records how far it moved at its last visit (max |Δβ|); a spot whose neighbours together moved at
 *       most {@code SKIP_FRACTION · tol · max|β|} since it was last updated keeps its value (the movement is
 *       accumulated, so small moves cannot add up unseen).</li>
 * </ul>
 *
 * <p>The iteration count and the objective recording are those of docs/algorithm.md §10.3-10.4. The solve stops
 * when both the relative change rel = max |β^{t+1} − β^t| / (max |β^t| + 1e-10) and the optimality residual
 * ({@link Objective#residual}) are below tol: the change alone stops a large-λ solve after one sweep far from the
 * optimum (issue 11.2). The residual is computed only after a sweep that meets the change rule; when it fails, the next
 * sweep visits every spot. β is updated in place; {@code work} holds the
 * colours (i32[N]) and the movement records (f32[N] twice): {@link #workBytes} is 12 bytes per spot; with less
 * (at least 4) every spot is visited in every sweep.
 */
final class BlockBcd extends CheckedSolver {

    /** The one instance (stateless). */
    static final BlockBcd INSTANCE = new BlockBcd();

    /** Spots per parallel block (fixed: block boundaries must not depend on the thread count). */
    static final long BLOCK = 4096;

    /** Neighbour movement, as a fraction of tol · max|β|, below which a spot is not revisited. */
    static final double SKIP_FRACTION = 0.1;

    private final double skipFraction;

    /** The solver with the default {@link #SKIP_FRACTION}. */
    BlockBcd() {
        this(SKIP_FRACTION);
    }

    /** @param skipFraction neighbour movement (fraction of tol · max|β|) up to which a spot is not revisited */
    BlockBcd(double skipFraction) {
        this.skipFraction = skipFraction;
    }

    @Override
    void requireWork(BcdProblem problem, MemorySegment work) {
        long n = problem.spots();
        if (work.byteSize() < Math.multiplyExact(n, (long) Integer.BYTES)) {
            throw new IllegalArgumentException("work needs " + n * Integer.BYTES + " bytes ("
                    + workBytes(n, problem.types()) + " to skip settled spots), found " + work.byteSize());
        }
    }

    @Override
    SolveInfo iterate(BcdProblem problem, BcdSettings settings, boolean started, MemorySegment beta, MemorySegment work,
                      BlockExecutor executor, Progress progress) {
        long n = problem.spots();
        int kk = problem.types();
        MemorySegment color = work.asSlice(0, n * Integer.BYTES);
        boolean skipping = work.byteSize() >= 3 * n * Integer.BYTES;
        MemorySegment moved = skipping ? work.asSlice(n * Integer.BYTES, n * Float.BYTES) : null;
        MemorySegment pending = skipping ? work.asSlice(2 * n * Integer.BYTES, n * Float.BYTES) : null;
        if (skipping) {
            work.asSlice(n * Integer.BYTES, 2 * n * Float.BYTES).fill((byte) 0); // the scratch may be dirty
        }
        int colors = Coloring.greedy(problem.rowPtr(), problem.neighbors(), n, color);

        int blocks = BlockExecutor.blockCount(n, BLOCK);
        double[] maxDiff = new double[blocks];
        double[] maxNew = new double[blocks];
        double[] gramColumns = SolverArithmetic.transpose(problem.gram(), kk);
        BlockPhase.Shared shared = new BlockPhase.Shared(problem, settings, gramColumns, beta, color, moved,
                pending);
        double scale = maxAbs(beta, n, kk, executor, maxNew);
        SweepRecord record = new SweepRecord(problem, settings, executor, progress, true);
        progress.start("solver", settings.maxIter());
        try {
            for (int t = 0; t < settings.maxIter(); t++) {
                // after a sweep that met the change rule but not the optimality rule, every spot is visited
                double skipBelow = skipping && t > 0 && !record.notOptimalYet()
                        ? skipFraction * settings.tol() * scale : -1;
                Arrays.fill(maxDiff, 0);
                Arrays.fill(maxNew, 0);
                for (int c = 0; c < colors; c++) {
                    int phase = c;
                    boolean warm = t > 0 || started;
                    executor.forEachBlock(n, BLOCK, (block, s, e) ->
                            new BlockPhase(shared).run(phase, warm, skipBelow, s, e, maxDiff, maxNew, block));
                }
                double diff = 0;
                double next = 0;
                for (int b = 0; b < blocks; b++) {
                    diff = Math.max(diff, maxDiff[b]);
                    next = Math.max(next, maxNew[b]);
                }
                double change = diff / (scale + SolverArithmetic.REL_GUARD);
                scale = next;
                if (record.sweepDone(t, change, beta)) {
                    break;
                }
            }
        } finally {
            progress.end();
        }
        return record.result(beta);
    }

    /** 12 bytes per spot: the colours (i32) and the two movement records (f32). */
    @Override
    public long workBytes(long spots, int types) {
        return Math.multiplyExact(spots, 3L * Integer.BYTES);
    }

    /** max |β| over all entries, by blocks (exact: max does not depend on the order). */
    private static double maxAbs(MemorySegment beta, long n, int kk, BlockExecutor executor, double[] partial) {
        executor.forEachBlock(n, BLOCK, (block, s, e) -> {
            double m = 0;
            for (long c = s * kk; c < e * kk; c++) {
                m = Math.max(m, Math.abs(beta.getAtIndex(Layouts.F64, c)));
            }
            partial[block] = m;
        });
        double m = 0;
        for (double v : partial) {
            m = Math.max(m, v);
        }
        return m;
    }
}
