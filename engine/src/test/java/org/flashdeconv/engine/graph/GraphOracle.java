package org.flashdeconv.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Brute-force O(N^2) versions of docs/algorithm.md §7 over plain arrays, the oracle of the graph tests. */
final class GraphOracle {
    private GraphOracle() {
    }

    /** Euclidean distance of §7: squares summed in column order, then the square root. */
    static double dist(double[] a, double[] b) {
        return Math.sqrt(dist2(a, b));
    }

    static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            double d = a[c] - b[c];
            s += d * d;
        }
        return s;
    }

    /** For every spot, all other spots in (distance, index) order (the ranking of §7.1). */
    static int[][] ranking(double[][] pts) {
        int n = pts.length;
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            Integer[] others = new Integer[n - 1];
            for (int j = 0, t = 0; j < n; j++) {
                d[j] = dist(pts[i], pts[j]);
                if (j != i) {
                    others[t++] = j;
                }
            }
            Arrays.sort(others, Comparator.<Integer>comparingDouble(j -> d[j]).thenComparingInt(j -> j));
            out[i] = Arrays.stream(others).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** §7.1: the first min(k, N-1) of every ranking, symmetrised by union; sorted rows. */
    static int[][] knn(int[][] ranking, int k) {
        int n = ranking.length;
        List<TreeSet<Integer>> rows = emptyRows(n);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < Math.min(k, n - 1); t++) {
                rows.get(i).add(ranking[i][t]);
                rows.get(ranking[i][t]).add(i);
            }
        }
        return toArrays(rows);
    }

    /** §7.1 from the points. */
    static int[][] knn(double[][] pts, int k) {
        return knn(ranking(pts), k);
    }

    /** §7.2 with squared distances compared to r². */
    static int[][] radius(double[][] pts, double r) {
        int n = pts.length;
        List<TreeSet<Integer>> rows = emptyRows(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && dist2(pts[i], pts[j]) <= r * r) {
                    rows.get(i).add(j);
                }
            }
        }
        return toArrays(rows);
    }

    /** §7.3 radius: 1.5 x the median nearest-other-spot distance (0 for N <= 1). */
    static double gridRadius(double[][] pts) {
        int n = pts.length;
        if (n <= 1) {
            return 0;
        }
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    nearest[i] = Math.min(nearest[i], dist(pts[i], pts[j]));
                }
            }
        }
        Arrays.sort(nearest);
        double median = n % 2 == 1 ? nearest[n / 2] : (nearest[n / 2 - 1] + nearest[n / 2]) / 2;
        return 1.5 * median;
    }

    /** The rows of a built graph as arrays. */
    static int[][] rows(SpatialGraph g) {
        int[][] out = new int[(int) g.spots()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[g.degree(i)];
            for (int t = 0; t < out[i].length; t++) {
                out[i][t] = g.neighbor(g.rowStart(i) + t);
            }
        }
        return out;
    }

    /** Undirected edges i < j of a graph, sorted, as "i,j" strings. */
    static List<String> edges(SpatialGraph g) {
        List<String> out = new ArrayList<>();
        int[][] rows = rows(g);
        for (int i = 0; i < rows.length; i++) {
            for (int j : rows[i]) {
                if (i < j) {
                    out.add(i + "," + j);
                }
            }
        }
        return out;
    }

    private static List<TreeSet<Integer>> emptyRows(int n) {
        List<TreeSet<Integer>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new TreeSet<>());
        }
        return rows;
    }

    private static int[][] toArrays(List<TreeSet<Integer>> rows) {
        return rows.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
}
