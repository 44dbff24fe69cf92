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
    private final boolean requireOptimal;
    private boolean converged;
    private boolean notOptimalYet;
    private double change;
    private int iterations;

    /**
     * @param requireOptimal stop only when the optimality residual is below tol too (the block solver); false:
     *                       by the relative change alone (the reference's rule, §10.3)
     */
    SweepRecord(BcdProblem problem, BcdSettings settings, BlockExecutor executor, Progress progress,
                boolean requireOptimal) {
        this.problem = problem;
        this.settings = settings;
        this.executor = executor;
        this.progress = progress;
        this.requireOptimal = requireOptimal;
    }

    /**
     * Records sweep {@code t} (from 0), whose relative change was {@code change} and whose iterate is
     * {@code beta}.
     *
     * @return true if the solve has converged (change below tol, and with {@code requireOptimal} the optimality
     *         residual too) and must stop
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
        notOptimalYet = false;
        if (converged && requireOptimal) {
            // small steps are not enough: a large λ makes every step small long before the optimum (issue 11.2)
            converged = Objective.residual(problem, settings.lambda(), settings.rhoEff(), beta, executor)
                    < settings.tol();
            notOptimalYet = !converged;
        }
        return converged;
    }

    /** True if the last sweep met the change rule but not the optimality rule: visit every spot next. */
    boolean notOptimalYet() {
        return notOptimalYet;
    }

    /** The outcome, with F and the optimality residual of the final {@code beta}. */
    SolveInfo result(MemorySegment beta) {
        Objective.Assessment a = Objective.assess(problem, settings.lambda(), settings.rhoEff(), beta, executor);
        return new SolveInfo(converged, iterations, a.value(), change, objectives, a.residual(),
                a.residual() < settings.tol());
    }
}
