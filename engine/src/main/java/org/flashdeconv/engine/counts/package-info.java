/**
 * The count-space model (docs/algorithm.md §29, {@code Model.COUNTS}): per spot, the counts on the selected genes are
 * Poisson with mean Σ_k β_ik p_kg (+ β_i0 b_g), the β in molecules. {@link org.flashdeconv.engine.counts.PoissonSpot}
 * is the per-spot projected Newton solver, {@link org.flashdeconv.engine.counts.CountProfiles} the floored profiles,
 * {@link org.flashdeconv.engine.counts.Background} learns and tests the background for missing types on a sample,
 * {@link org.flashdeconv.engine.counts.CountModel} streams the sweeps over the counts with the spatial prior and
 * writes the per-spot quality.
 */
package org.flashdeconv.engine.counts;
