package org.flashdeconv.engine.solver;

/** The selectable solvers ({@code --solver}). */
public enum SolverType {
    /** The block coordinate descent of spec §10, bit-for-bit (the parity solver). */
    REFERENCE(new ReferenceBcd());

    private final Solver solver;

    SolverType(Solver solver) {
        this.solver = solver;
    }

    /** The (stateless, thread-safe) solver instance. */
    public Solver solver() {
        return solver;
    }
}
