package org.flashdeconv.engine.genes;

import java.util.Arrays;

/**
 * "Rank descending" of docs/algorithm.md §0: by value descending, equal values by ascending index (a stable descending
 * sort). Values compare numerically, so -0.0 equals 0.0 as in the reference.
 */
final class DescendingRank {
    private DescendingRank() {
    }

    /**
     * The first {@code k} of {@code candidates} ranked by {@code key} descending.
     *
     * @param key        a value per index; NaN is not allowed
     * @param candidates indices into {@code key}, ascending
     * @param k          how many to keep; more than the candidates keeps them all
     * @return the chosen indices in rank order
     */
    static int[] top(double[] key, int[] candidates, int k) {
        int[] a = candidates.clone();
        int[] tmp = new int[a.length];
        sort(key, a, tmp, 0, a.length);
        return Arrays.copyOf(a, Math.min(k, a.length));
    }

    /** Stable top-down merge sort of {@code a[lo, hi)} by key descending. */
    private static void sort(double[] key, int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(key, a, tmp, lo, mid);
        sort(key, a, tmp, mid, hi);
        if (!(key[a[mid]] > key[a[mid - 1]])) {
            return; // already in order: the left run's last is not below the right run's first
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int o = lo; o < hi; o++) {
            // take from the right run only when strictly larger: equal keys keep their order
            if (j < hi && (i >= mid || key[tmp[j]] > key[tmp[i]])) {
                a[o] = tmp[j++];
            } else {
                a[o] = tmp[i++];
            }
        }
    }
}
