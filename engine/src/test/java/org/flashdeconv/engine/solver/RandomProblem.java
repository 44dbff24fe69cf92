package org.flashdeconv.engine.solver;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.flashdeconv.engine.matrix.Layouts;

/** A seeded random BCD problem held both as plain arrays (for the naive solver) and off-heap. */
final class RandomProblem {
    final int n;
    final int k;
    final double[][] h;       // N x K
    final double[][] gram;    // K x K
    final int[][] nbrs;       // ascending neighbour lists
    final double yrSq;

    /**
     * @param n         spots
     * @param k         types
     * @param r         representation dimension
     * @param edgeProb  per-pair probability of a random extra edge (on top of a chain), 0 for none
     * @param isolated  every {@code isolated}-th spot gets no edges (0 for none)
     */
    RandomProblem(long seed, int n, int k, int r, double edgeProb, int isolated, boolean chain) {
        this(seed, n, k, r, edgeProb, isolated, chain, 0, false);
    }

    /**
     * @param shared    weight of a profile common to every type (correlated signatures, as log-CPM ones are)
     * @param duplicate the last type repeats the first (a singular Gram matrix; needs k ≥ 2)
     */
    RandomProblem(long seed, int n, int k, int r, double edgeProb, int isolated, boolean chain, double shared,
                  boolean duplicate) {
        Random rnd = new Random(seed);
        this.n = n;
        this.k = k;
        double[][] xr = new double[k][r];
        double[] common = new double[r];
        for (int j = 0; j < r; j++) {
            common[j] = 1 + rnd.nextDouble();
        }
        for (double[] row : xr) {
            for (int j = 0; j < r; j++) {
                row[j] = (rnd.nextDouble() < 0.5 ? 0 : rnd.nextDouble() * 3) + shared * common[j];
            }
        }
        if (duplicate) {
            xr[k - 1] = xr[0].clone();
        }
        gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int j = 0; j < r; j++) {
                    s += xr[a][j] * xr[b][j];
                }
                gram[a][b] = s;
            }
        }
        h = new double[n][k];
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double[] yr = new double[r];
            for (int t = 0; t < k; t++) {
                double w = rnd.nextDouble() < 0.4 ? 0 : rnd.nextDouble();
                for (int j = 0; j < r; j++) {
                    yr[j] += w * xr[t][j];
                }
            }
            for (int j = 0; j < r; j++) {
                yr[j] = Math.max(0, yr[j] + 0.3 * rnd.nextGaussian());
                sq += yr[j] * yr[j];
            }
            for (int t = 0; t < k; t++) {
                double s = 0;
                for (int j = 0; j < r; j++) {
                    s += xr[t][j] * yr[j];
                }
                h[i][t] = s;
            }
        }
        yrSq = sq;
        List<TreeSet<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new TreeSet<>());
        }
        for (int i = 0; i < n; i++) {
            int last = edgeProb > 0 ? n : Math.min(n, i + 2);
            for (int j = i + 1; j < last; j++) {
                boolean edge = (chain && j == i + 1) || (edgeProb > 0 && rnd.nextDouble() < edgeProb);
                boolean cut = isolated > 0 && (i % isolated == 0 || j % isolated == 0);
                if (edge && !cut) {
                    adj.get(i).add(j);
                    adj.get(j).add(i);
                }
            }
        }
        nbrs = new int[n][];
        for (int i = 0; i < n; i++) {
            nbrs[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The off-heap problem, allocated in {@code arena}. */
    BcdProblem offHeap(Arena arena) {
        MemorySegment hs = arena.allocate(Layouts.F64, Math.max(1, (long) n * k));
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                hs.setAtIndex(Layouts.F64, (long) i * k + t, h[i][t]);
            }
        }
        MemorySegment ptr = arena.allocate(Layouts.I64, n + 1L);
        long entries = 0;
        for (int[] row : nbrs) {
            entries += row.length;
        }
        MemorySegment nb = arena.allocate(Layouts.I32, Math.max(1, entries));
        long at = 0;
        for (int i = 0; i < n; i++) {
            ptr.setAtIndex(Layouts.I64, i, at);
            for (int j : nbrs[i]) {
                nb.setAtIndex(Layouts.I32, at++, j);
            }
        }
        ptr.setAtIndex(Layouts.I64, n, at);
        double[] g = new double[k * k];
        for (int a = 0; a < k; a++) {
            System.arraycopy(gram[a], 0, g, a * k, k);
        }
        return new BcdProblem(n, k, hs, g, ptr, nb, yrSq);
    }

    static double[][] toArray(MemorySegment seg, int n, int k) {
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                out[i][t] = seg.getAtIndex(Layouts.F64, (long) i * k + t);
            }
        }
        return out;
    }
}
