package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * A proper colouring of the spatial graph (no edge joins two spots of one colour), greedy in spot order: every
 * spot takes the smallest colour none of its lower-numbered neighbours holds. Deterministic and sequential,
 * O(N + edges); it uses at most max degree + 1 colours (about 4 to 7 on kNN graphs of lattices).
 *
 * <p>Spots of one colour share no edge, so they can be updated at the same time while reading each other's
 * neighbours: the block solver's Gauss-Seidel across spots is parallel within a colour and gives the same
 * bits for any thread count.
 */
final class Coloring {

    private Coloring() {
    }

    /**
     * Colours the graph.
     *
     * @param rowPtr    i64[N+1] CSR offsets
     * @param neighbors i32 neighbour lists
     * @param spots     N
     * @param color     out: i32[N], the colour of every spot
     * @return the number of colours (0 for N = 0)
     */
    static int greedy(MemorySegment rowPtr, MemorySegment neighbors, long spots, MemorySegment color) {
        long[] used = new long[1];
        int colors = 0;
        for (long i = 0; i < spots; i++) {
            long from = rowPtr.getAtIndex(Layouts.I64, i);
            long to = rowPtr.getAtIndex(Layouts.I64, i + 1);
            for (long e = from; e < to; e++) {
                int j = neighbors.getAtIndex(Layouts.I32, e);
                if (j < i) {
                    int c = color.getAtIndex(Layouts.I32, j);
                    if ((c >>> 6) >= used.length) {
                        used = Arrays.copyOf(used, Math.max(used.length * 2, (c >>> 6) + 1));
                    }
                    used[c >>> 6] |= 1L << c;
                }
            }
            int pick = 0;
            while (pick >>> 6 < used.length && (used[pick >>> 6] & (1L << pick)) != 0) {
                pick++;
            }
            color.setAtIndex(Layouts.I32, i, pick);
            colors = Math.max(colors, pick + 1);
            Arrays.fill(used, 0);
        }
        return colors;
    }
}
