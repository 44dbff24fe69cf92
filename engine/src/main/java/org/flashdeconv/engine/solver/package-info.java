/**
 * The solver stage (docs/algorithm.md §8-§11.1): the spatial strength λ and ρ_eff, the objective of §9, two solvers
 * behind the {@link org.flashdeconv.engine.solver.Solver} interface ({@code REFERENCE}: the block coordinate descent
 * of §10 bit for bit; {@code BLOCK}, the default: exact per-spot block solves, Gauss-Seidel across spots in
 * colour order, settled spots skipped), and the normalisation of β into proportions and dominant types.
 *
 * <p>Everything works on off-heap N x K segments (spot-major f64) that the caller allocates and owns; the
 * K x K Gram matrix is a flat row-major {@code double[]}. Parallel loops run over fixed blocks of spots with
 * {@link org.flashdeconv.engine.parallel.BlockExecutor} and reduce per-block partials in block order, so the
 * results are bit-identical for any thread count.
 */
package org.flashdeconv.engine.solver;
