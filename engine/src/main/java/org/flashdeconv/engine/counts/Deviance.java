package org.flashdeconv.engine.counts;

/**
 * Poisson deviances of one spot (docs/algorithm.md §29.6), from its non-zeros only: the profiles' columns sum to 1,
 * so the fitted molecules over all model genes are Σ_k β_k.
 */
final class Deviance {
    private Deviance() {
    }

    /** 2 [Σ_j y_j log(y_j / m_j) − (n − Σ_k β_k)] for the fit {@code beta} over the first {@code comps}. */
    static double of(ModelRow r, double[] profiles, int stride, double[] beta, int comps) {
        double s = 0;
        double fitted = 0;
        for (int k = 0; k < comps; k++) {
            fitted += beta[k];
        }
        for (int j = 0; j < r.nnz; j++) {
            int row = r.pos[j] * stride;
            double m = 0;
            for (int k = 0; k < comps; k++) {
                m += beta[k] * profiles[row + k];
            }
            s += r.y[j] * Math.log(r.y[j] / m);
        }
        return Math.max(0, 2 * (s - (r.total - fitted)));
    }

    /** The null model's deviance: every gene at the slide's frequency {@code mu} times the spot's total. */
    static double ofNull(ModelRow r, double[] mu) {
        double s = 0;
        for (int j = 0; j < r.nnz; j++) {
            s += r.y[j] * Math.log(r.y[j] / (r.total * mu[r.pos[j]]));
        }
        return Math.max(0, 2 * s);
    }
}
