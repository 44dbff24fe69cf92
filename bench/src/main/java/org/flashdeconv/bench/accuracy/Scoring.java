package org.flashdeconv.bench.accuracy;

import java.util.List;

/**
 * Scores an {@link Estimate} against a truth: RMSE and pooled Pearson r over all (spot, type) entries, and the mean
 * Jensen-Shannon divergence (base 2, in [0, 1]) between the spots' true and estimated proportion rows. Flagged
 * spots are left out.
 *
 * <p>When the reference lacks types that the spots hold, three definitions differ ({@link Definition}); the
 * benchmark's headline is {@link Definition#ALL_TYPES}, the one that reproduces the figures reported for the MERFISH
 * set with one type missing (pooled r 0.581 for FlashDeconv, 0.783 for plain NNLS). Without missing types the three
 * agree.
 */
public final class Scoring {

    /** How the columns of a reference that lacks types are compared with the truth. */
    public enum Definition {
        /**
         * Every truth column; the missing types' estimates are 0 (all their true share counts as error). The
         * headline.
         */
        ALL_TYPES("all truth types, missing = 0"),
        /** Only the reference types' columns, the truth not renormalised (rows sum to less than 1). JSD undefined. */
        KNOWN_TYPES("known types, truth as is"),
        /** Only the reference types' columns, truth and estimate renormalised to sum 1 over them. */
        RENORMALISED("known types, both renormalised");

        private final String label;

        Definition(String label) {
            this.label = label;
        }

        /** A short description for the tables. */
        public String label() {
            return label;
        }
    }

    /**
     * One score.
     *
     * @param rmse  root mean squared error over the entries compared
     * @param r     pooled Pearson correlation over the same entries
     * @param jsd   mean Jensen-Shannon divergence of the rows (NaN for {@link Definition#KNOWN_TYPES})
     * @param spots spots scored
     */
    public record Score(double rmse, double r, double jsd, int spots) {
    }

    private Scoring() {
    }

    /**
     * Scores {@code estimate} (columns = {@code referenceTypes}) against {@code truth} (columns = {@code truthTypes}).
     *
     * @throws IllegalArgumentException if a reference type is not a truth type or the spot counts differ
     */
    public static Score score(double[][] truth, List<String> truthTypes, Estimate estimate,
                              List<String> referenceTypes, Definition definition) {
        if (truth.length != estimate.proportions().length) {
            throw new IllegalArgumentException("score: " + truth.length + " true rows but "
                    + estimate.proportions().length + " estimated");
        }
        int k = referenceTypes.size();
        int t = truthTypes.size();
        int[] column = new int[k];
        for (int j = 0; j < k; j++) {
            column[j] = truthTypes.indexOf(referenceTypes.get(j));
            if (column[j] < 0) {
                throw new IllegalArgumentException("score: reference type '" + referenceTypes.get(j)
                        + "' is not in the truth " + truthTypes);
            }
        }
        boolean all = definition == Definition.ALL_TYPES;
        int width = all ? t : k;
        double[] a = new double[width]; // truth row
        double[] b = new double[width]; // estimate row
        Pooled pooled = new Pooled();
        double jsdSum = 0;
        int spots = 0;
        for (int i = 0; i < truth.length; i++) {
            if (estimate.flagged()[i]) {
                continue;
            }
            double[] p = estimate.proportions()[i];
            if (all) {
                System.arraycopy(truth[i], 0, a, 0, t);
                java.util.Arrays.fill(b, 0.0);
                for (int j = 0; j < k; j++) {
                    b[column[j]] = p[j];
                }
            } else {
                double known = 0;
                for (int j = 0; j < k; j++) {
                    a[j] = truth[i][column[j]];
                    b[j] = p[j];
                    known += a[j];
                }
                if (definition == Definition.RENORMALISED) {
                    if (known <= 0) {
                        continue; // the spot holds only missing types: nothing to renormalise
                    }
                    double estimated = sum(b);
                    for (int j = 0; j < k; j++) {
                        a[j] /= known;
                        b[j] = estimated > 0 ? b[j] / estimated : 0;
                    }
                }
            }
            for (int j = 0; j < width; j++) {
                pooled.add(a[j], b[j]);
            }
            if (definition != Definition.KNOWN_TYPES) {
                jsdSum += jsd(a, b);
            }
            spots++;
        }
        double jsd = definition == Definition.KNOWN_TYPES || spots == 0 ? Double.NaN : jsdSum / spots;
        return new Score(pooled.rmse(), pooled.r(), jsd, spots);
    }

    /** Jensen-Shannon divergence, base 2, of two rows (each normalised to sum 1 first; an all-zero row gives NaN). */
    static double jsd(double[] p, double[] q) {
        double sp = sum(p);
        double sq = sum(q);
        double d = 0;
        for (int j = 0; j < p.length; j++) {
            double x = p[j] / sp;
            double y = q[j] / sq;
            double m = 0.5 * (x + y);
            if (x > 0) {
                d += 0.5 * x * Math.log(x / m);
            }
            if (y > 0) {
                d += 0.5 * y * Math.log(y / m);
            }
        }
        return Math.max(0, d / Math.log(2));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Running sums for RMSE and Pearson r (shifted by the first values for accuracy). */
    private static final class Pooled {
        private long n;
        private double shiftA;
        private double shiftB;
        private double se;
        private double sa;
        private double sb;
        private double saa;
        private double sbb;
        private double sab;

        void add(double a, double b) {
            if (n == 0) {
                shiftA = a;
                shiftB = b;
            }
            n++;
            se += (a - b) * (a - b);
            double x = a - shiftA;
            double y = b - shiftB;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }

        double rmse() {
            return n == 0 ? Double.NaN : Math.sqrt(se / n);
        }

        double r() {
            double cov = sab - sa * sb / n;
            double va = saa - sa * sa / n;
            double vb = sbb - sb * sb / n;
            return cov / Math.sqrt(va * vb);
        }
    }
}
