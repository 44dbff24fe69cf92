package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void reconstructsRandomSymmetricMatricesWithOrthonormalVectors() {
        Random rnd = new Random(41);
        for (int n : new int[] {1, 2, 3, 5, 10, 40}) {
            for (int rankDeficit = 0; rankDeficit <= Math.min(2, n - 1); rankDeficit++) {
                // A = B·Bᵀ with B n x (n - deficit): symmetric, positive semi-definite, rank-deficient
                double[][] b = new double[n][n - rankDeficit];
                for (double[] row : b) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = rnd.nextGaussian() * 100;
                    }
                }
                double[][] a = new double[n][n];
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        for (int t = 0; t < b[0].length; t++) {
                            a[i][j] += b[i][t] * b[j][t];
                        }
                        norm = Math.max(norm, Math.abs(a[i][j]));
                    }
                }
                check(a, SymmetricEigen.of(a), norm);
            }
        }
    }

    @Test
    void knownSpectra() {
        SymmetricEigen diag = SymmetricEigen.of(new double[][] {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}});
        assertArrayEquals(new double[] {3, -1, 2}, diag.values());
        SymmetricEigen two = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        double[] values = two.values().clone();
        Arrays.sort(values);
        assertArrayEquals(new double[] {1, 3}, values, 1e-15);
        SymmetricEigen zero = SymmetricEigen.of(new double[][] {{0, 0}, {0, 0}});
        assertArrayEquals(new double[] {0, 0}, zero.values());
        assertEquals(0, SymmetricEigen.of(new double[0][0]).values().length);
    }

    @Test
    void rejectsNonSquareAndNonFinite() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, Double.NaN}, {0, 1}}));
    }

    private static void check(double[][] a, SymmetricEigen e, double norm) {
        int n = a.length;
        double[][] v = e.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double rebuilt = 0;
                for (int t = 0; t < n; t++) {
                    dot += v[t][i] * v[t][j];
                    rebuilt += v[i][t] * e.values()[t] * v[j][t];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-13, "orthonormality " + i + "," + j);
                assertEquals(a[i][j], rebuilt, 1e-13 * norm * n, "reconstruction " + i + "," + j);
            }
        }
    }
}
