package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScaledLogTest {

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + ", found " + actual);
    }

    @Test
    void givesTheBitsOfLog1pForRepeatedAndNewScales() {
        SplittableRandom rnd = new SplittableRandom(13);
        ScaledLog log = new ScaledLog();
        // more distinct scales than the memo keeps, each coming back several times
        int libraries = ScaledLog.SCALES + 300;
        for (int spot = 0; spot < 20_000; spot++) {
            double scale = 1e4 / (1 + rnd.nextInt(libraries));
            log.reset(scale);
            for (int e = 0; e < 40; e++) {
                double v = switch (rnd.nextInt(6)) {
                    case 0 -> rnd.nextInt(4) + 1;                 // the common small counts
                    case 1 -> rnd.nextInt(ScaledLog.SMALL + 8);   // across the memo's end, zero included
                    case 2 -> rnd.nextDouble() * 10;              // normalised data
                    case 3 -> 1e6 + rnd.nextInt(10);              // large counts
                    case 4 -> -0.0;                               // a stored negative zero keeps its sign
                    default -> 0.0;
                };
                assertBits(Math.log1p(v * scale), log.of(v), "spot " + spot + ", v = " + v);
            }
        }
    }

    @Test
    void aNegativeZeroAfterAPositiveOneKeepsItsSign() {
        ScaledLog log = new ScaledLog();
        log.reset(2.5);
        assertBits(0.0, log.of(0.0), "+0");
        assertBits(-0.0, log.of(-0.0), "-0");
        log.reset(2.5);
        assertBits(-0.0, log.of(-0.0), "-0 again");
        assertBits(Math.log1p(2.5), log.of(1), "1");
    }

    @Test
    void aNonFiniteScaleIsComputedEachTime() {
        ScaledLog log = new ScaledLog();
        log.reset(Double.NaN);
        assertBits(Math.log1p(1 * Double.NaN), log.of(1), "NaN scale");
        assertBits(Math.log1p(1 * Double.NaN), log.of(1), "NaN scale again");
        log.reset(Double.POSITIVE_INFINITY);
        assertBits(Double.POSITIVE_INFINITY, log.of(2), "infinite scale");
        assertBits(Double.POSITIVE_INFINITY, log.of(2), "infinite scale again");
    }
}
