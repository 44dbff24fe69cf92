package org.flashdeconv.engine.graph;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * A binary, symmetric spatial graph without self-loops (docs/algorithm.md §7), as a CSR over segments: the neighbours
 * of spot i are {@code neighbors[rowPtr[i] .. rowPtr[i+1])}, ascending. Every undirected edge appears twice (once per
 * endpoint), so {@code rowPtr[spots]} is the number of directed entries and row i's length is deg_i (§7.4).
 *
 * <p>A view: it owns nothing. {@link GraphBuilder} allocates the segments in the caller's arena; they are valid until
 * that arena closes.
 *
 * @param spots     number of spots N
 * @param rowPtr    i64[N + 1], non-decreasing, {@code rowPtr[0] = 0}
 * @param neighbors i32[rowPtr[N]], spot indices
 */
public record SpatialGraph(long spots, MemorySegment rowPtr, MemorySegment neighbors) {

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if spots is negative or a segment is too small for it
     */
    public SpatialGraph {
        if (spots < 0) {
            throw new IllegalArgumentException("spatial graph needs spots >= 0, found " + spots);
        }
        long ptrBytes = Math.multiplyExact(spots + 1, (long) Long.BYTES);
        if (rowPtr.byteSize() < ptrBytes) {
            throw new IllegalArgumentException("spatial graph of " + spots + " spots needs " + ptrBytes
                    + " bytes of row pointers, found " + rowPtr.byteSize());
        }
        long entries = rowPtr.getAtIndex(Layouts.I64, spots);
        if (entries < 0 || neighbors.byteSize() < Math.multiplyExact(entries, (long) Integer.BYTES)) {
            throw new IllegalArgumentException("spatial graph with " + entries + " entries needs "
                    + entries * Integer.BYTES + " bytes of neighbours, found " + neighbors.byteSize());
        }
    }

    /** Number of neighbours of {@code spot} (deg_i). */
    public int degree(long spot) {
        return (int) (rowStart(spot + 1) - rowStart(spot));
    }

    /** Position in {@link #neighbors} of the first neighbour of {@code spot}; {@code rowStart(spots)} ends the last. */
    public long rowStart(long spot) {
        return rowPtr.getAtIndex(Layouts.I64, spot);
    }

    /** The neighbour at position {@code k} of {@link #neighbors}. */
    public int neighbor(long k) {
        return neighbors.getAtIndex(Layouts.I32, k);
    }

    /** Number of directed entries, the sum of the degrees (twice the number of edges). */
    public long directedEntries() {
        return rowStart(spots);
    }

    /** Number of undirected edges {i, j}. */
    public long undirectedEdges() {
        return directedEntries() / 2;
    }

    /** Mean degree (0 for no spots). */
    public double meanDegree() {
        return spots == 0 ? 0 : (double) directedEntries() / spots;
    }

    /** Degree histogram: entry d is the number of spots of degree d; its length is the maximum degree + 1. */
    public long[] degreeHistogram() {
        int max = 0;
        for (long i = 0; i < spots; i++) {
            max = Math.max(max, degree(i));
        }
        long[] hist = new long[max + 1];
        for (long i = 0; i < spots; i++) {
            hist[degree(i)]++;
        }
        return hist;
    }
}
