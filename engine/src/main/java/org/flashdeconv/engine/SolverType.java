package org.flashdeconv.engine;

/** The selectable solvers ({@code solver} option, {@code --solver}); both minimise the objective of docs/algorithm.md
 * §9. */
public enum SolverType {
    /** The block coordinate descent of docs/algorithm.md §10, bit-for-bit (the parity solver). */
    REFERENCE,

    /**
     * The same objective, solved faster: exact per-spot block solves, Gauss-Seidel across spots in colour order,
     * settled spots skipped. Reaches an objective no higher than the reference's at the same tolerance; the
     * default.
     */
    BLOCK
}
