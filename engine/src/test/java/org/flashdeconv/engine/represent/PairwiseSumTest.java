package org.flashdeconv.engine.represent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairwiseSumTest {

    @Test
    void streamingLanesEqualTheArrayFormBitForBit() {
        Random rnd = new Random(71);
        for (int n : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1023, 2999}) {
            int lanes = 3;
            double[][] terms = new double[lanes][n];
            for (double[] lane : terms) {
                for (int i = 0; i < n; i++) {
                    lane[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 6);
                }
            }
            PairwiseSum s = new PairwiseSum(n, lanes);
            double[] column = new double[lanes];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < lanes; l++) {
                    column[l] = terms[l][i];
                }
                s.add(i, column);
            }
            double[] expected = new double[lanes];
            for (int l = 0; l < lanes; l++) {
                expected[l] = PairwiseSum.sum(terms[l], 0, n);
            }
            assertArrayEquals(expected, s.result(), "n " + n);
        }
    }

    @Test
    void followsNumpysBlockStructure() {
        // below 8 terms: left to right
        double[] a = {1e16, 1, 1, -1e16};
        assertEquals(((1e16 + 1) + 1) - 1e16, PairwiseSum.sum(a, 0, 4), 0);
        // 8..128 terms: eight interleaved lanes combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the tail
        double[] b = new double[11];
        for (int i = 0; i < b.length; i++) {
            b[i] = 1.0 / (i + 1);
        }
        double[] r = new double[8];
        for (int i = 0; i < 8; i++) {
            r[i] = b[i];
        }
        double expected = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        expected += b[8];
        expected += b[9];
        expected += b[10];
        assertEquals(expected, PairwiseSum.sum(b, 0, 11), 0);
        // over 128 terms: halves split at a multiple of 8
        double[] c = new double[300];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.sin(i) * 1e3;
        }
        assertEquals(PairwiseSum.sum(c, 0, 144) + PairwiseSum.sum(c, 144, 156), PairwiseSum.sum(c, 0, 300), 0);
    }

    @Test
    void isAccurate() {
        Random rnd = new Random(72);
        double[] x = new double[2999];
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
            exact = exact.add(new BigDecimal(x[i]));
        }
        assertEquals(exact.doubleValue(), PairwiseSum.sum(x, 0, x.length), 4 * Math.ulp(exact.doubleValue()));
    }
}
