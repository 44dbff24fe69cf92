package org.flashdeconv.engine.genes;

import java.util.Arrays;

/**
 * Highly variable genes of the spatial counts (docs/algorithm.md §4.1): a binned z-score of the variance of the
 * log-normalised values, computed from the sums of {@link GeneStats}.
 */
public final class HvgSelector {

    private static final double MIN_MEAN = 0.0125;
    private static final double MAX_MEAN = 3.0;
    private static final double MIN_DISP = 0.5;
    private static final int EDGES = 21;

    private HvgSelector() {
    }

    /**
     * Per-gene quantities of §4.1, for diagnostics and tests.
     *
     * @param mean μ_g
     * @param var  v_g (sample variance, one-pass form)
     * @param z    standardised variance z_g (0 for genes of single-gene bins or when binning is skipped)
     * @param bin  bin index b_g, or -1 for every gene when binning is skipped
     */
    public record Diagnostics(double[] mean, double[] var, double[] z, int[] bin) {
    }

    /**
     * The {@code nTop} highly variable genes.
     *
     * @return gene indices, ascending
     * @throws IllegalArgumentException if nTop is negative or the statistics hold no spot
     */
    public static int[] select(GeneStats s, int nTop) {
        return select(diagnostics(s), nTop);
    }

    /**
     * The {@code nTop} highly variable genes from already computed diagnostics.
     *
     * @return gene indices, ascending
     * @throws IllegalArgumentException if nTop is negative
     */
    public static int[] select(Diagnostics d, int nTop) {
        if (nTop < 0) {
            throw new IllegalArgumentException("n_hvg must be >= 0, found " + nTop);
        }
        int genes = d.mean().length;
        int[] valid = new int[genes];
        int nValid = 0;
        for (int g = 0; g < genes; g++) {
            double m = d.mean()[g];
            if (m >= MIN_MEAN && m <= MAX_MEAN && d.z()[g] >= MIN_DISP) {
                valid[nValid++] = g;
            }
        }
        int[] candidates = nValid >= nTop ? Arrays.copyOf(valid, nValid) : identity(genes);
        int[] chosen = DescendingRank.top(d.z(), candidates, nTop);
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * Mean, variance, bin and z-score of every gene.
     *
     * @throws IllegalArgumentException if the statistics hold no spot
     */
    public static Diagnostics diagnostics(GeneStats s) {
        if (s.spots() < 1) {
            throw new IllegalArgumentException("HVG selection needs at least one spot, found 0");
        }
        int genes = s.genes();
        double n = s.spots();
        double[] mean = new double[genes];
        double[] var = new double[genes];
        for (int g = 0; g < genes; g++) {
            double mu = s.sumLog()[g] / n;
            mean[g] = mu;
            var[g] = s.spots() >= 2 ? Math.max(0.0, n / (n - 1) * (s.sumLogSq()[g] / n - mu * mu)) : 0.0;
        }
        double[] z = new double[genes];
        int[] bin = new int[genes];
        Arrays.fill(bin, -1);
        double[] edges = edges(mean);
        if (edges.length >= 2) {
            standardise(mean, var, edges, z, bin);
        }
        return new Diagnostics(mean, var, z, bin);
    }

    /** The distinct type-7 percentile edges (0, 5, ..., 100 %) of the positive means; empty if fewer than 2. */
    static double[] edges(double[] mean) {
        double[] m = Arrays.stream(mean).filter(v -> v > 0).sorted().toArray();
        int n = m.length;
        if (n < 2) {
            return new double[0];
        }
        double[] e = new double[EDGES];
        int distinct = 0;
        for (int j = 0; j < EDGES; j++) {
            double q = (5 * j) / 100.0;
            double h = (n - 1) * q;
            double edge;
            if (h >= n - 1) {
                edge = m[n - 1];
            } else {
                int lo = (int) Math.floor(h);
                double t = h - lo;
                double a = m[lo];
                double b = m[lo + 1];
                edge = t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
            }
            if (distinct == 0 || edge != e[distinct - 1]) {
                e[distinct++] = edge;
            }
        }
        return Arrays.copyOf(e, distinct);
    }

    private static void standardise(double[] mean, double[] var, double[] edges, double[] z, int[] bin) {
        int bins = edges.length - 1;
        int[] count = new int[bins];
        double[] sum = new double[bins];
        for (int g = 0; g < mean.length; g++) {
            int b = Math.clamp(upperBound(edges, mean[g]) - 1, 0, bins - 1);
            bin[g] = b;
            count[b]++;
            sum[b] += var[g];
        }
        double[] centre = new double[bins];
        double[] sq = new double[bins];
        for (int b = 0; b < bins; b++) {
            centre[b] = sum[b] / count[b];
        }
        for (int g = 0; g < mean.length; g++) {
            double dv = var[g] - centre[bin[g]];
            sq[bin[g]] += dv * dv;
        }
        for (int g = 0; g < mean.length; g++) {
            int b = bin[g];
            if (count[b] >= 2) {
                double sd = Math.sqrt(sq[b] / count[b]);
                z[g] = (var[g] - centre[b]) / (sd + 1e-10);
            }
        }
    }

    /** Number of edges {@code <= x}. */
    private static int upperBound(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
