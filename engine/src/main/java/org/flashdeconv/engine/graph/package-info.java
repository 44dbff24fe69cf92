/**
 * The spatial graph of docs/algorithm.md §7: k-nearest-neighbour, radius and grid graphs over off-heap spot
 * coordinates, built exactly (the (distance, index) tie rule included) with a uniform-grid spatial index in parallel
 * blocks, and returned as a CSR view ({@link org.flashdeconv.engine.graph.SpatialGraph}) in the caller's arena.
 * Entry point: {@link org.flashdeconv.engine.graph.GraphBuilder}.
 */
package org.flashdeconv.engine.graph;
