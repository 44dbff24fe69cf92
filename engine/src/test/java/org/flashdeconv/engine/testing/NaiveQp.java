package org.flashdeconv.engine.testing;

import java.util.stream.IntStream;

/**
 * Naive dense oracles of the tests, on {@code double[][]}: a linear solve by Gaussian elimination, the quadratic
 * ½xᵀAx − cᵀx, and its minimiser over x ≥ 0 found by trying every support.
 */
public final class NaiveQp {
    private NaiveQp() {
    }

    /**
     * The x with {@code a·x = b}, by Gaussian elimination with partial pivoting and back substitution ({@code a}
     * square and non-singular); {@code a} and {@code b} are left unchanged.
     */
    public static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double[] r = b.clone();
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) {
                piv = Math.abs(m[i][c]) > Math.abs(m[piv][c]) ? i : piv;
            }
            double[] row = m[c];
            m[c] = m[piv];
            m[piv] = row;
            double t = r[c];
            r[c] = r[piv];
            r[piv] = t;
            for (int i = c + 1; i < n; i++) {
                double factor = m[i][c] / m[c][c];
                for (int j = c; j < n; j++) {
                    m[i][j] -= factor * m[c][j];
                }
                r[i] -= factor * r[c];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = r[i];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    /** ½xᵀAx − cᵀx. */
    public static double value(double[][] a, double[] c, double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f -= c[i] * x[i];
            for (int j = 0; j < x.length; j++) {
                f += 0.5 * x[i] * a[i][j] * x[j];
            }
        }
        return f;
    }

    /**
     * The minimiser of ½xᵀAx − cᵀx over x ≥ 0 ({@code A} positive definite on every support): the stationary point
     * of every support (2^K − 1 linear solves) that is feasible and lowest, or x = 0 when none is below 0.
     */
    public static double[] nonNegativeMinimiser(double[][] a, double[] c) {
        int k = c.length;
        double[] best = new double[k];
        double bestValue = 0; // x = 0
        for (int support = 1; support < 1 << k; support++) {
            int mask = support;
            int[] idx = IntStream.range(0, k).filter(j -> (mask >> j & 1) == 1).toArray();
            int m = idx.length;
            double[][] sub = new double[m][m];
            double[] rhs = new double[m];
            for (int r = 0; r < m; r++) {
                for (int q = 0; q < m; q++) {
                    sub[r][q] = a[idx[r]][idx[q]];
                }
                rhs[r] = c[idx[r]];
            }
            double[] z = solve(sub, rhs);
            double[] x = new double[k];
            boolean feasible = true;
            for (int r = 0; r < m; r++) {
                feasible &= z[r] >= 0;
                x[idx[r]] = z[r];
            }
            if (feasible && value(a, c, x) < bestValue) {
                bestValue = value(a, c, x);
                best = x;
            }
        }
        return best;
    }
}
