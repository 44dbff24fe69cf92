package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The bookkeeping every solver does after a sweep (docs/algorithm.md §10.3-10.4): count it, record F(β) after sweeps 0,
 * 10, 20, ... and the last allowed one when verbose, report the sweep to the progress listener and test the relative
 * change against tol; at the end, the final objective and the {@link SolveInfo}.
 */
final class SweepRecord {

    private final BcdProblem problem;
    private final BcdSettings settings;
    private final BlockExecutor executor;
    private final Progress progress;
    private final List<Double> objectives = new ArrayList<>();
    private boolean converged;
    private double change;
    private int iterations;

    SweepRecord(BcdProblem problem, BcdSettings settings, BlockExecutor executor, Progress progress) {
        this.problem = problem;
        this.settings = settings;
        this.executor = executor;
        this.progress = progress;
    }

    /**
     * Records sweep {@code t} (from 0), whose relative change was {@code change} and whose iterate is
     * {@code beta}.
     *
     * @return true if the solve has converged (change below tol) and must stop
     */
    boolean sweepDone(int t, double change, MemorySegment beta) {
        this.change = change;
        iterations = t + 1;
        if (settings.verbose() && (t % ReferenceBcd.RECORD_EVERY == 0 || t == settings.maxIter() - 1)) {
            objectives.add(Objective.evaluate(problem, settings.lambda(), settings.rhoEff(), beta, executor));
        }
        progress.advance(1);
        progress.sweep(iterations, change);
        converged = change < settings.tol();
        return converged;
    }

    /** The outcome, with F of the final {@code beta}. */
    SolveInfo result(MemorySegment beta) {
        double objective = Objective.evaluate(problem, settings.lambda(), settings.rhoEff(), beta, executor);
        return new SolveInfo(converged, iterations, objective, change, objectives);
    }
}
