package org.flashdeconv.engine.represent;

/** Gene amplitudes from leverage (docs/algorithm.md §6.1), shared by both representations. */
final class Amplitudes {
    private Amplitudes() {
    }

    /** a_g = clip(sqrt(q_g · p + 1e-10), 0.1, 10) with q_g = lev_g / (Σ lev + 1e-10). */
    static double[] of(double[] leverage) {
        int p = leverage.length;
        double sum = 0;
        for (double l : leverage) {
            sum += l;
        }
        double denom = sum + 1e-10;
        double[] a = new double[p];
        for (int g = 0; g < p; g++) {
            double q = leverage[g] / denom;
            a[g] = Math.clamp(Math.sqrt(q * p + 1e-10), 0.1, 10.0);
        }
        return a;
    }
}
