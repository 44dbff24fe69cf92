package org.flashdeconv.engine.counts;

/**
 * Poisson deviances of one spot (docs/algorithm.md §29.6), from its non-zeros only: the profiles' columns sum to 1,
 * so the fitted molecules over all model genes are Σ_k β_k.
 */
final class Deviance {
    /** log i for the small whole counts, which are most counts (a look-up instead of a logarithm). */
    private static final double[] LOG_INT = new double[1024];

    static {
        for (int i = 1; i < LOG_INT.length; i++) {
            LOG_INT[i] = Math.log(i);
        }
    }

    private Deviance() {
    }

    /**
     * 2 [Σ_j y_j log(y_j / m_j) − (n − Σ_k β_k)] from the fit's means {@code m} (one per non-zero, as
     * {@link PoissonSpot#means}) and {@code fitted} = Σ_k β_k, with the logarithms of {@link #ofMeans} (the background
     * sample's deviances; a Math.log of y/m per non-zero took about 17 % of the sample's CPU at 1M hd8).
     */
    static double ofFit(ModelRow r, double[] m, double fitted) {
        double yLogY = 0;
        double yLogM = 0;
        for (int j = 0; j < r.nnz; j++) {
            double y = r.y[j];
            yLogY += y * logOf(y);
            yLogM += y * FastLog.log(m[j]);
        }
        return Math.max(0, 2 * ((yLogY - yLogM) - (r.total - fitted)));
    }

    /**
     * The fit's deviance and the null model's (every gene at the slide's frequency μ_g times the spot's total), from
     * the fit's means {@code m} (one per non-zero, as {@link PoissonSpot#means}) and Σ_k β_k: one logarithm per
     * non-zero for both ({@link FastLog}, within about 1 ulp + 2·10⁻¹⁶ of Math.log), Σ y log y being shared. Into
     * out[0] (fit) and out[1] (null).
     *
     * @param logMu log μ_g per model gene position
     */
    static void ofMeans(ModelRow r, double[] m, double fitted, double[] logMu, double[] out) {
        double yLogY = 0;
        double yLogM = 0;
        double yLogMu = 0;
        for (int j = 0; j < r.nnz; j++) {
            double y = r.y[j];
            yLogY += y * logOf(y);
            yLogM += y * FastLog.log(m[j]);
            yLogMu += y * logMu[r.pos[j]];
        }
        out[0] = Math.max(0, 2 * ((yLogY - yLogM) - (r.total - fitted)));
        out[1] = Math.max(0, 2 * (yLogY - yLogMu - r.total * Math.log(r.total)));
    }

    private static double logOf(double y) {
        int i = (int) y;
        return i == y && i < LOG_INT.length ? LOG_INT[i] : Math.log(y);
    }
}
