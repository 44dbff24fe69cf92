package org.flashdeconv.engine.solver;

/** The selectable solvers ({@code --solver}). */
public enum SolverType {
    /** The block coordinate descent of spec §10, bit-for-bit (the parity solver). */
    REFERENCE(new ReferenceBcd()),

    /**
     * The same objective, solved faster: exact per-spot block solves, Gauss-Seidel across spots in colour order,
     * settled spots skipped ({@link BlockBcd}). Reaches an objective no higher than the reference's at the same
     * tolerance; the default.
     */
    BLOCK(new BlockBcd());

    private final Solver solver;

    SolverType(Solver solver) {
        this.solver = solver;
    }

    /** The (stateless, thread-safe) solver instance. */
    public Solver solver() {
        return solver;
    }
}
