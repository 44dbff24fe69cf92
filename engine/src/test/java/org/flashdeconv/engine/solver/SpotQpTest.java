package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpotQpTest {

    /** min ½xᵀAx − cᵀx over x ≥ 0 by trying every support (A positive definite): the oracle. */
    private static double[] bruteForce(double[][] a, double[] c) {
        int k = c.length;
        double[] best = new double[k];
        double bestF = 0; // x = 0
        for (int subset = 1; subset < 1 << k; subset++) {
            int mask = subset;
            int[] idx = java.util.stream.IntStream.range(0, k).filter(j -> (mask & 1 << j) != 0).toArray();
            int m = idx.length;
            double[][] sys = new double[m][m + 1];
            for (int r = 0; r < m; r++) {
                for (int q = 0; q < m; q++) {
                    sys[r][q] = a[idx[r]][idx[q]];
                }
                sys[r][m] = c[idx[r]];
            }
            double[] z = gauss(sys);
            double[] x = new double[k];
            boolean feasible = true;
            for (int r = 0; r < m; r++) {
                feasible &= z[r] >= 0;
                x[idx[r]] = z[r];
            }
            if (feasible) {
                double f = value(a, c, x);
                if (f < bestF) {
                    bestF = f;
                    best = x;
                }
            }
        }
        return best;
    }

    private static double[] gauss(double[][] s) {
        int m = s.length;
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(s[r][col]) > Math.abs(s[piv][col])) {
                    piv = r;
                }
            }
            double[] t = s[col];
            s[col] = s[piv];
            s[piv] = t;
            for (int r = 0; r < m; r++) {
                if (r != col) {
                    double f = s[r][col] / s[col][col];
                    for (int q = col; q <= m; q++) {
                        s[r][q] -= f * s[col][q];
                    }
                }
            }
        }
        double[] z = new double[m];
        for (int r = 0; r < m; r++) {
            z[r] = s[r][m] / s[r][r];
        }
        return z;
    }

    private static double value(double[][] a, double[] c, double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f -= c[i] * x[i];
            for (int j = 0; j < x.length; j++) {
                f += 0.5 * x[i] * a[i][j] * x[j];
            }
        }
        return f;
    }

    @Test
    void matchesTheBruteForceMinimiserFromColdAndArbitraryWarmGuesses() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + trial % 7;
            int r = k + rnd.nextInt(4);
            double shared = rnd.nextDouble() * 3;
            double[][] x = new double[k][r];
            for (int t = 0; t < k; t++) {
                for (int j = 0; j < r; j++) {
                    x[t][j] = rnd.nextDouble() + shared * (1 + Math.sin(j));
                }
            }
            double shift = trial % 3 == 0 ? 0 : rnd.nextDouble() * 0.5;
            double[] gram = new double[k * k];
            double[][] a = new double[k][k];
            double[] c = new double[k];
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    double s = 0;
                    for (int j = 0; j < r; j++) {
                        s += x[p][j] * x[q][j];
                    }
                    gram[p * k + q] = s;
                    a[p][q] = s + (p == q ? shift : 0);
                }
                c[p] = rnd.nextGaussian() * 5 + shared;
            }
            double[] want = bruteForce(a, c);
            SpotQp qp = new SpotQp(k, gram);
            double[] cold = new double[k];
            assertTrue(qp.solve(c, shift, cold, false), "trial " + trial);
            double[] warm = new double[k];
            for (int j = 0; j < k; j++) {
                warm[j] = rnd.nextBoolean() ? rnd.nextDouble() : 0;
            }
            assertTrue(qp.solve(c, shift, warm, true), "trial " + trial);
            double tol = 1e-8 * (1 + java.util.Arrays.stream(want).map(Math::abs).max().orElse(0));
            assertArrayEquals(want, cold, tol, "trial " + trial + " cold");
            assertArrayEquals(want, warm, tol, "trial " + trial + " warm");
        }
    }

    @Test
    void typesWithANegligibleDiagonalStayAtZero() {
        double[] gram = {4, 0, 0, 0}; // type 1 has no expression
        SpotQp qp = new SpotQp(2, gram);
        double[] x = {1, 1};
        assertTrue(qp.solve(new double[] {8, 5}, 0, x, true));
        assertArrayEquals(new double[] {2, 0}, x, 1e-15);
    }

    @Test
    void aSingularPassiveBlockIsReportedAndLeavesTheStartUntouched() {
        double[] gram = {1, 1, 1, 1}; // two identical types, no smoothing
        SpotQp qp = new SpotQp(2, gram);
        double[] x = {0.5, 0.5};
        assertFalse(qp.solve(new double[] {1, 1}, 0, x, true));
        assertArrayEquals(new double[] {0.5, 0.5}, x, 0.0);
    }
}
