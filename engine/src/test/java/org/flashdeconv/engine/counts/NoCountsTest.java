package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class NoCountsTest {
    private static final double[][] DENSE = {
        {0, 0, 0, 0}, // nothing stored
        {0, 5, 0, 0}, // only a column the map leaves out
        {0, 0, 2, 0}, // a kept column
        {1, 0, 0, 3}, // a kept and a left-out column
        {0, 0, 0, 7}, // only a left-out column
    };

    private static byte[] flags(CsrView y, long[] flagged) {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(2)) {
            MemorySegment f = arena.allocate(ValueLayout.JAVA_BYTE, y.rows());
            flagged[0] = NoCounts.flag(y, f, ex);
            return f.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @Test
    void flagsTheSpotsWithoutANonZeroOnAModelGene() {
        try (Arena arena = Arena.ofConfined()) {
            CsrView all = TestMatrices.csr(DENSE, arena);
            long[] n = new long[1];
            assertEquals(java.util.Arrays.toString(new byte[] {1, 0, 0, 0, 0}),
                    java.util.Arrays.toString(flags(all, n)));
            assertEquals(1, n[0]);
            CsrView mapped = new CsrView(all.rows(), 2, all.rowPtr(), all.colIdx(), all.values(), all.valueType(),
                    ColumnMap.of(new int[] {0, -1, 1, -1}, 2));
            assertEquals(java.util.Arrays.toString(new byte[] {1, 1, 0, 0, 1}),
                    java.util.Arrays.toString(flags(mapped, n)));
            assertEquals(3, n[0]);
        }
    }

    @Test
    void refusesTooFewFlagBytes() {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            CsrView y = TestMatrices.csr(DENSE, arena);
            MemorySegment f = arena.allocate(ValueLayout.JAVA_BYTE, 4);
            assertThrows(IllegalArgumentException.class, () -> NoCounts.flag(y, f, ex));
        }
    }
}
