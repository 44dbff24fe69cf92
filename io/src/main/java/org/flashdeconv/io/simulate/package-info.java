/**
 * Synthetic spatial slides for tests and benchmarks: {@link org.flashdeconv.io.simulate.SimulatedSlide} streams
 * counts on a Visium or Visium HD lattice with tissue domains, sparse mixtures and the profile's depth, drawn
 * deterministically from a seed, optionally with what real data has ({@link org.flashdeconv.io.simulate.SlideEffects}:
 * platform factors, negative binomial counts, a depth range, types missing from the reference, cell sizes);
 * {@link org.flashdeconv.io.simulate.GroundTruth} writes the signatures and the true molecule and cell fractions,
 * {@link org.flashdeconv.io.simulate.ReferenceCells} a matching single-cell reference.
 */
package org.flashdeconv.io.simulate;
