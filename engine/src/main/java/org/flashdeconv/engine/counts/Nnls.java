package org.flashdeconv.engine.counts;

/** Small non-negative least squares in Gram form, min ½cᵀGc − cᵀr over c ≥ 0, by cyclic coordinate descent. */
final class Nnls {
    private static final int MAX_SWEEPS = 10_000;

    private Nnls() {
    }

    /** The minimiser (deterministic; stops when a sweep changes no coordinate by more than 1e-12 of the largest). */
    static double[] solve(double[][] gram, double[] rhs) {
        int k = rhs.length;
        double[] c = new double[k];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            double largest = 0;
            for (int a = 0; a < k; a++) {
                if (!(gram[a][a] > 0)) {
                    continue;
                }
                double g = rhs[a];
                for (int b = 0; b < k; b++) {
                    g -= gram[a][b] * c[b];
                }
                double next = Math.max(0, c[a] + g / gram[a][a]);
                change = Math.max(change, Math.abs(next - c[a]));
                c[a] = next;
                largest = Math.max(largest, next);
            }
            if (change <= 1e-12 * Math.max(largest, 1e-300)) {
                break;
            }
        }
        return c;
    }
}
