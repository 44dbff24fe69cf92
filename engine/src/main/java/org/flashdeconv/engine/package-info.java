/**
 * The engine's public API: {@link org.flashdeconv.engine.FlashDeconvOptions} (every parameter of the spec,
 * validated), {@link org.flashdeconv.engine.FlashDeconv} ({@code fit} and {@code prepare} on a streaming
 * CSR view or on small heap arrays), {@link org.flashdeconv.engine.PreparedProblem} (everything before the
 * solver, reusable for several λ) and {@link org.flashdeconv.engine.FitResult} (β, proportions, dominant types
 * off-heap behind the result's own arena, plus the fit record and summary).
 *
 * <p>Stages live in their own packages: {@code genes} (statistics, selection), {@code represent}
 * (preprocessing, gene weighting, H), {@code graph} (spatial graph), {@code solver} (λ, BCD, proportions).
 */
package org.flashdeconv.engine;
