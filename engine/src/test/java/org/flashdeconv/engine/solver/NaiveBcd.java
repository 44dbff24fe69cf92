package org.flashdeconv.engine.solver;

import java.util.ArrayList;
import java.util.List;

/** A plain double[][] transcription of docs/algorithm.md §10.2 and §9 (dense Laplacian), the oracle of the tests. */
final class NaiveBcd {
    double[][] beta;
    int iterations;
    boolean converged;
    double change;
    final List<Double> objectives = new ArrayList<>();

    NaiveBcd(RandomProblem p, double lambda, double rho, int maxIter, double tol, boolean verbose) {
        int n = p.n;
        int kk = p.k;
        beta = new double[n][kk];
        for (double[] row : beta) {
            java.util.Arrays.fill(row, 1.0 / kk);
        }
        for (int t = 0; t < maxIter; t++) {
            double[][] next = new double[n][kk];
            for (int i = 0; i < n; i++) {
                double[] nsum = new double[kk];
                for (int j : p.nbrs[i]) {
                    for (int k = 0; k < kk; k++) {
                        nsum[k] += beta[j][k];
                    }
                }
                int ni = p.nbrs[i].length;
                double[] b = beta[i].clone();
                double[] r = new double[kk];
                for (int k = 0; k < kk; k++) {
                    for (int l = 0; l < kk; l++) {
                        r[k] += p.gram[k][l] * b[l];
                    }
                }
                for (int k = 0; k < kk; k++) {
                    double c = p.h[i][k] - r[k] + p.gram[k][k] * b[k];
                    if (ni > 0) {
                        c = c + lambda * nsum[k];
                    }
                    double den = p.gram[k][k] + lambda * ni;
                    double nw;
                    if (den > 1e-10) {
                        double s = c > rho ? c - rho : (c < -rho ? c + rho : 0);
                        nw = Math.max(0, s / den);
                    } else {
                        nw = 0;
                    }
                    double d = nw - b[k];
                    if (d != 0) {
                        for (int l = 0; l < kk; l++) {
                            r[l] = r[l] + d * p.gram[l][k];
                        }
                    }
                    b[k] = nw;
                }
                next[i] = b;
            }
            double md = 0;
            double mb = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < kk; k++) {
                    md = Math.max(md, Math.abs(next[i][k] - beta[i][k]));
                    mb = Math.max(mb, Math.abs(beta[i][k]));
                }
            }
            change = md / (mb + 1e-10);
            beta = next;
            iterations = t + 1;
            if (verbose && (t % 10 == 0 || t == maxIter - 1)) {
                objectives.add(objective(p, beta, lambda, rho));
            }
            if (change < tol) {
                converged = true;
                break;
            }
        }
    }

    /** F(β) of §9 with a dense Laplacian L = D − A. */
    static double objective(RandomProblem p, double[][] beta, double lambda, double rho) {
        int n = p.n;
        int kk = p.k;
        double[][] lap = new double[n][n];
        for (int i = 0; i < n; i++) {
            lap[i][i] = p.nbrs[i].length;
            for (int j : p.nbrs[i]) {
                lap[i][j] = -1;
            }
        }
        double cross = 0;
        double quad = 0;
        double sp = 0;
        double l1 = 0;
        double[][] btb = new double[kk][kk];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < kk; a++) {
                cross += beta[i][a] * p.h[i][a];
                l1 += Math.abs(beta[i][a]);
                for (int b = 0; b < kk; b++) {
                    btb[a][b] += beta[i][a] * beta[i][b];
                }
                double lb = 0;
                for (int j = 0; j < n; j++) {
                    lb += lap[i][j] * beta[j][a];
                }
                sp += beta[i][a] * lb;
            }
        }
        for (int a = 0; a < kk; a++) {
            for (int b = 0; b < kk; b++) {
                quad += btb[a][b] * p.gram[a][b];
            }
        }
        return 0.5 * (p.yrSq - 2 * cross + quad) + 0.5 * lambda * sp + rho * l1;
    }
}
