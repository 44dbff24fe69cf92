package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The part of {@link Solver#solve} both solvers share: the segments are checked, an empty problem is solved at once,
 * and β starts from {@code start} (or 1/K) before the solver's own sweeps run.
 */
abstract sealed class CheckedSolver implements Solver permits ReferenceBcd, BlockBcd {

    @Override
    public final SolveInfo solve(BcdProblem problem, BcdSettings settings, MemorySegment start, MemorySegment beta,
                                 MemorySegment work, BlockExecutor executor, Progress progress) {
        long bytes = problem.cells() * Double.BYTES;
        SolverArithmetic.requireSize("beta", beta, bytes);
        requireWork(problem, work);
        if (start != null) {
            SolverArithmetic.requireSize("start", start, bytes);
        }
        if (problem.spots() == 0 || problem.types() == 0) {
            return new SolveInfo(true, 0, 0, 0, List.of());
        }
        SolverArithmetic.initialise(start, beta, problem.cells(), problem.types());
        return iterate(problem, settings, start != null, beta, work, executor, progress);
    }

    /**
     * Checks the scratch segment.
     *
     * @throws IllegalArgumentException if {@code work} is smaller than this solver needs
     */
    abstract void requireWork(BcdProblem problem, MemorySegment work);

    /**
     * The sweeps, from the initialised {@code beta} of a non-empty problem ({@code started}: it came from a start).
     *
     * @return convergence information; the final β is in {@code beta}
     */
    abstract SolveInfo iterate(BcdProblem problem, BcdSettings settings, boolean started, MemorySegment beta,
                               MemorySegment work, BlockExecutor executor, Progress progress);
}
