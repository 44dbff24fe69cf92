package org.flashdeconv.bench.scaling;

/**
 * A least-squares line through (log N, log y): y ≈ e^intercept · N^slope. A slope of 1 is linear scaling.
 *
 * @param slope     the exponent
 * @param intercept the log of the factor
 * @param r2        coefficient of determination of the fit in log space (1 when all points lie on the line)
 */
record SlopeFit(double slope, double intercept, double r2) {

    /**
     * Fits {@code log y = intercept + slope · log x}.
     *
     * @throws IllegalArgumentException if the lengths differ, fewer than two points are given, a value is not
     *                                  positive and finite, or all x are equal
     */
    static SlopeFit fit(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a slope needs at least two (x, y) pairs of equal count, found "
                    + x.length + " x and " + y.length + " y");
        }
        int n = x.length;
        double[] lx = new double[n];
        double[] ly = new double[n];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0 && y[i] > 0) || Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
                throw new IllegalArgumentException("log-log fit needs positive finite values, found (" + x[i] + ", "
                        + y[i] + ")");
            }
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
            mx += lx[i];
            my += ly[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (lx[i] - mx) * (lx[i] - mx);
            sxy += (lx[i] - mx) * (ly[i] - my);
            syy += (ly[i] - my) * (ly[i] - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a slope needs at least two distinct x values");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new SlopeFit(slope, intercept, r2);
    }

    /** The fitted y at x. */
    double at(double x) {
        return Math.exp(intercept + slope * Math.log(x));
    }
}
