package org.flashdeconv.io.text;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that text output is formatted into: UTF-8 text, RFC 4180 fields (quoted as
 * {@link CsvWriter} quotes them) and numbers in the form of {@link DecimalText#append}, byte for byte what those
 * give through a {@code StringBuilder} and {@code getBytes(UTF_8)}, without the String and its copies.
 *
 * <p>Not thread-safe: one buffer per thread. The array is the buffer's own; {@link #bytes()} is valid until the
 * next append.
 */
public final class TextBuffer {
    private static final int MAX_LONG_DIGITS = 20;

    private byte[] bytes;
    private int size;
    private final StringBuilder scratch = new StringBuilder(32);

    /**
     * Creates an empty buffer.
     *
     * @throws IllegalArgumentException if capacity is negative
     */
    public TextBuffer(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, found " + capacity);
        }
        bytes = new byte[capacity];
    }

    /** Bytes written since the last {@link #clear()}. */
    public int size() {
        return size;
    }

    /** The buffer's array: bytes {@code [0, size())} are the text. */
    public byte[] bytes() {
        return bytes;
    }

    /** Forgets the text (the array is kept). */
    public void clear() {
        size = 0;
    }

    /** The text as a heap buffer over the array, positioned at 0 and limited to {@link #size()}. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    /** Appends an ASCII character ({@code c < 0x80}). */
    public TextBuffer append(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Appends the bytes of another buffer. */
    public TextBuffer append(TextBuffer other) {
        ensure(other.size);
        System.arraycopy(other.bytes, 0, bytes, size, other.size);
        size += other.size;
        return this;
    }

    /** Appends {@code text} as UTF-8, unquoted. */
    public TextBuffer appendText(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return appendBytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
            }
            bytes[size++] = (byte) c;
        }
        return this;
    }

    /** Appends {@code field} as a CSV field: quoted if {@link CsvWriter#needsQuotes} says so. */
    public TextBuffer appendField(String field) {
        return appendText(CsvWriter.field(field));
    }

    /**
     * Appends {@code length} bytes of UTF-8 text from {@code src} at {@code offset} as a CSV field: the bytes as
     * they are when the text is ASCII and needs no quotes, else what {@link #appendField} gives for the decoded
     * text (so invalid UTF-8 reads as the replacement character, as a String decoded from it would).
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code src}
     */
    public TextBuffer appendUtf8Field(MemorySegment src, long offset, int length) {
        ensure(length);
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, bytes, size, length);
        if (plainAscii(bytes, size, length)) {
            size += length;
            return this;
        }
        return appendField(new String(bytes, size, length, StandardCharsets.UTF_8));
    }

    /** Appends {@code v} as {@link DecimalText#append} writes it: shortest round-trip text, NaN as nothing. */
    public TextBuffer appendNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return appendLong((long) v);
        }
        if (Double.isNaN(v)) {
            return this;
        }
        StringBuilder s = scratch;
        s.setLength(0);
        s.append(v);
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends the decimal digits of {@code v} (with a minus sign if negative). */
    public TextBuffer appendLong(long v) {
        if (v == Long.MIN_VALUE) {
            return appendText(Long.toString(v));
        }
        ensure(MAX_LONG_DIGITS);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int p = end - 1; p >= size; p--) {
            bytes[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size = end;
        return this;
    }

    /** The text decoded as UTF-8 (for tests and small texts). */
    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private TextBuffer appendBytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /** True if the bytes are ASCII and a field of them needs no quotes ({@link CsvWriter#needsQuotes}). */
    private static boolean plainAscii(byte[] b, int from, int length) {
        if (length > 0 && (b[from] == ' ' || b[from + length - 1] == ' ')) {
            return false;
        }
        for (int i = from; i < from + length; i++) {
            byte c = b[i];
            if (c < 0 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private void ensure(int more) {
        int need = size + more;
        if (need < 0) {
            throw new OutOfMemoryError("text buffer over 2 GB");
        }
        if (need > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(need, (int) Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
        }
    }
}
