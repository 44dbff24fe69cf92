package org.flashdeconv.engine.genes;

/**
 * log1p(v · scale) for the values of one spot, with the results for small integer counts memoised: counts
 * repeat within a spot (most are 1, 2, 3...), so most entries cost a table look-up instead of a logarithm. The
 * results are exactly those of {@code Math.log1p(v * scale)}. One instance per worker; not thread-safe.
 */
public final class ScaledLog {

    /** Integer values below this are memoised. */
    private static final int SMALL = 64;

    private final double[] value = new double[SMALL];
    private final long[] stampOf = new long[SMALL];
    private long stamp;
    private double scale;

    /** Starts a new spot: forgets the memoised values and sets the factor. */
    public void reset(double scale) {
        this.scale = scale;
        stamp++;
    }

    /** {@code Math.log1p(v * scale)} for the current scale; v must not be NaN. */
    public double of(double v) {
        int c = (int) v;
        if (c == v && c >= 0 && c < SMALL) {
            if (stampOf[c] != stamp) {
                stampOf[c] = stamp;
                value[c] = Math.log1p(v * scale);
            }
            return value[c];
        }
        return Math.log1p(v * scale);
    }
}
