package org.flashdeconv.io.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void poissonHasItsMeanAsMeanAndVariance() {
        SpotRandom rng = new SpotRandom(3);
        for (double mean : new double[]{0.5, 3, 9.9, 10, 57, 2500}) {
            int n = 40_000;
            double[] moments = moments(n, 0, () -> Draws.poisson(rng, mean));
            double m = moments[0];
            double v = moments[1];
            assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean at " + mean);
            assertEquals(mean, v, 0.05 * mean, "variance at " + mean);
        }
    }

    @Test
    void logSeriesHasItsMean() {
        SpotRandom rng = new SpotRandom(5);
        for (double p : new double[]{0.05, 0.5, 0.9, 0.99}) {
            int n = 100_000;
            double mean = moments(n, 1, () -> Draws.logSeries(rng, p))[0];
            double expected = p / ((1 - p) * -Math.log1p(-p));
            double sd = Math.sqrt(-p * (p + Math.log1p(-p)) / ((1 - p) * (1 - p) * Math.pow(Math.log1p(-p), 2)));
            assertEquals(expected, mean, 5 * sd / Math.sqrt(n), "mean at p " + p);
        }
    }

    @Test
    void logFactorialMatchesTheProduct() {
        double exact = 0;
        for (int k = 1; k <= 200; k++) {
            exact += Math.log(k);
            assertEquals(exact, Draws.logFactorial(k), 1e-10 * Math.max(1, exact), "k " + k);
        }
        assertEquals(0.0, Draws.logFactorial(0), 0.0);
    }

    /** The sample mean and variance of {@code n} draws, each checked to be at least {@code min}. */
    private static double[] moments(int n, long min, LongSupplier draw) {
        double s = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            long k = draw.getAsLong();
            assertTrue(k >= min);
            s += k;
            ss += (double) k * k;
        }
        double m = s / n;
        return new double[] {m, ss / n - m * m};
    }
}
