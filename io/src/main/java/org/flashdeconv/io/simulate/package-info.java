/**
 * Synthetic spatial slides for tests and benchmarks: {@link org.flashdeconv.io.simulate.SimulatedSlide} streams
 * counts on a Visium or Visium HD lattice with tissue domains, sparse mixtures and the profile's depth, drawn
 * deterministically from a seed; {@link org.flashdeconv.io.simulate.GroundTruth} writes the signatures and the
 * true proportions they were drawn from.
 */
package org.flashdeconv.io.simulate;
