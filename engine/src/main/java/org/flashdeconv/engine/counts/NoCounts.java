package org.flashdeconv.engine.counts;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.flashdeconv.engine.genes.MappedRows;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The spots without counts (no stored non-zero value in a column the view keeps), for the count model, which does not
 * need the representation pass that flags them under FLASHDECONV (docs/algorithm.md §29.3). A spot's entries are read
 * only up to its first kept non-zero, so the pass touches about one entry per spot.
 */
public final class NoCounts {
    private static final int BLOCK = 16_384;

    private NoCounts() {
    }

    /**
     * Sets the byte of each spot without counts to 1 in {@code flags} (u8[N]); the others are left untouched.
     *
     * @return the number of spots flagged
     * @throws IllegalArgumentException if {@code flags} holds fewer than N bytes
     */
    public static long flag(CsrView y, MemorySegment flags, BlockExecutor ex) {
        long n = y.rows();
        if (flags.byteSize() < n) {
            throw new IllegalArgumentException("no-counts flags need " + n + " bytes, found " + flags.byteSize());
        }
        long[] flagged = new long[BlockExecutor.blockCount(n, BLOCK)];
        ColumnMap map = y.columnMap();
        boolean f32 = y.valueType() == ValueType.F32;
        ex.forEachBlock(n, BLOCK, (block, s, e) -> {
            for (long i = s; i < e; i++) {
                boolean any = false;
                for (long j = y.rowStart(i); !any && j < y.rowEnd(i); j++) {
                    double v = f32 ? y.values().getAtIndex(Layouts.F32, j) : y.values().getAtIndex(Layouts.F64, j);
                    any = v != 0 && (map == null || map.get(y.colIdx().getAtIndex(Layouts.I32, j)) >= 0);
                }
                if (!any) {
                    flags.set(ValueLayout.JAVA_BYTE, i, (byte) 1);
                    flagged[block]++;
                }
            }
            MappedRows.release(y, s, e); // one entry per spot still touches most pages of a mapped store
        });
        long total = 0;
        for (long c : flagged) {
            total += c;
        }
        return total;
    }
}
