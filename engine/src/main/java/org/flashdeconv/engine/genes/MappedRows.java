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

    /**
     * Releases every page of a memory-mapped CSR (row pointers, column indices, values), for the end of a pass:
     * the row pointers are read by every block, so {@link #release(CsrView, long, long)} leaves them resident.
     */
    public static void releaseAll(CsrView y) {
        release(y.rowPtr());
        release(y.colIdx());
        release(y.values());
    }

    /** Releases the pages of {@code data} if it is memory-mapped (a file's pages); does nothing otherwise. */
    public static void release(MemorySegment data) {
        if (data.isMapped() && data.byteSize() > 0) {
            data.unload();
        }
    }
}
