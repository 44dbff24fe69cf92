package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.util.Random;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

/** The background sample's deviance from the solver's means against the textbook formula. */
class DevianceTest {
    @Test
    void theFitDevianceFromTheMeansIsThePoissonDeviance() {
        Random rnd = new Random(12);
        int genes = 300;
        double[][] counts = new double[3][genes];
        for (int g = 0; g < genes; g++) {
            counts[0][g] = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : 0; // small whole counts (the log table)
            counts[1][g] = rnd.nextInt(2) == 0 ? 1 + rnd.nextInt(3000) : 0; // above the table
            counts[2][g] = rnd.nextInt(2) == 0 ? 0.5 + rnd.nextInt(9) : 0; // fractional
        }
        int[] position = new int[genes];
        for (int g = 0; g < genes; g++) {
            position[g] = g;
        }
        try (Arena arena = Arena.ofConfined()) {
            CsrView y = TestMatrices.csr(counts, arena);
            ModelRow row = new ModelRow(y, position);
            for (int i = 0; i < counts.length; i++) {
                int n = row.load(y, i);
                double[] m = new double[n];
                double direct = 0;
                double fitted = 0;
                for (int j = 0; j < n; j++) {
                    m[j] = row.y[j] * Math.exp(0.3 * rnd.nextGaussian());
                    fitted += m[j] * (1 + rnd.nextDouble() * 0.2); // zeros add expected molecules too
                    direct += row.y[j] * Math.log(row.y[j] / m[j]);
                }
                direct = 2 * (direct - (row.total - fitted));
                assertEquals(direct, Deviance.ofFit(row, m, fitted), 1e-12 * Math.abs(direct), "spot " + i);
            }
        }
    }
}
