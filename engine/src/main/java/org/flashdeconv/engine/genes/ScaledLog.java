package org.flashdeconv.engine.genes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * log1p(v · scale) for the values of one spot after another, with the results for small positive integer counts
 * memoised per scale: counts repeat within a spot (most are 1, 2, 3...), and spots with the same library size share
 * their scale (hd8 libraries take a few hundred distinct values per block of spots), so most entries cost a table
 * look-up instead of a logarithm. The results are exactly those of {@code Math.log1p(v * scale)}. One instance per
 * worker; not thread-safe.
 */
public final class ScaledLog {

    /** Integer values below this are memoised (from 1: a zero, or a negative zero, is computed). */
    static final int SMALL = 64;
    /** Scales memoised at most; past it the memo starts again (about 0.5 MB). */
    static final int SCALES = 1024;

    private final Map<Long, double[]> rows = new HashMap<>();
    private double[] row;
    private double scale;

    /** Starts a new spot: sets the factor (and its row of memoised values). */
    public void reset(double scale) {
        this.scale = scale;
        row = rows.get(Double.doubleToRawLongBits(scale));
        if (row == null) {
            if (rows.size() >= SCALES) {
                rows.clear();
            }
            row = new double[SMALL];
            Arrays.fill(row, Double.NaN); // not computed yet: log1p of a finite v · scale is never NaN
            rows.put(Double.doubleToRawLongBits(scale), row);
        }
    }

    /** {@code Math.log1p(v * scale)} for the current scale; v must not be NaN. */
    public double of(double v) {
        int c = (int) v;
        if (c == v && c > 0 && c < SMALL) {
            double r = row[c];
            if (r != r) {
                r = Math.log1p(v * scale);
                row[c] = r;
            }
            return r;
        }
        return Math.log1p(v * scale);
    }
}
