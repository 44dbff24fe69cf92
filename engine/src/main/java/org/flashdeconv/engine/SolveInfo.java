package org.flashdeconv.engine;

import java.util.List;

/**
 * How a solve ended (docs/algorithm.md §10.3, §10.4). Not converging within {@code max_iter} is a normal outcome.
 *
 * @param converged      true iff the relative change fell below tol
 * @param iterations     sweeps done
 * @param finalObjective F(β) of §9 on the returned β
 * @param finalChange    the last relative change (0 if no sweep ran)
 * @param objectives     F after sweeps 1, 11, 21, ... and the last allowed sweep (verbose only; else empty)
 * @param residual       the relative optimality (KKT) residual of the returned β (solver.Objective.residual): 0 at a
 *                       minimiser
 * @param optimal        true iff {@code residual} is below tol: the returned β is a minimiser to that tolerance.
 *                       The block solver converges only when it is; the reference solver stops by the relative
 *                       change alone (docs/algorithm.md §10.3, kept for parity) and may stop before.
 */
public record SolveInfo(boolean converged, int iterations, double finalObjective, double finalChange,
                        List<Double> objectives, double residual, boolean optimal) {

    /** Copies the list. */
    public SolveInfo {
        objectives = List.copyOf(objectives);
    }

    /** A solve whose optimality was not measured (an empty problem: residual 0, optimal iff converged). */
    public SolveInfo(boolean converged, int iterations, double finalObjective, double finalChange,
                     List<Double> objectives) {
        this(converged, iterations, finalObjective, finalChange, objectives, 0, converged);
    }
}
