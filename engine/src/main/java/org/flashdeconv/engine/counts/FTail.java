package org.flashdeconv.engine.counts;

/** Upper tail of the F distribution by Paulson's normal approximation (accurate to a few per cent in p, enough for a
 * 1e-3 test). */
final class FTail {
    private FTail() {
    }

    /** P(F(d1, d2) ≥ f). */
    static double upper(double f, double d1, double d2) {
        double a = 2 / (9 * d1);
        double b = 2 / (9 * d2);
        double cube = Math.cbrt(f);
        double z = ((1 - b) * cube - (1 - a)) / Math.sqrt(a + cube * cube * b);
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** Complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
