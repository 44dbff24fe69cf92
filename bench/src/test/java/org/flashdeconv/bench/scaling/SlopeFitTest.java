package org.flashdeconv.bench.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlopeFitTest {

    @Test
    void exactPowerLawGivesItsExponent() {
        double[] x = {1e4, 1e5, 1e6, 1e7};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3e-5 * Math.pow(x[i], 1.07);
        }
        SlopeFit f = SlopeFit.fit(x, y);
        assertEquals(1.07, f.slope(), 1e-12);
        assertEquals(Math.log(3e-5), f.intercept(), 1e-9);
        assertEquals(1.0, f.r2(), 1e-12);
        assertEquals(3e-5 * Math.pow(2e6, 1.07), f.at(2e6), 1e-9 * f.at(2e6));
    }

    @Test
    void noisyPointsGiveTheLeastSquaresLine() {
        // log10 x = 0, 1, 2 and log10 y = 0, 1, 3: Sxx = 2, Sxy = 3, Syy = 14/3 (any log base)
        double[] x = {1, 10, 100};
        double[] y = {1, 10, 1000};
        SlopeFit f = SlopeFit.fit(x, y);
        assertEquals(1.5, f.slope(), 1e-12);
        assertEquals(9.0 / (2 * 14.0 / 3), f.r2(), 1e-12); // Sxy² / (Sxx·Syy) = 27/28
    }

    @Test
    void rejectsTooFewPointsNonPositiveValuesAndEqualX() {
        assertThrows(IllegalArgumentException.class, () -> SlopeFit.fit(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SlopeFit.fit(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SlopeFit.fit(new double[] {1, 2}, new double[] {0, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlopeFit.fit(new double[] {5, 5}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());
    }
}
