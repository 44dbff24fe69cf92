package org.flashdeconv.io.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.text.TextBuffer;

/**
 * A view over a string-table section: i64 offsets[count + 1] (byte offsets into the byte area, from 0,
 * non-decreasing) followed by the UTF-8 bytes. Owns nothing.
 *
 * @param count   number of strings
 * @param offsets i64[count + 1]
 * @param bytes   the UTF-8 byte area
 */
record StringTable(long count, MemorySegment offsets, MemorySegment bytes) {

    /**
     * Checks the section's shape (first and last offsets; all offsets when {@code full}) and wraps it.
     *
     * @throws StoreFormatException if the section is too short or an offset is out of order or out of bounds
     */
    static StringTable of(Path path, SectionEntry e, MemorySegment section, long expectedCount, boolean full)
            throws StoreFormatException {
        String name = e.kind().label();
        long ptrBytes = Math.multiplyExact(expectedCount + 1, (long) Long.BYTES);
        if (section.byteSize() < ptrBytes) {
            throw new StoreFormatException(path, name, e.offset(), "string table of " + expectedCount
                    + " strings needs at least " + ptrBytes + " bytes, found " + section.byteSize());
        }
        MemorySegment offsets = section.asSlice(0, ptrBytes);
        MemorySegment bytes = section.asSlice(ptrBytes);
        long first = offsets.getAtIndex(Layouts.I64, 0);
        long last = offsets.getAtIndex(Layouts.I64, expectedCount);
        if (first != 0 || last != bytes.byteSize()) {
            throw new StoreFormatException(path, name, e.offset(), "string offsets run from " + first + " to "
                    + last + ", expected 0 to " + bytes.byteSize());
        }
        if (full) {
            long prev = 0;
            for (long i = 1; i <= expectedCount; i++) {
                long o = offsets.getAtIndex(Layouts.I64, i);
                if (o < prev) {
                    throw new StoreFormatException(path, name, e.offset() + i * Long.BYTES, "string offset " + i
                            + " is " + o + ", below the previous " + prev);
                }
                prev = o;
            }
        }
        return new StringTable(expectedCount, offsets, bytes);
    }

    /**
     * String {@code i}.
     *
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, count)} or the table's offsets are
     *                                   corrupt there
     */
    String get(long i) {
        long start = start(i);
        byte[] b = bytes.asSlice(start, length(i, start)).toArray(ValueLayout.JAVA_BYTE);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Appends string {@code i} to {@code out} as a CSV field ({@link TextBuffer#appendUtf8Field}): what
     * {@code out.appendField(get(i))} appends, without decoding an ASCII string.
     *
     * @throws IndexOutOfBoundsException as {@link #get}
     */
    void appendField(long i, TextBuffer out) {
        long start = start(i);
        out.appendUtf8Field(bytes, start, length(i, start));
    }

    private long start(long i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("string " + i + " of " + count);
        }
        return offsets.getAtIndex(Layouts.I64, i);
    }

    private int length(long i, long start) {
        long end = offsets.getAtIndex(Layouts.I64, i + 1);
        if (start > end || end - start > Integer.MAX_VALUE || end > bytes.byteSize()) {
            throw new IndexOutOfBoundsException("corrupt string table: string " + i + " spans [" + start + ", "
                    + end + ")");
        }
        return (int) (end - start);
    }
}
