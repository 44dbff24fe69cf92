package org.flashdeconv.io.simulate;

/**
 * Discrete draws the over-dispersed counts need, from a {@link SpotRandom}: Poisson (multiplication method below
 * a mean of 10, Hörmann's PTRS transformed rejection above) and the logarithmic (log-series) distribution (Kemp's
 * algorithm LK, as in numpy). A negative binomial with mean μ and dispersion φ is a Poisson number, of mean
 * (1/φ)·ln(1 + φμ), of log-series clumps with parameter φμ / (1 + φμ); {@link CountDrawer} uses that form.
 */
final class Draws {
    private static final double[] LOG_FACTORIAL = new double[16];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private Draws() {
    }

    /** A Poisson deviate of mean {@code mean} (>= 0). */
    static long poisson(SpotRandom rng, double mean) {
        if (mean < 10) {
            double limit = Math.exp(-mean);
            long k = 0;
            double product = rng.nextDouble();
            while (product > limit) {
                k++;
                product *= rng.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /** A log-series deviate (>= 1) with parameter {@code p} in (0, 1). */
    static int logSeries(SpotRandom rng, double p) {
        double r = Math.log1p(-p);
        while (true) {
            double v = rng.nextDouble();
            if (v >= p) {
                return 1;
            }
            double q = -Math.expm1(r * rng.nextDouble());
            if (v <= q * q) {
                double k = Math.floor(1 + Math.log(v) / Math.log(q));
                if (k < 1 || v == 0) {
                    continue;
                }
                return k > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) k;
            }
            return v >= q ? 1 : 2;
        }
    }

    /** ln(k!) (table below 16, Stirling's series above: error below 1e-12). */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double n = k + 1.0;
        double inv = 1.0 / n;
        double inv2 = inv * inv;
        return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }
}
