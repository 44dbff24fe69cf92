/**
 * Aligning the spatial and reference genes (docs/algorithm.md §15): {@link org.flashdeconv.io.genes.GeneMatcher}
 * matches by id (when both sides have ids), then by name, then ignoring case, and reports the overlap
 * ({@link org.flashdeconv.io.genes.OverlapReport}).
 */
package org.flashdeconv.io.genes;
