package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table logarithm against {@link Math#log}: its documented bound over the whole normal range, and the edges. */
class FastLogTest {

    @Test
    void withinTheBoundOfMathLogOverTheNormalRange() {
        Random rnd = new Random(21);
        for (double span : new double[] {1e-3, 1, 10, 40, 700}) {
            for (int i = 0; i < 200_000; i++) {
                double x = Math.exp((2 * rnd.nextDouble() - 1) * span);
                double exact = Math.log(x);
                assertEquals(exact, FastLog.log(x), 2.3e-16 + Math.ulp(exact), "x = " + x);
            }
        }
        for (int e = -1022; e <= 1023; e++) {
            double x = Math.scalb(1.0, e);
            assertEquals(Math.log(x), FastLog.log(x), 2.3e-16 + Math.ulp(Math.log(x)), "2^" + e);
            double below = Math.nextDown(Math.scalb(1.0, e + 1)); // every mantissa bit set: the last table cell
            assertEquals(Math.log(below), FastLog.log(below), 2.3e-16 + Math.ulp(Math.log(below)), "below 2^" + e);
        }
        assertTrue(Math.abs(FastLog.log(1)) <= 2.3e-16, "log 1 = " + FastLog.log(1));
    }

    @Test
    void edgeArgumentsAreMathLogs() {
        for (double x : new double[] {0, -0.0, -1, Double.MIN_VALUE, Double.MIN_NORMAL / 2, Double.POSITIVE_INFINITY,
                Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertEquals(Math.log(x), FastLog.log(x), 0.0, "x = " + x); // handed to Math.log
        }
        assertEquals(Math.log(Double.MAX_VALUE), FastLog.log(Double.MAX_VALUE), Math.ulp(Math.log(Double.MAX_VALUE)));
        assertEquals(Double.NEGATIVE_INFINITY, FastLog.log(0));
        assertTrue(Double.isNaN(FastLog.log(-2)));
    }
}
