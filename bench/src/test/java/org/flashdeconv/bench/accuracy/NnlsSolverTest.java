package org.flashdeconv.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flashdeconv.engine.testing.NaiveQp;
import org.junit.jupiter.api.Test;

class NnlsSolverTest {

    @Test
    void reachesTheMinimumOfEverySupport() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rng.nextInt(7);
            int genes = k + rng.nextInt(20);
            double[][] x = new double[k][genes];
            for (double[] row : x) {
                for (int g = 0; g < genes; g++) {
                    row[g] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
                }
                row[rng.nextInt(genes)] += 0.5; // no all-zero row
            }
            double[][] gram = new double[k][k];
            double[] b = new double[k];
            double[] y = new double[genes];
            for (int g = 0; g < genes; g++) {
                y[g] = rng.nextDouble() * 3 - 0.5;
            }
            for (int i = 0; i < k; i++) {
                for (int g = 0; g < genes; g++) {
                    b[i] += x[i][g] * y[g];
                    for (int j = 0; j < k; j++) {
                        gram[i][j] += x[i][g] * x[j][g];
                    }
                }
            }
            double[] beta = new double[k];
            new NnlsSolver(gram).solve(b, beta);
            for (double v : beta) {
                assertTrue(v >= 0, "non-negative");
            }
            double expected = NaiveQp.value(gram, b, NaiveQp.nonNegativeMinimiser(gram, b));
            assertEquals(expected, NaiveQp.value(gram, b, beta), 1e-9 * (1 + Math.abs(expected)), "trial " + trial);
        }
    }

    @Test
    void aZeroRightHandSideGivesZero() {
        double[] beta = {1, 1};
        new NnlsSolver(new double[][] {{2, 1}, {1, 2}}).solve(new double[2], beta);
        assertEquals(0.0, beta[0], 0.0);
        assertEquals(0.0, beta[1], 0.0);
    }
}
