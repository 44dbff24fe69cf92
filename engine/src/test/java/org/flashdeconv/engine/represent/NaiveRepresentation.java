package org.flashdeconv.engine.represent;

import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.genes.GeneStats;

/**
 * The representation written the plain way on dense arrays, as a test oracle: Yt = preprocess(Y[:, S]) as a
 * dense N x p matrix, Yr = Yt·diag(w) or Yt·Ω as a dense N x r matrix, H = Yr·Xrᵀ and ‖Yr‖²_F.
 */
final class NaiveRepresentation {

    private final double[][] yr;
    private final double[][] xr;

    NaiveRepresentation(double[][] counts, int[] s, GeneStats stats, Preprocess pp, Representation rep) {
        int n = counts.length;
        int p = s.length;
        double[][] yt = new double[n][p];
        for (int i = 0; i < n; i++) {
            double library = 0;
            for (int j = 0; j < p; j++) {
                library += counts[i][s[j]];
            }
            for (int j = 0; j < p; j++) {
                double v = counts[i][s[j]];
                yt[i][j] = switch (pp) {
                    case LOG_CPM -> Math.log1p(v * (10000 / (library == 0 ? 1 : library)));
                    case PEARSON -> {
                        double mu = stats.sumRaw()[s[j]] / n + 1e-6;
                        yield v / Math.sqrt(mu + mu * mu / 100);
                    }
                    case RAW -> v;
                };
            }
        }
        // Ω (p x r) has one non-zero per row, at column[j]: Yr[i][c] = Σ_j Yt[i][j]·Ω[j][c] over those entries
        int r = rep.dim();
        int[] column = new int[p];
        double[] omega = new double[p];
        for (int j = 0; j < p; j++) {
            switch (rep) {
                case Representation.Weighted w -> {
                    column[j] = j;
                    omega[j] = w.weights()[j];
                }
                case Representation.Sketched c -> {
                    column[j] = c.sketch().bucket()[j];
                    omega[j] = c.sketch().value()[j];
                }
                case Representation.NotFormed none -> throw new IllegalArgumentException("no representation");
            }
        }
        yr = new double[n][r];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                yr[i][column[j]] += yt[i][j] * omega[j];
            }
        }
        xr = rep.xr();
    }

    /** H, N x K. */
    double[][] h() {
        double[][] h = new double[yr.length][xr.length];
        for (int i = 0; i < yr.length; i++) {
            for (int k = 0; k < xr.length; k++) {
                double sum = 0;
                for (int c = 0; c < xr[k].length; c++) {
                    sum += xr[k][c] * yr[i][c];
                }
                h[i][k] = sum;
            }
        }
        return h;
    }

    /** ‖Yr‖²_F. */
    double squaredNorm() {
        double sum = 0;
        for (double[] row : yr) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return sum;
    }
}
