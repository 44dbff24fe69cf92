package org.flashdeconv.engine.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ZeroedArrays;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The lattice spacing of docs/algorithm.md §7.3: the median over spots of the distance to the nearest other spot.
 *
 * <p>Nearest distances are found with a 1-nearest-neighbour {@link KnnSearch} per spot, stored off-heap, and the
 * median is selected in O(N) by a radix select on the IEEE-754 bits (non-negative doubles order like their bit
 * patterns), four passes of 16 bits, so nothing of size N lands on the heap and no pivot can go quadratic.
 */
final class GridSpacing {
    private static final int RADIX_BITS = 16;

    private GridSpacing() {
    }

    /** The median nearest-other-spot distance over an index of at least two spots. */
    static double median(CellIndex index, Arena scratch, BlockExecutor ex, Progress progress) {
        long n = index.spots;
        MemorySegment nearest = ZeroedArrays.allocate(scratch, Layouts.F64, n);
        ex.forEachBlock(n, GraphBuilder.BLOCK, (b, s, e) -> {
            KnnSearch search = new KnnSearch(index, 1);
            for (long p = s; p < e; p++) {
                int id = search.search(p);
                nearest.setAtIndex(Layouts.F64, id, search.bestDist[0]);
            }
            progress.advance(e - s);
        });
        double upper = select(nearest, n, n / 2);
        return n % 2 == 1 ? upper : (select(nearest, n, n / 2 - 1) + upper) / 2;
    }

    /** The value of rank {@code rank} (0-based, ascending) among {@code n} non-negative doubles. */
    static double select(MemorySegment values, long n, long rank) {
        long prefix = 0;
        long mask = 0;
        long remaining = rank;
        long[] hist = new long[1 << RADIX_BITS];
        for (int shift = Long.SIZE - RADIX_BITS; shift >= 0; shift -= RADIX_BITS) {
            java.util.Arrays.fill(hist, 0);
            for (long i = 0; i < n; i++) {
                long bits = Double.doubleToRawLongBits(values.getAtIndex(Layouts.F64, i));
                if ((bits & mask) == prefix) {
                    hist[(int) (bits >>> shift) & ((1 << RADIX_BITS) - 1)]++;
                }
            }
            int bucket = 0;
            while (remaining >= hist[bucket]) {
                remaining -= hist[bucket++];
            }
            prefix |= (long) bucket << shift;
            mask |= ((1L << RADIX_BITS) - 1) << shift;
        }
        return Double.longBitsToDouble(prefix);
    }
}
