package org.flashdeconv.engine.counts;

/**
 * The natural logarithm by a table over the mantissa's top 7 bits and a degree-6 series: log x = e·ln 2 + log c_i +
 * log1p(x/2^e/c_i − 1), |x/2^e/c_i − 1| < 1/256, within about 2.3·10⁻¹⁶ + 1 ulp of {@link Math#log} (the series'
 * remainder is below 2·10⁻¹⁸, ln 2 is split so that e·ln 2 loses nothing; the rest is rounding). Pure Java, the same bits on every machine; about twice
 * the throughput of {@link Math#log} on the quality deviances' one logarithm per non-zero (bench/README.md, count
 * model cost). Zero, negative, subnormal, infinite and NaN arguments go to {@link Math#log}.
 */
final class FastLog {
    private static final int BITS = 7;
    private static final int SIZE = 1 << BITS;
    private static final double[] INVERSE = new double[SIZE];
    private static final double[] LOG_CENTRE = new double[SIZE];
    /** ln 2 in two parts (fdlibm's): e·LN2_HI is exact for any exponent e. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    private static final long ONE = 0x3FF0000000000000L;

    static {
        for (int i = 0; i < SIZE; i++) {
            double centre = 1 + (i + 0.5) / SIZE;
            INVERSE[i] = 1 / centre;
            LOG_CENTRE[i] = Math.log(centre);
        }
    }

    private FastLog() {
    }

    /** log x, within about 2.3·10⁻¹⁶ + 1 ulp of {@link Math#log}(x) for positive normal x; Math.log otherwise. */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) - 1023; // the sign bit makes negative x land above 1023
        if (e <= -1023 || e >= 1024) {
            return Math.log(x);
        }
        int i = (int) (bits >>> (52 - BITS)) & (SIZE - 1);
        double r = Math.fma(Double.longBitsToDouble((bits & MANTISSA) | ONE), INVERSE[i], -1);
        double series = r * (1 + r * (-0.5 + r * (1.0 / 3 + r * (-0.25 + r * (0.2 + r * (-1.0 / 6))))));
        return e * LN2_HI + ((LOG_CENTRE[i] + series) + e * LN2_LO);
    }
}
