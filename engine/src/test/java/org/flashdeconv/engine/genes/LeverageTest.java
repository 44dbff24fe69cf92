package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.flashdeconv.engine.testing.NaiveQp;
import org.junit.jupiter.api.Test;

class LeverageTest {

    @Test
    void matchesTheNaiveRidgeSolve() {
        Random rnd = new Random(31);
        for (int types : new int[] {2, 3, 5, 12}) {
            for (int p : new int[] {1, 2, 7, 150}) {
                int genes = p + 3;
                double[][] x = random(rnd, types, genes, 5);
                int[] sel = new int[p];
                for (int j = 0; j < p; j++) {
                    sel[j] = j + 2;
                }
                double[] expected = naive(x, sel);
                double[] actual = Leverage.ridgeLeverage(x, sel);
                for (int j = 0; j < p; j++) {
                    assertEquals(expected[j], actual[j], 1e-9 * Math.abs(expected[j]) + 1e-15,
                            types + " types, p " + p + ", gene " + j);
                }
            }
        }
    }

    @Test
    void countScaleLeverageSumsToAboutOneAndIgnoresPerGeneShifts() {
        double[][] x = random(new Random(32), 6, 400, 1000);
        int[] all = HvgSelector.identity(400);
        double[] lev = Leverage.ridgeLeverage(x, all);
        double sum = 0;
        for (double l : lev) {
            assertTrue(l >= 0);
            sum += l;
        }
        // Σ raw ≈ K - 1 = 5 for count-scale signatures, so Σ lev = 5 / (5 + 1e-6)
        assertEquals(5 / (5 + 1e-6), sum, 1e-12);
        double[][] shifted = new double[6][400];
        for (int k = 0; k < 6; k++) {
            for (int g = 0; g < 400; g++) {
                shifted[k][g] = x[k][g] + 17 * g; // the same shift for every type of a gene
            }
        }
        double[] again = Leverage.ridgeLeverage(shifted, all);
        for (int g = 0; g < 400; g++) {
            assertEquals(lev[g], again[g], 1e-9 * lev[g] + 1e-15);
        }
    }

    @Test
    void oneTypeGivesZeroLeverage() {
        double[] lev = Leverage.ridgeLeverage(new double[][] {{3, 1, 4, 1, 5}}, new int[] {0, 2, 4});
        assertEquals(3, lev.length);
        for (double l : lev) {
            assertEquals(0.0, l, 0);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Leverage.ridgeLeverage(new double[0][], new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> Leverage.ridgeLeverage(new double[][] {{1, 2}, {3, 4}}, new int[] {2}));
    }

    static double[][] random(Random rnd, int types, int genes, double scale) {
        double[][] x = new double[types][genes];
        for (double[] row : x) {
            for (int g = 0; g < genes; g++) {
                row[g] = rnd.nextDouble() * scale;
            }
        }
        return x;
    }

    /** raw_g = x_gᵀ (Xc·Xcᵀ + 1e-6 I)⁻¹ x_g by Gaussian elimination (partial pivoting); lev = raw / (Σ + 1e-6). */
    static double[] naive(double[][] x, int[] sel) {
        int k = x.length;
        int p = sel.length;
        double[][] xc = new double[k][p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[sel[j]] / k;
            }
            for (int t = 0; t < k; t++) {
                xc[t][j] = x[t][sel[j]] - mean;
            }
        }
        double[][] a = new double[k][k];
        for (int s = 0; s < k; s++) {
            for (int t = 0; t < k; t++) {
                for (int j = 0; j < p; j++) {
                    a[s][t] += xc[s][j] * xc[t][j];
                }
            }
            a[s][s] += 1e-6;
        }
        double[] raw = new double[p];
        double total = 0;
        for (int j = 0; j < p; j++) {
            double[] b = new double[k];
            for (int t = 0; t < k; t++) {
                b[t] = xc[t][j];
            }
            double[] sol = NaiveQp.solve(a, b);
            for (int t = 0; t < k; t++) {
                raw[j] += xc[t][j] * sol[t];
            }
            total += raw[j];
        }
        for (int j = 0; j < p; j++) {
            raw[j] /= total + 1e-6;
        }
        return raw;
    }
}
