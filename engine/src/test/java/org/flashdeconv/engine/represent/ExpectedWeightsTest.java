package org.flashdeconv.engine.represent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpectedWeightsTest {

    private static final double[] LEV = {0.5, 0.3, 0.15, 0.05};

    @Test
    void matchesAppendixB() {
        assertClose(new double[] {0.7071067811688698, 0.5477225575006017, 0.38729833463365165,
            0.22360679779470033}, ExpectedWeights.compute(LEV, 1), 0);
        // the trapezoid sum may differ from the reference's order in the last digit
        assertClose(new double[] {0.8327194099491421, 0.7287401618099192, 0.5896049521592068, 0.4034788289038605},
                ExpectedWeights.compute(LEV, 2), 4e-16);
        assertClose(new double[] {0.8834456638582633, 0.8080443909142613, 0.6996615116627861, 0.5403426204117737},
                ExpectedWeights.compute(LEV, 3), 4e-16);
        double[] uniform = ExpectedWeights.compute(new double[] {1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0}, 4);
        for (double w : uniform) {
            assertEquals(0.7197401191864736, w, 4e-16 * w);
        }
    }

    @Test
    void nodesSpanTheNormativeInterval() {
        double[] u = ExpectedWeights.nodes();
        assertEquals(3000, u.length);
        assertEquals(Math.log(1e-7), u[0], 0);
        assertEquals(Math.log(1e5), u[2999], 0);
        assertEquals((Math.log(1e5) - Math.log(1e-7)) / 2999 * 1500 + Math.log(1e-7), u[1500], 0);
    }

    @Test
    void agreesWithTheDirectProductIntegrand() {
        Random rnd = new Random(3);
        for (int p : new int[] {1, 2, 7, 40}) {
            double[] lev = new double[p];
            for (int g = 0; g < p; g++) {
                lev[g] = rnd.nextDouble() * (rnd.nextInt(5) == 0 ? 1e-4 : 1);
            }
            for (int d : new int[] {2, 5, 512}) {
                assertClose(naive(lev, d), ExpectedWeights.compute(lev, d), 1e-12);
            }
        }
    }

    @Test
    void approximatesTheExactExpectationUpToTheTruncationBias() {
        double[] lev = {0.4, 0.1, 0.2, 0.05, 0.25};
        double[] a = Amplitudes.of(lev);
        for (int d : new int[] {2, 3, 8}) {
            double[] w = ExpectedWeights.compute(lev, d);
            for (int g = 0; g < a.length; g++) {
                double exact = exactExpectation(a, g, d);
                double bias = 2 * a[g] * Math.sqrt(1e-7 / Math.PI);
                assertEquals(exact - bias, w[g], 0.05 * bias + 1e-9, "gene " + g + " d " + d);
            }
        }
    }

    @Test
    void emptyAndInvalidInputs() {
        assertEquals(0, ExpectedWeights.compute(new double[0], 512).length);
        assertThrows(IllegalArgumentException.class, () -> ExpectedWeights.compute(LEV, 0));
    }

    @Test
    void amplitudesAreClippedToTheSpecInterval() {
        double[] a = Amplitudes.of(new double[] {1, 0, 1e-30, 1e-3});
        assertEquals(Math.sqrt(1 / (1.001 + 1e-10) * 4 + 1e-10), a[0], 1e-15);
        assertEquals(0.1, a[1], 0);
        assertEquals(0.1, a[2], 0);
        double[] big = new double[200];
        big[0] = 1;
        assertEquals(10.0, Amplitudes.of(big)[0], 0);
        assertEquals(0.1, Amplitudes.of(new double[] {0, 0})[0], 0);
    }

    /** Every node's product over the other genes taken directly, a p x 3000 table, trapezoid in u. */
    static double[] naive(double[] lev, int d) {
        double[] a = Amplitudes.of(lev);
        int p = a.length;
        double[] u = ExpectedWeights.nodes();
        double[][] f = new double[p][u.length];
        for (int m = 0; m < u.length; m++) {
            double t = Math.exp(u[m]);
            for (int g = 0; g < p; g++) {
                double prod = 1;
                for (int i = 0; i < p; i++) {
                    if (i != g) {
                        prod *= 1 - (1 - Math.exp(-t * a[i] * a[i])) / d;
                    }
                }
                f[g][m] = Math.sqrt(t) * Math.exp(-t * a[g] * a[g]) * prod;
            }
        }
        double[] w = new double[p];
        for (int g = 0; g < p; g++) {
            double integral = 0;
            for (int m = 0; m + 1 < u.length; m++) {
                integral += (u[m + 1] - u[m]) * (f[g][m] + f[g][m + 1]) / 2;
            }
            w[g] = a[g] * integral / Math.sqrt(Math.PI);
        }
        return w;
    }

    /** E[a_g / sqrt(a_g² + Σ_{i≠g} a_i² B_i)], B_i ~ Bernoulli(1/d), by enumerating every sharing pattern. */
    private static double exactExpectation(double[] a, int g, int d) {
        int p = a.length;
        double e = 0;
        for (int mask = 0; mask < (1 << p); mask++) {
            if ((mask & (1 << g)) != 0) {
                continue;
            }
            double prob = 1;
            double s = a[g] * a[g];
            for (int i = 0; i < p; i++) {
                if (i == g) {
                    continue;
                }
                boolean shares = (mask & (1 << i)) != 0;
                prob *= shares ? 1.0 / d : 1 - 1.0 / d;
                s += shares ? a[i] * a[i] : 0;
            }
            e += prob * a[g] / Math.sqrt(s);
        }
        return e;
    }

    static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.abs(expected[i]), "index " + i);
        }
    }
}
