package org.flashdeconv.bench.accuracy;

import java.util.Arrays;

/**
 * Non-negative least squares in Gram form, min ½βᵀGβ − bᵀβ subject to β ≥ 0 (Lawson-Hanson active set, exact for
 * the small K of a reference), with scratch space for one thread. G is fixed at construction; each {@link #solve}
 * takes a new right-hand side b = Aᵀy.
 */
final class NnlsSolver {
    private final int k;
    private final double[][] gram;
    private final boolean[] passive;
    private final double[] w;
    private final double[] z;
    private final double[] chol;
    private final int[] index;

    NnlsSolver(double[][] gram) {
        this.k = gram.length;
        this.gram = gram;
        passive = new boolean[k];
        w = new double[k];
        z = new double[k];
        chol = new double[k * k];
        index = new int[k];
    }

    /** Solves for {@code b} into {@code x} (length K). */
    void solve(double[] b, double[] x) {
        Arrays.fill(x, 0.0);
        Arrays.fill(passive, false);
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            return;
        }
        double tol = 1e-12 * scale;
        System.arraycopy(b, 0, w, 0, k);
        for (int outer = 0; outer < 10 * k + 10; outer++) {
            int t = -1;
            double best = tol;
            for (int j = 0; j < k; j++) {
                if (!passive[j] && w[j] > best) {
                    best = w[j];
                    t = j;
                }
            }
            if (t < 0) {
                return;
            }
            passive[t] = true;
            for (int inner = 0; inner < 10 * k + 10; inner++) {
                solvePassive(b);
                double alpha = 1;
                boolean feasible = true;
                for (int j = 0; j < k; j++) {
                    if (passive[j] && z[j] <= 0) {
                        feasible = false;
                        alpha = Math.min(alpha, x[j] / (x[j] - z[j]));
                    }
                }
                if (feasible) {
                    System.arraycopy(z, 0, x, 0, k);
                    break;
                }
                for (int j = 0; j < k; j++) {
                    if (passive[j]) {
                        x[j] += alpha * (z[j] - x[j]);
                        if (x[j] <= 1e-15 * scale) {
                            x[j] = 0;
                            passive[j] = false;
                        }
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                double s = b[j];
                for (int l = 0; l < k; l++) {
                    s -= gram[j][l] * x[l];
                }
                w[j] = s;
            }
        }
    }

    /** z = G_PP⁻¹ b_P on the passive set (Cholesky, with a tiny ridge if G_PP is singular), 0 elsewhere. */
    private void solvePassive(double[] b) {
        int m = 0;
        for (int j = 0; j < k; j++) {
            if (passive[j]) {
                index[m++] = j;
            }
        }
        Arrays.fill(z, 0.0);
        for (double ridge = 0; ; ridge = ridge == 0 ? 1e-12 * trace(m) : ridge * 100) {
            if (cholesky(m, ridge)) {
                break;
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = b[index[i]];
            for (int l = 0; l < i; l++) {
                s -= chol[i * k + l] * y[l];
            }
            y[i] = s / chol[i * k + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int l = i + 1; l < m; l++) {
                s -= chol[l * k + i] * z[index[l]];
            }
            z[index[i]] = s / chol[i * k + i];
        }
    }

    private double trace(int m) {
        double t = 0;
        for (int i = 0; i < m; i++) {
            t += gram[index[i]][index[i]];
        }
        return Math.max(t, Double.MIN_NORMAL);
    }

    private boolean cholesky(int m, double ridge) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = gram[index[i]][index[j]] + (i == j ? ridge : 0);
                for (int l = 0; l < j; l++) {
                    s -= chol[i * k + l] * chol[j * k + l];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    chol[i * k + i] = Math.sqrt(s);
                } else {
                    chol[i * k + j] = s / chol[j * k + j];
                }
            }
        }
        return true;
    }
}
