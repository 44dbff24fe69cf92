package org.flashdeconv.io.coords;

import java.util.Arrays;
import java.util.Optional;
import org.flashdeconv.engine.matrix.CoordsView;

/**
 * Distinct spots at exactly the same place (within one section): usually several sections stacked in one file's
 * pixel space without a section column, or coordinates lost in a conversion. The spatial graph then links spots
 * that have nothing to do with each other. Found by sorting a 33-bit hash of (section, coordinates) packed with the
 * spot index, then comparing runs of equal hashes exactly: O(N log N) time, 8 bytes per spot.
 *
 * @param spots   spots whose place repeats an earlier spot's
 * @param first   an example: the earlier spot
 * @param second  an example: the later spot at the same place
 */
public record DuplicateCoordinates(long spots, long first, long second) {
    private static final int INDEX_BITS = 31;
    private static final int PAIRWISE = 64;

    /**
     * The spots of {@code xy} (in sections {@code sectionOf}, or all in one when null) whose place repeats another
     * spot's, or empty when every place is distinct.
     *
     * @throws IllegalArgumentException if there are more than 2^31 spots
     */
    public static Optional<DuplicateCoordinates> find(CoordsView xy, int[] sectionOf) {
        long n = xy.n();
        if (n >= 1L << INDEX_BITS) {
            throw new IllegalArgumentException("duplicate coordinates: at most 2^31 spots, found " + n);
        }
        long[] keys = new long[(int) n];
        for (int i = 0; i < n; i++) {
            long h = sectionOf == null ? 0 : sectionOf[i];
            for (int d = 0; d < xy.dim(); d++) {
                double v = xy.get(i, d);
                h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(v == 0 ? 0.0 : v);
                h ^= h >>> 29;
            }
            keys[i] = (h >>> INDEX_BITS << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        long repeated = 0;
        long first = -1;
        long second = -1;
        long mask = (1L << INDEX_BITS) - 1;
        for (int a = 0; a < keys.length; ) {
            int b = a + 1;
            while (b < keys.length && keys[b] >>> INDEX_BITS == keys[a] >>> INDEX_BITS) {
                b++;
            }
            if (b - a > PAIRWISE) {
                // many spots at one place (all zeros, say): sort the run by place and compare neighbours
                Integer[] run = new Integer[b - a];
                for (int j = a; j < b; j++) {
                    run[j - a] = (int) (keys[j] & mask);
                }
                Arrays.sort(run, (x, y) -> compare(xy, sectionOf, x, y));
                for (int j = 1; j < run.length; j++) {
                    if (compare(xy, sectionOf, run[j - 1], run[j]) == 0) {
                        repeated++;
                        if (first < 0) {
                            first = Math.min(run[j - 1], run[j]);
                            second = Math.max(run[j - 1], run[j]);
                        }
                    }
                }
                a = b;
                continue;
            }
            // equal hashes: count the spots equal to an earlier one of the run
            for (int j = a + 1; j < b; j++) {
                int sj = (int) (keys[j] & mask);
                for (int i = a; i < j; i++) {
                    int si = (int) (keys[i] & mask);
                    if (same(xy, sectionOf, si, sj)) {
                        repeated++;
                        if (first < 0) {
                            first = Math.min(si, sj);
                            second = Math.max(si, sj);
                        }
                        break;
                    }
                }
            }
            a = b;
        }
        return repeated == 0 ? Optional.empty() : Optional.of(new DuplicateCoordinates(repeated, first, second));
    }

    private static int compare(CoordsView xy, int[] sectionOf, int i, int j) {
        int c = sectionOf == null ? 0 : Integer.compare(sectionOf[i], sectionOf[j]);
        for (int d = 0; c == 0 && d < xy.dim(); d++) {
            c = Double.compare(xy.get(i, d) == 0 ? 0.0 : xy.get(i, d), xy.get(j, d) == 0 ? 0.0 : xy.get(j, d));
        }
        return c;
    }

    private static boolean same(CoordsView xy, int[] sectionOf, int i, int j) {
        if (sectionOf != null && sectionOf[i] != sectionOf[j]) {
            return false;
        }
        for (int d = 0; d < xy.dim(); d++) {
            if (xy.get(i, d) != xy.get(j, d)) {
                return false;
            }
        }
        return true;
    }
}
