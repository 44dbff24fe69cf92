package org.flashdeconv.engine.counts;

/**
 * The per-spot Poisson problem written out over every gene with {@code double[][]}: objective, gradient and EM, as the
 * oracle of {@link PoissonSpotTest}.
 */
final class NaivePoisson {
    final double[][] p; // [k][g], columns of a type sum to whatever the test gives
    final double[] y;   // [g], all genes, zeros included
    final double[] penalty; // [k], added to Σ_g p_kg
    final double[] pseudo;  // [k] prior pseudo-counts, or zeros

    NaivePoisson(double[][] p, double[] y, double[] penalty, double[] pseudo) {
        this.p = p;
        this.y = y;
        this.penalty = penalty;
        this.pseudo = pseudo;
    }

    double mean(double[] b, int g) {
        double m = 0;
        for (int k = 0; k < p.length; k++) {
            m += b[k] * p[k][g];
        }
        return m;
    }

    /** Σ_g (m_g − y_g log m_g) + Σ_k penalty_k β_k − Σ_k y'_k log β_k. */
    double objective(double[] b) {
        double f = 0;
        for (int g = 0; g < y.length; g++) {
            double m = mean(b, g);
            f += m - (y[g] > 0 ? y[g] * Math.log(m) : 0);
        }
        for (int k = 0; k < p.length; k++) {
            f += penalty[k] * b[k] - (pseudo[k] > 0 ? pseudo[k] * Math.log(b[k]) : 0);
        }
        return f;
    }

    double[] gradient(double[] b) {
        double[] grad = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            double s = penalty[k] - (pseudo[k] > 0 ? pseudo[k] / b[k] : 0);
            for (int g = 0; g < y.length; g++) {
                s += p[k][g] - y[g] * p[k][g] / mean(b, g);
            }
            grad[k] = s;
        }
        return grad;
    }

    /** Multiplicative EM updates from a uniform start (slow but monotone; the reference for the solution). */
    double[] em(int iterations) {
        int k = p.length;
        double total = 0;
        for (double v : y) {
            total += v;
        }
        double[] b = new double[k];
        java.util.Arrays.fill(b, Math.max(total, 1) / k);
        for (int it = 0; it < iterations; it++) {
            double[] next = new double[k];
            for (int t = 0; t < k; t++) {
                double c = penalty[t];
                double s = pseudo[t];
                for (int g = 0; g < y.length; g++) {
                    c += p[t][g];
                    if (y[g] > 0) {
                        s += b[t] * y[g] * p[t][g] / mean(b, g);
                    }
                }
                next[t] = s / c;
            }
            b = next;
        }
        return b;
    }
}
