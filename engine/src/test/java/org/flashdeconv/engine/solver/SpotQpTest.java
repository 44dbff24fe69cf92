package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.flashdeconv.engine.testing.NaiveQp;
import org.junit.jupiter.api.Test;

class SpotQpTest {

    @Test
    void matchesTheBruteForceMinimiserFromColdAndArbitraryWarmGuesses() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + trial % 7;
            int r = k + rnd.nextInt(4);
            double shared = rnd.nextDouble() * 3;
            double[][] x = new double[k][r];
            for (int t = 0; t < k; t++) {
                for (int j = 0; j < r; j++) {
                    x[t][j] = rnd.nextDouble() + shared * (1 + Math.sin(j));
                }
            }
            double shift = trial % 3 == 0 ? 0 : rnd.nextDouble() * 0.5;
            double[] gram = new double[k * k];
            double[][] a = new double[k][k];
            double[] c = new double[k];
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    double s = 0;
                    for (int j = 0; j < r; j++) {
                        s += x[p][j] * x[q][j];
                    }
                    gram[p * k + q] = s;
                    a[p][q] = s + (p == q ? shift : 0);
                }
                c[p] = rnd.nextGaussian() * 5 + shared;
            }
            double[] want = NaiveQp.nonNegativeMinimiser(a, c);
            SpotQp qp = new SpotQp(k, gram);
            double[] cold = new double[k];
            assertTrue(qp.solve(c, shift, cold, false), "trial " + trial);
            double[] warm = new double[k];
            for (int j = 0; j < k; j++) {
                warm[j] = rnd.nextBoolean() ? rnd.nextDouble() : 0;
            }
            assertTrue(qp.solve(c, shift, warm, true), "trial " + trial);
            double tol = 1e-8 * (1 + java.util.Arrays.stream(want).map(Math::abs).max().orElse(0));
            assertArrayEquals(want, cold, tol, "trial " + trial + " cold");
            assertArrayEquals(want, warm, tol, "trial " + trial + " warm");
        }
    }

    @Test
    void typesWithANegligibleDiagonalStayAtZero() {
        double[] gram = {4, 0, 0, 0}; // type 1 has no expression
        SpotQp qp = new SpotQp(2, gram);
        double[] x = {1, 1};
        assertTrue(qp.solve(new double[] {8, 5}, 0, x, true));
        assertArrayEquals(new double[] {2, 0}, x, 1e-15);
    }

    @Test
    void aSingularPassiveBlockIsReportedAndLeavesTheStartUntouched() {
        double[] gram = {1, 1, 1, 1}; // two identical types, no smoothing
        SpotQp qp = new SpotQp(2, gram);
        double[] x = {0.5, 0.5};
        assertFalse(qp.solve(new double[] {1, 1}, 0, x, true));
        assertArrayEquals(new double[] {0.5, 0.5}, x, 0.0);
    }
}
