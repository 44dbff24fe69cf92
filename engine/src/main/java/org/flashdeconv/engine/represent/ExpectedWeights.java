package org.flashdeconv.engine.represent;

/**
 * The {@code expected} gene weights (docs/algorithm.md §6.1, §6.2): gene g's expected absolute weight in a
 * bucket-normalised CountSketch with d buckets, by the normative 3000-node trapezoid rule in log t.
 *
 * <p>Nodes are visited in order and only p-length arrays are kept (no p x 3000 table): O(p) memory,
 * O(p · 3000) time. The trapezoid terms are summed in numpy's pairwise order, as the reference sums them.
 */
public final class ExpectedWeights {

    /** Number of quadrature nodes. */
    static final int NODES = 3000;

    private ExpectedWeights() {
    }

    /**
     * The weight w_g of every gene.
     *
     * @param leverage  lev in S order (p values)
     * @param sketchDim d
     * @return p weights, in S order
     * @throws IllegalArgumentException if sketchDim is below 1
     */
    public static double[] compute(double[] leverage, int sketchDim) {
        if (sketchDim < 1) {
            throw new IllegalArgumentException("sketch_dim must be >= 1, found " + sketchDim);
        }
        double[] a = Amplitudes.of(leverage);
        int p = a.length;
        double[] a2 = new double[p];
        for (int g = 0; g < p; g++) {
            a2[g] = a[g] * a[g];
        }
        double[] w = new double[p];
        if (sketchDim == 1) {
            double sum = 0;
            for (double v : a2) {
                sum += v;
            }
            double norm = Math.sqrt(sum);
            for (int g = 0; g < p; g++) {
                w[g] = a[g] / norm;
            }
            return w;
        }
        double d = sketchDim;
        double[] u = nodes();
        double[] phi = new double[p];
        double[] previous = new double[p];
        double[] term = new double[p];
        PairwiseSum trapezoid = new PairwiseSum(NODES - 1, p);
        for (int m = 0; m < NODES; m++) {
            double t = Math.exp(u[m]);
            double total = 0;
            for (int i = 0; i < p; i++) {
                phi[i] = Math.log1p(-(1 - Math.exp(-t * a2[i])) / d);
                total += phi[i];
            }
            double root = Math.sqrt(t);
            double du = m > 0 ? u[m] - u[m - 1] : 0;
            for (int g = 0; g < p; g++) {
                double f = root * Math.exp(-t * a2[g] + total - phi[g]);
                term[g] = du * (previous[g] + f) / 2;
                previous[g] = f;
            }
            if (m > 0) {
                trapezoid.add(m - 1, term);
            }
        }
        double[] integral = trapezoid.result();
        double sqrtPi = Math.sqrt(Math.PI);
        for (int g = 0; g < p; g++) {
            w[g] = a[g] * (integral[g] / sqrtPi);
        }
        return w;
    }

    /** u_m: 3000 equally spaced values from log(1e-7) to exactly log(1e5) (numpy linspace). */
    static double[] nodes() {
        double lo = Math.log(1e-7);
        double hi = Math.log(1e5);
        double step = (hi - lo) / (NODES - 1);
        double[] u = new double[NODES];
        for (int m = 0; m < NODES - 1; m++) {
            u[m] = m * step + lo;
        }
        u[NODES - 1] = hi;
        return u;
    }
}
