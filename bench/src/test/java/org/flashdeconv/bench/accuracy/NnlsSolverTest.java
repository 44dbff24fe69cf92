package org.flashdeconv.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NnlsSolverTest {

    /** ½xᵀGx − bᵀx. */
    private static double objective(double[][] g, double[] b, double[] x) {
        double v = 0;
        for (int i = 0; i < x.length; i++) {
            v -= b[i] * x[i];
            for (int j = 0; j < x.length; j++) {
                v += 0.5 * x[i] * g[i][j] * x[j];
            }
        }
        return v;
    }

    /** The best feasible stationary point over every support (2^K Gaussian eliminations). */
    private static double bruteForce(double[][] g, double[] b) {
        int k = b.length;
        double best = 0; // x = 0
        for (int support = 1; support < (1 << k); support++) {
            int mask = support;
            int[] idx = java.util.stream.IntStream.range(0, k).filter(i -> (mask >> i & 1) == 1).toArray();
            int m = idx.length;
            double[][] a = new double[m][m + 1];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a[i][j] = g[idx[i]][idx[j]];
                }
                a[i][m] = b[idx[i]];
            }
            for (int c = 0; c < m; c++) {
                int p = c;
                for (int r = c + 1; r < m; r++) {
                    p = Math.abs(a[r][c]) > Math.abs(a[p][c]) ? r : p;
                }
                double[] t = a[c];
                a[c] = a[p];
                a[p] = t;
                for (int r = 0; r < m; r++) {
                    if (r != c) {
                        double f = a[r][c] / a[c][c];
                        for (int j = c; j <= m; j++) {
                            a[r][j] -= f * a[c][j];
                        }
                    }
                }
            }
            double[] x = new double[k];
            boolean feasible = true;
            for (int i = 0; i < m; i++) {
                x[idx[i]] = a[i][m] / a[i][i];
                feasible &= x[idx[i]] >= 0;
            }
            if (feasible) {
                best = Math.min(best, objective(g, b, x));
            }
        }
        return best;
    }

    @Test
    void reachesTheMinimumOfEverySupport() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rng.nextInt(7);
            int genes = k + rng.nextInt(20);
            double[][] x = new double[k][genes];
            for (double[] row : x) {
                for (int g = 0; g < genes; g++) {
                    row[g] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
                }
                row[rng.nextInt(genes)] += 0.5; // no all-zero row
            }
            double[][] gram = new double[k][k];
            double[] b = new double[k];
            double[] y = new double[genes];
            for (int g = 0; g < genes; g++) {
                y[g] = rng.nextDouble() * 3 - 0.5;
            }
            for (int i = 0; i < k; i++) {
                for (int g = 0; g < genes; g++) {
                    b[i] += x[i][g] * y[g];
                    for (int j = 0; j < k; j++) {
                        gram[i][j] += x[i][g] * x[j][g];
                    }
                }
            }
            double[] beta = new double[k];
            new NnlsSolver(gram).solve(b, beta);
            for (double v : beta) {
                assertTrue(v >= 0, "non-negative");
            }
            double expected = bruteForce(gram, b);
            assertEquals(expected, objective(gram, b, beta), 1e-9 * (1 + Math.abs(expected)), "trial " + trial);
        }
    }

    @Test
    void aZeroRightHandSideGivesZero() {
        double[] beta = {1, 1};
        new NnlsSolver(new double[][] {{2, 1}, {1, 2}}).solve(new double[2], beta);
        assertEquals(0.0, beta[0], 0.0);
        assertEquals(0.0, beta[1], 0.0);
    }
}
