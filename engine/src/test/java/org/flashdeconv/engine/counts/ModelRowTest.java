package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

/** A spot's model non-zeros, and whether it has counts at all (the no-counts flag of the count model's sweep 1). */
class ModelRowTest {
    private static final double[][] DENSE = {
        {0, 0, 0, 0}, // nothing stored
        {0, 5, 0, 0}, // only a column the map leaves out
        {0, 0, 2, 0}, // a kept column
        {1, 0, 0, 3}, // a kept and a left-out column
        {0, 0, 0, 7}, // only a left-out column
    };

    /** Per spot: non-zeros on the model genes, then 1 if the spot has a non-zero in a kept column. */
    private static int[][] read(CsrView y, int[] position) {
        ModelRow row = new ModelRow(y, position);
        int[][] out = new int[2][Math.toIntExact(y.rows())];
        for (int i = 0; i < y.rows(); i++) {
            out[0][i] = row.load(y, i);
            out[1][i] = row.anyKeptCount() ? 1 : 0;
        }
        return out;
    }

    @Test
    void aSpotHasCountsWhenAKeptColumnIsNonZeroEvenOffTheModelGenes() {
        try (Arena arena = Arena.ofConfined()) {
            CsrView all = TestMatrices.csr(DENSE, arena);
            // model genes: column 2 only (of 4 kept)
            int[][] r = read(all, new int[] {-1, -1, 0, -1});
            assertArrayEquals(new int[] {0, 0, 1, 0, 0}, r[0]);
            assertArrayEquals(new int[] {0, 1, 1, 1, 1}, r[1]);
            CsrView mapped = new CsrView(all.rows(), 2, all.rowPtr(), all.colIdx(), all.values(), all.valueType(),
                    ColumnMap.of(new int[] {0, -1, 1, -1}, 2));
            // kept: stored columns 0 and 2 (model columns 0, 1); model genes: model column 0 only
            r = read(mapped, new int[] {0, -1});
            assertArrayEquals(new int[] {0, 0, 0, 1, 0}, r[0]);
            assertArrayEquals(new int[] {0, 0, 1, 1, 0}, r[1]);
        }
    }

    @Test
    void loadsTheModelValuesAndTheirTotal() {
        try (Arena arena = Arena.ofConfined()) {
            CsrView all = TestMatrices.csr(DENSE, arena);
            ModelRow row = new ModelRow(all, new int[] {1, -1, -1, 0});
            assertEquals(2, row.load(all, 3));
            assertEquals(4, row.total);
            assertEquals(1, row.pos[0]);
            assertEquals(1, row.y[0]);
            assertEquals(0, row.pos[1]);
            assertEquals(3, row.y[1]);
        }
    }
}
