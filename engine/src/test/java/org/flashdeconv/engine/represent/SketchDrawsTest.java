package org.flashdeconv.engine.represent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SketchDrawsTest {

    @Test
    void drawsBucketsThenSignsAsInAppendixA() {
        SketchDraws s = SketchDraws.draw(new double[10], 512, 0);
        assertArrayEquals(new int[] {172, 47, 117, 192, 323, 251, 195, 359, 9, 211}, s.bucket());
        assertArrayEquals(new int[] {1, -1, -1, 1, -1, -1, -1, -1, -1, 1}, s.sign());
        SketchDraws t = SketchDraws.draw(new double[8], 100, 42);
        assertArrayEquals(new int[] {51, 92, 14, 71, 60, 20, 82, 86}, t.bucket());
        assertArrayEquals(new int[] {-1, -1, 1, -1, 1, 1, 1, -1}, t.sign());
    }

    @Test
    void omegaValuesMatchAppendixB() {
        SketchDraws s = SketchDraws.draw(new double[] {0.5, 0.3, 0.15, 0.05}, 3, 0);
        assertArrayEquals(new int[] {0, 1, 0, 1}, s.bucket());
        assertArrayEquals(new double[] {1.0127393670700335, 1.0690449676178806, -0.5547001962501195,
            -0.4364357805499197}, s.value());
        assertEquals(3, s.dim());
    }

    @Test
    void everyNonEmptyColumnHasNormSqrtPOverD() {
        Random rnd = new Random(61);
        for (int p : new int[] {1, 5, 100}) {
            double[] lev = new double[p];
            for (int g = 0; g < p; g++) {
                lev[g] = rnd.nextDouble();
            }
            for (int d : new int[] {1, 2, 7, 300}) {
                SketchDraws s = SketchDraws.draw(lev, d, 12345);
                double[] sq = new double[d];
                double[] a = Amplitudes.of(lev);
                for (int g = 0; g < p; g++) {
                    assertTrue(s.bucket()[g] >= 0 && s.bucket()[g] < d);
                    assertEquals(s.sign()[g], Math.signum(s.value()[g]), 0);
                    sq[s.bucket()[g]] += s.value()[g] * s.value()[g];
                }
                double[] bucketNorm = new double[d];
                for (int g = 0; g < p; g++) {
                    bucketNorm[s.bucket()[g]] += a[g] * a[g];
                }
                for (int j = 0; j < d; j++) {
                    assertEquals(bucketNorm[j] == 0 ? 0 : (double) p / d, sq[j], 1e-12 * p / d, "bucket " + j);
                }
            }
        }
    }

    @Test
    void theSeedIsTheOnlySourceOfRandomness() {
        double[] lev = {0.2, 0.2, 0.3, 0.1, 0.2};
        SketchDraws a = SketchDraws.draw(lev, 4, 99);
        SketchDraws b = SketchDraws.draw(lev, 4, 99);
        assertArrayEquals(a.bucket(), b.bucket());
        assertArrayEquals(a.value(), b.value());
        SketchDraws one = SketchDraws.draw(lev, 1, 7);
        assertArrayEquals(new int[5], one.bucket());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> SketchDraws.draw(new double[2], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SketchDraws.draw(new double[2], 4, -1));
        assertThrows(IllegalArgumentException.class, () -> SketchDraws.draw(new double[2], 4, 1L << 32));
        assertThrows(IllegalArgumentException.class,
                () -> new SketchDraws(2, new int[] {2}, new int[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new SketchDraws(2, new int[] {1}, new int[0], new double[] {1}));
    }
}
