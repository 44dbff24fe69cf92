package org.flashdeconv.cli;

import java.util.Arrays;
import java.util.Locale;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.store.CountStore;

/**
 * The summary {@code info} prints: density, per-spot totals (min, median, max) and the coordinate bounding box.
 * Holds one double per spot while computing the median.
 *
 * @param density   nnz / (spots * genes), 0 for an empty matrix
 * @param totalMin  smallest spot total (0 when there are no spots)
 * @param totalMed  median spot total (mean of the middle two for an even count)
 * @param totalMax  largest spot total
 * @param boxMin    per coordinate column, the minimum; empty without coordinates
 * @param boxMax    per coordinate column, the maximum
 */
record StoreStats(double density, double totalMin, double totalMed, double totalMax, double[] boxMin,
                  double[] boxMax) {

    /** A total or coordinate for people: integral values without a fraction, others to six digits. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    static StoreStats of(CountStore store) {
        long n = store.spots();
        double cells = (double) n * store.genes();
        double density = cells == 0 ? 0 : store.nnz() / cells;
        double[] totals = store.totals().toArray(Layouts.F64);
        Arrays.sort(totals);
        double min = n == 0 ? 0 : totals[0];
        double max = n == 0 ? 0 : totals[totals.length - 1];
        double med = n == 0 ? 0 : n % 2 == 1 ? totals[(int) (n / 2)]
                : (totals[(int) (n / 2) - 1] + totals[(int) (n / 2)]) / 2;
        double[] lo = new double[0];
        double[] hi = new double[0];
        if (store.coords().isPresent()) {
            CoordsView c = store.coords().get();
            lo = new double[c.dim()];
            hi = new double[c.dim()];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (long i = 0; i < c.n(); i++) {
                for (int d = 0; d < c.dim(); d++) {
                    lo[d] = Math.min(lo[d], c.get(i, d));
                    hi[d] = Math.max(hi[d], c.get(i, d));
                }
            }
        }
        return new StoreStats(density, min, med, max, lo, hi);
    }
}
