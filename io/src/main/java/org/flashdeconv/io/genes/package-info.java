/**
 * Aligning the spatial and reference genes (§15 of the specification): {@link org.flashdeconv.io.genes.GeneMatcher}
 * matches by name, then ignoring case, then by id, and reports the overlap
 * ({@link org.flashdeconv.io.genes.OverlapReport}).
 */
package org.flashdeconv.io.genes;
