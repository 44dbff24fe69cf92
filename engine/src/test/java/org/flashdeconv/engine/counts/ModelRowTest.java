package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

/**
 * A spot's model-gene non-zeros against a naive filter of its stored entries, with and without a column map; whether it
 * has counts at all (the no-counts flag of the count model's sweep 1).
 */
class ModelRowTest {

    @Test
    void keepsExactlyThePositiveCountsOfModelGenesInStoredOrder() {
        Random rnd = new Random(31);
        int rows = 60;
        int stored = 50;
        long[] rowPtr = new long[rows + 1];
        int[] cols = new int[rows * stored];
        float[] values = new float[cols.length];
        int e = 0;
        for (int r = 0; r < rows; r++) {
            int len = r % 7 == 0 ? 0 : rnd.nextInt(stored);
            int[] perm = rnd.ints(0, stored).distinct().limit(len).sorted().toArray();
            for (int c : perm) {
                cols[e] = c;
                values[e++] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(30) + rnd.nextInt(2) * 0.5f; // explicit zeros
            }
            rowPtr[r + 1] = e;
        }
        int[] position = new int[stored]; // model gene -> profile row, -1 outside the model
        for (int g = 0; g < stored; g++) {
            position[g] = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(100);
        }
        int[] map = new int[stored]; // stored column -> model column (a reversed subset)
        for (int c = 0; c < stored; c++) {
            map[c] = c % 5 == 0 ? -1 : stored - 1 - c;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ptr = arena.allocate((long) Long.BYTES * (rows + 1));
            MemorySegment idx = arena.allocate((long) Integer.BYTES * Math.max(1, e));
            MemorySegment val = arena.allocate((long) Float.BYTES * Math.max(1, e));
            for (int r = 0; r <= rows; r++) {
                ptr.setAtIndex(Layouts.I64, r, rowPtr[r]);
            }
            for (int j = 0; j < e; j++) {
                idx.setAtIndex(Layouts.I32, j, cols[j]);
                val.setAtIndex(Layouts.F32, j, values[j]);
            }
            CsrView plain = new CsrView(rows, stored, ptr, idx, val, ValueType.F32);
            CsrView mapped = plain.withColumnMap(map, stored);
            for (CsrView view : new CsrView[] {plain, mapped}) {
                ModelRow row = new ModelRow(view, position);
                for (int r = 0; r < rows; r++) {
                    int[] wantPos = new int[stored];
                    double[] wantY = new double[stored];
                    int n = 0;
                    double total = 0;
                    for (long j = rowPtr[r]; j < rowPtr[r + 1]; j++) {
                        int model = view.columnMap() == null ? cols[(int) j] : map[cols[(int) j]];
                        int p = model < 0 ? -1 : position[model];
                        if (p >= 0 && values[(int) j] > 0) {
                            wantPos[n] = p;
                            wantY[n++] = values[(int) j];
                            total += values[(int) j];
                        }
                    }
                    assertEquals(n, row.load(view, r), "row " + r);
                    assertEquals(n, row.nnz);
                    assertArrayEquals(Arrays.copyOf(wantPos, n), Arrays.copyOf(row.pos, n), "row " + r);
                    assertArrayEquals(Arrays.copyOf(wantY, n), Arrays.copyOf(row.y, n), 0.0, "row " + r);
                    assertEquals(total, row.total, 0.0, "the total in stored order, row " + r);
                }
            }
        }
    }

    @Test
    void aSpotHasCountsWhenAKeptColumnIsNonZeroEvenOffTheModelGenes() {
        double[][] dense = {
            {0, 0, 0, 0}, // nothing stored
            {0, 5, 0, 0}, // only a column the map leaves out
            {0, 0, 2, 0}, // a kept column
            {1, 0, 0, 3}, // a kept and a left-out column
            {0, 0, 0, 7}, // only a left-out column
        };
        try (Arena arena = Arena.ofConfined()) {
            CsrView all = TestMatrices.csr(dense, arena);
            // model genes: column 2 only (of 4 kept)
            int[][] r = flags(all, new int[] {-1, -1, 0, -1});
            assertArrayEquals(new int[] {0, 0, 1, 0, 0}, r[0]);
            assertArrayEquals(new int[] {0, 1, 1, 1, 1}, r[1]);
            CsrView mapped = new CsrView(all.rows(), 2, all.rowPtr(), all.colIdx(), all.values(), all.valueType(),
                    ColumnMap.of(new int[] {0, -1, 1, -1}, 2));
            // kept: stored columns 0 and 2 (model columns 0, 1); model genes: model column 0 only
            r = flags(mapped, new int[] {0, -1});
            assertArrayEquals(new int[] {0, 0, 0, 1, 0}, r[0]);
            assertArrayEquals(new int[] {0, 0, 1, 1, 0}, r[1]);
        }
    }

    /** Per spot: non-zeros on the model genes, then 1 if the spot has a non-zero in a kept column. */
    private static int[][] flags(CsrView y, int[] position) {
        ModelRow row = new ModelRow(y, position);
        int[][] out = new int[2][Math.toIntExact(y.rows())];
        for (int i = 0; i < y.rows(); i++) {
            out[0][i] = row.load(y, i);
            out[1][i] = row.anyKeptCount() ? 1 : 0;
        }
        return out;
    }
}
