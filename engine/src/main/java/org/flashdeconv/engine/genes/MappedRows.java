package org.flashdeconv.engine.genes;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.CsrView;

/**
 * Releases the pages of a memory-mapped CSR that a streaming pass has finished with, so that the resident set
 * stays at a window of the file instead of growing to all of it. The pages stay in the operating system's file
 * cache: the next pass faults them back in cheaply. Does nothing for counts that are not memory-mapped.
 */
public final class MappedRows {

    private MappedRows() {
    }

    /**
     * Releases the column indices and values of rows {@code [fromRow, toRow)} ({@link MemorySegment#unload}). The
     * range is rounded to whole pages by the operating system; a neighbouring block that still reads a shared
     * page simply faults it back.
     */
    public static void release(CsrView y, long fromRow, long toRow) {
        if (fromRow >= toRow || !y.colIdx().isMapped()) {
            return;
        }
        long first = y.rowStart(fromRow);
        long entries = y.rowEnd(toRow - 1) - first;
        if (entries <= 0) {
            return;
        }
        long width = y.valueType().bytes();
        y.colIdx().asSlice(first * Integer.BYTES, entries * Integer.BYTES).unload();
        if (y.values().isMapped()) {
            y.values().asSlice(first * width, entries * width).unload();
        }
    }
}
