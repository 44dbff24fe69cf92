package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Minimises the objective of docs/algorithm.md §9 for one λ. Implementations must give bit-identical results for any
 * thread count of the executor. Two implementations: {@link #reference()} and {@link #block()}.
 */
public interface Solver {

    /** The block coordinate descent of docs/algorithm.md §10, bit for bit (the parity solver); stateless and
     * thread-safe. */
    static Solver reference() {
        return ReferenceBcd.INSTANCE;
    }

    /**
     * The same objective solved faster: exact per-spot block solves, Gauss-Seidel across spots in colour order,
     * settled spots skipped; stateless and thread-safe.
     */
    static Solver block() {
        return BlockBcd.INSTANCE;
    }

    /**
     * Solves {@code problem}. The caller owns every segment; the solver allocates nothing off-heap.
     *
     * @param problem  H, Gram, graph, ‖Yr‖²
     * @param settings λ, ρ_eff, max_iter, tol, verbose
     * @param start    the initial β (N x K, spot-major; negative or NaN entries are taken as 0), or null
     *                 for 1/K everywhere; may be the same segment as {@code beta}
     * @param beta     out: the final β, N x K f64 spot-major
     * @param work     scratch of at least {@link #workBytes} bytes, overwritten
     * @param executor runs the spot blocks
     * @param progress receives {@code sweep(iteration, change)} after every sweep
     * @return convergence information
     * @throws IllegalArgumentException if a segment is smaller than N x K doubles ({@code work}: than
     *                                  {@link #workBytes})
     */
    SolveInfo solve(BcdProblem problem, BcdSettings settings, MemorySegment start, MemorySegment beta,
                    MemorySegment work, BlockExecutor executor, Progress progress);

    /** The scratch {@link #solve} needs for N spots and K types: N x K doubles unless a solver says less. */
    default long workBytes(long spots, int types) {
        return Math.multiplyExact(Math.multiplyExact(spots, (long) types), (long) Double.BYTES);
    }
}
