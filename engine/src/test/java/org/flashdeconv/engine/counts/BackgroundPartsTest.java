package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flashdeconv.engine.Model;
import org.flashdeconv.engine.Units;
import org.junit.jupiter.api.Test;

/** The background's parts: the F tail, the restriction to what the known profiles cannot explain; option names. */
class BackgroundPartsTest {

    @Test
    void fTailMatchesTabulatedQuantiles() {
        // upper 5 % and 0.1 % points of F(5, 100) and F(50, 10000) from standard tables
        assertEquals(0.05, FTail.upper(2.305, 5, 100), 0.003);
        assertEquals(0.001, FTail.upper(4.48, 5, 100), 0.0003);
        assertEquals(0.05, FTail.upper(1.35, 50, 10_000), 0.003);
        assertEquals(1.0, FTail.upper(0, 5, 100), 1e-5);
        assertEquals(1.0 - 0.8427007929, FTail.erfc(1.0), 2e-7);
        assertEquals(1.0 + 0.8427007929, FTail.erfc(-1.0), 2e-7);
    }

    @Test
    void restrictionKeepsOnlyWhatNoMixOfKnownProfilesExplains() {
        double[][] x = {{4, 3, 2, 1, 0, 0}, {0, 1, 2, 3, 4, 0}};
        CountProfiles prof = CountProfiles.of(x, new int[] {0, 1, 2, 3, 4, 5}, 6);
        double[] r = new double[6];
        for (int j = 0; j < 6; j++) {
            r[j] = 30 * prof.rows()[j * 3] + 10 * prof.rows()[j * 3 + 1];
        }
        r[5] += 7; // a gene no known type expresses (beyond the floor)
        double[] b = Background.restrict(r, prof);
        assertTrue(b[5] > 0.95, "the unexplained gene dominates: " + b[5]);
        double sum = 0;
        for (double v : b) {
            assertTrue(v >= 0);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        double[] mixOnly = new double[6];
        for (int j = 0; j < 6; j++) {
            mixOnly[j] = 30 * prof.rows()[j * 3] + 10 * prof.rows()[j * 3 + 1];
        }
        assertNull(Background.restrict(mixOnly, prof), "a pure mix of known profiles leaves nothing");
    }

    @Test
    void modelAndUnitNamesParse() {
        assertEquals(Model.COUNTS, Model.parse("counts"));
        assertEquals(Model.FLASHDECONV, Model.parse("flashdeconv"));
        assertEquals(Units.CELLS, Units.parse("cells"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Model.parse("poisson"));
        assertEquals("model must be one of flashdeconv, counts, found 'poisson'", e.getMessage());
    }
}
