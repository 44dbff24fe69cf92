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
 */
public record SolveInfo(boolean converged, int iterations, double finalObjective, double finalChange,
                        List<Double> objectives) {

    /** Copies the list. */
    public SolveInfo {
        objectives = List.copyOf(objectives);
    }
}
