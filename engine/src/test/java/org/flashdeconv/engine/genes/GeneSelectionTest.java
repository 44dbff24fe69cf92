package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GeneSelectionTest {

    private final double[][] y = HvgSelectorTest.randomCounts(new Random(51), 80, 60);
    private final GeneStats stats = HvgSelectorTest.stats(y);
    private final double[][] x = LeverageTest.random(new Random(52), 4, 60, 50);

    @Test
    void selectedIsTheSortedUnionWithItsLeverage() {
        GeneSelection sel = GeneSelection.select(stats, x, 10, 3);
        assertArrayEquals(HvgSelector.select(stats, 10), sel.hvg());
        assertArrayEquals(MarkerSelector.select(x, 3), sel.markers());
        int[] union = IntStream.concat(Arrays.stream(sel.hvg()), Arrays.stream(sel.markers())).distinct().sorted()
                .toArray();
        assertArrayEquals(union, sel.selected());
        assertEquals(union.length, sel.size());
        assertArrayEquals(Leverage.ridgeLeverage(x, union), sel.leverage());
        assertArrayEquals(MarkerSelector.select(x, 5), GeneSelection.select(stats, x, 0, 5).selected());
        assertArrayEquals(HvgSelector.select(stats, 7), GeneSelection.select(stats, x, 7, 0).selected());
    }

    @Test
    void emptySelectionIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneSelection.select(stats, x, 0, 0));
        assertEquals("no genes selected; increase n_hvg or n_markers_per_type", e.getMessage());
    }

    @Test
    void rejectsAMismatchedOrInvalidReference() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneSelection.select(stats, new double[][] {new double[59]}, 5, 5));
        assertTrue(e.getMessage().contains("gene dimension mismatch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeneSelection.select(stats, new double[0][], 5, 5));
        for (double bad : new double[] {-2, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
            copy[2][33] = bad;
            IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                    () -> GeneSelection.select(stats, copy, 5, 5));
            assertTrue(b.getMessage().contains("type 2 gene 33"), b.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new GeneSelection(new int[0], new int[0], new int[] {1}, new double[0]));
    }
}
