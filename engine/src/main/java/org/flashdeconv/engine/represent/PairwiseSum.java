package org.flashdeconv.engine.represent;

import java.util.ArrayList;
import java.util.List;

/**
 * numpy's pairwise summation order (blocks of at most 128 terms summed in 8 interleaved lanes, halves split at a
 * multiple of 8), used for the trapezoid sums of the expected weights so that they round like the reference's.
 *
 * <p>Besides the plain array form, an instance evaluates many sums of the same length side by side while their
 * terms arrive in index order ({@link #add}), keeping only O(lanes · log n) state instead of every term.
 */
final class PairwiseSum {

    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    /** Leaves of the summation tree in index order, with the number of pending additions after each. */
    private final int[] leafStart;
    private final int[] leafLength;
    private final int[] addsAfter;
    private final int lanes;
    private final double[] unrolled;
    private final double[] tail;
    private final double[] stack;
    private int leaf;
    private int depth;

    /** Sum of {@code a[from, from + n)} in numpy's order. */
    static double sum(double[] a, int from, int n) {
        if (n < UNROLL) {
            double res = 0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[UNROLL];
            System.arraycopy(a, from, r, 0, UNROLL);
            int i = UNROLL;
            for (; i < n - n % UNROLL; i += UNROLL) {
                for (int j = 0; j < UNROLL; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = split(n);
        return sum(a, from, half) + sum(a, from + half, n - half);
    }

    /**
     * Prepares {@code lanes} sums of {@code n} terms each.
     */
    PairwiseSum(int n, int lanes) {
        List<int[]> leaves = new ArrayList<>();
        plan(0, n, leaves);
        int count = leaves.size();
        leafStart = new int[count];
        leafLength = new int[count];
        addsAfter = new int[count];
        for (int i = 0; i < count; i++) {
            leafStart[i] = leaves.get(i)[0];
            leafLength[i] = leaves.get(i)[1];
            addsAfter[i] = leaves.get(i)[2];
        }
        this.lanes = lanes;
        this.unrolled = new double[UNROLL * lanes];
        this.tail = new double[lanes];
        this.stack = new double[(32 - Integer.numberOfLeadingZeros(Math.max(n, 1)) + 1) * lanes];
    }

    /** Term {@code index} of every lane ({@code terms[lane]}); indices must arrive as 0, 1, ..., n-1. */
    void add(int index, double[] terms) {
        int len = leafLength[leaf];
        int i = index - leafStart[leaf];
        if (len < UNROLL) {
            for (int l = 0; l < lanes; l++) {
                tail[l] = i == 0 ? 0 + terms[l] : tail[l] + terms[l];
            }
        } else if (i < len - len % UNROLL) {
            int lane = i % UNROLL;
            for (int l = 0; l < lanes; l++) {
                unrolled[l * UNROLL + lane] = i < UNROLL ? terms[l] : unrolled[l * UNROLL + lane] + terms[l];
            }
            if (i == len - len % UNROLL - 1) {
                for (int l = 0; l < lanes; l++) {
                    int b = l * UNROLL;
                    double[] r = unrolled;
                    tail[l] = ((r[b] + r[b + 1]) + (r[b + 2] + r[b + 3]))
                            + ((r[b + 4] + r[b + 5]) + (r[b + 6] + r[b + 7]));
                }
            }
        } else {
            for (int l = 0; l < lanes; l++) {
                tail[l] += terms[l];
            }
        }
        if (i == len - 1) {
            System.arraycopy(tail, 0, stack, depth * lanes, lanes);
            depth++;
            for (int a = 0; a < addsAfter[leaf]; a++) {
                depth--;
                int right = depth * lanes;
                int left = right - lanes;
                for (int l = 0; l < lanes; l++) {
                    stack[left + l] += stack[right + l];
                }
            }
            leaf++;
        }
    }

    /** The finished sums, one per lane (call after the last term). */
    double[] result() {
        double[] out = new double[lanes];
        if (depth == 1) {
            System.arraycopy(stack, 0, out, 0, lanes);
        }
        return out;
    }

    private static int split(int n) {
        int half = n / 2;
        return half - half % UNROLL;
    }

    /** Appends the leaves of [start, start+n) in order, counting after each leaf the additions it completes. */
    private static void plan(int start, int n, List<int[]> leaves) {
        if (n <= BLOCK) {
            leaves.add(new int[] {start, n, 0});
            return;
        }
        int half = split(n);
        plan(start, half, leaves);
        plan(start + half, n - half, leaves);
        leaves.get(leaves.size() - 1)[2]++; // this subtree's addition happens right after its last leaf
    }
}
