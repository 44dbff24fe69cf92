package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-spot kernels against naive loops: the gather exactly, the dot products to their documented bits. */
class SpotKernelsTest {
    private static final int[] SIZES = {0, 1, 3, 4, 5, 7, 8, 9, 63, 64, 65, 159};

    @Test
    void gatherCopiesEveryComponentOfEveryRowForAllWidths() {
        Random rnd = new Random(11);
        for (int stride = 1; stride <= SpotKernels.MAX_UNROLLED + 2; stride++) {
            int genes = 40;
            double[] profiles = new double[genes * stride];
            for (int i = 0; i < profiles.length; i++) {
                profiles[i] = rnd.nextDouble();
            }
            for (int comps = 1; comps <= stride; comps++) {
                for (int nnz : new int[] {0, 1, 7, 33}) {
                    int[] pos = new int[nnz];
                    for (int j = 0; j < nnz; j++) {
                        pos[j] = rnd.nextInt(genes);
                    }
                    double[] q = new double[nnz * stride + 5];
                    java.util.Arrays.fill(q, -1);
                    SpotKernels.gather(profiles, stride, pos, nnz, comps, q);
                    for (int k = 0; k < comps; k++) {
                        for (int j = 0; j < nnz; j++) {
                            assertEquals(profiles[pos[j] * stride + k], q[k * nnz + j],
                                    "stride " + stride + " comps " + comps + " k " + k + " j " + j);
                        }
                    }
                    for (int i = comps * nnz; i < q.length; i++) {
                        assertEquals(-1, q[i], "written past the " + comps + " components at " + i);
                    }
                }
            }
        }
    }

    @Test
    void dotProductsAgreeWithTheNaiveSumAndWithEachOtherBitForBit() {
        Random rnd = new Random(12);
        for (int n : SIZES) {
            double[] a = new double[n];
            double[] b = new double[4 * n + 3];
            for (int j = 0; j < n; j++) {
                a[j] = rnd.nextDouble() - 0.3;
            }
            for (int j = 0; j < b.length; j++) {
                b[j] = rnd.nextDouble();
            }
            int[] o = {3, n + 3, 2 * n + 3, 3 * n + 3};
            double[] four = new double[5];
            SpotKernels.dots4(a, b, o[0], o[1], o[2], o[3], n, four, 1);
            double[] two = new double[2];
            SpotKernels.dots2(a, b, o[2], o[0], n, two);
            for (int t = 0; t < 4; t++) {
                double naive = 0;
                for (int j = 0; j < n; j++) {
                    naive += a[j] * b[o[t] + j];
                }
                double dot = SpotKernels.dot(a, b, o[t], n);
                assertEquals(naive, dot, 1e-12 * (1 + n), "n " + n);
                assertEquals(dot, four[t + 1], 0.0, "dots4 must have the bits of dot, n " + n);
            }
            assertEquals(SpotKernels.dot(a, b, o[2], n), two[0], 0.0, "dots2 first, n " + n);
            assertEquals(SpotKernels.dot(a, b, o[0], n), two[1], 0.0, "dots2 second, n " + n);
        }
    }
}
