package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.junit.jupiter.api.Test;

/** A spot's model-gene non-zeros against a naive filter of its stored entries, with and without a column map. */
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
}
