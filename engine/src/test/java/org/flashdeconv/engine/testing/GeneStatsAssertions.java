package org.flashdeconv.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flashdeconv.engine.genes.GeneStats;

/** Compares two {@link GeneStats}, for tests. */
public final class GeneStatsAssertions {
    private GeneStatsAssertions() {
    }

    /**
     * Asserts that {@code actual} holds the statistics of {@code expected}: the same shape, spots without counts and
     * raw sums exactly, the log sums to {@code logTolerance} relative (0: exactly).
     */
    public static void assertSameStats(GeneStats expected, GeneStats actual, double logTolerance) {
        assertEquals(expected.spots(), actual.spots(), "spots");
        assertEquals(expected.genes(), actual.genes(), "genes");
        assertEquals(expected.zeroCountSpots(), actual.zeroCountSpots(), "spots without counts");
        assertArrayEquals(expected.sumRaw(), actual.sumRaw(), "sum raw");
        for (int g = 0; g < expected.genes(); g++) {
            assertEquals(expected.sumLog()[g], actual.sumLog()[g], logTolerance * Math.abs(expected.sumLog()[g]),
                    "sum log, gene " + g);
            assertEquals(expected.sumLogSq()[g], actual.sumLogSq()[g],
                    logTolerance * Math.abs(expected.sumLogSq()[g]), "sum log², gene " + g);
        }
    }
}
