package org.flashdeconv.engine;

/**
 * Size of the spatial graph a fit used (docs/algorithm.md §7.4).
 *
 * @param spots            N
 * @param undirectedEdges  |E|, each edge {i, j} counted once
 * @param meanDegree       (1/N)·Σ deg_i
 * @param degreeHistogram  entry d = number of spots with degree d
 */
public record GraphSummary(long spots, long undirectedEdges, double meanDegree, long[] degreeHistogram) {

    /** Copies the histogram. */
    public GraphSummary {
        degreeHistogram = degreeHistogram.clone();
    }

    /** A copy of the histogram. */
    @Override
    public long[] degreeHistogram() {
        return degreeHistogram.clone();
    }
}
