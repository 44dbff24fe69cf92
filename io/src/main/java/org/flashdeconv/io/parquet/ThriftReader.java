package org.flashdeconv.io.parquet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The reading half of Thrift's compact protocol over a byte array, as much as Parquet's footer and page headers
 * need: field headers, varints, binaries, lists, and skipping any field not asked for. Errors are plain
 * {@link IOException}s; the caller adds the file name.
 */
final class ThriftReader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private final int[] lastIds = new int[64];
    private int depth;
    private int lastId;
    private int fieldType;

    ThriftReader(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    /** Bytes read so far from the start. */
    int position() {
        return pos;
    }

    /** Enters a struct (after its field header, or as a list element). */
    void beginStruct() throws IOException {
        if (depth == lastIds.length) {
            throw new IOException("thrift: structs nested too deeply");
        }
        lastIds[depth++] = lastId;
        lastId = 0;
    }

    /**
     * Reads the next field header of the current struct.
     *
     * @return the field id, or -1 at the struct's end (which leaves the struct)
     */
    int nextField() throws IOException {
        int b = readByte();
        if (b == CompactType.STOP.id()) {
            lastId = lastIds[--depth];
            return -1;
        }
        fieldType = b & 0x0f;
        int delta = b >>> 4;
        lastId = delta != 0 ? lastId + delta : (short) zigzag32(varint());
        return lastId;
    }

    /** The type of the field just announced (null for an id the protocol does not define). */
    CompactType fieldType() {
        return CompactType.of(fieldType);
    }

    int i32() throws IOException {
        return zigzag32(varint());
    }

    long i64() throws IOException {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    boolean bool() {
        return fieldType == CompactType.BOOL_TRUE.id();
    }

    String string() throws IOException {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Reads a list header; returns the element count ({@link #listElementType()} gives the type). */
    int list() throws IOException {
        int b = readByte();
        listType = b & 0x0f;
        int n = b >>> 4;
        return n == 15 ? length() : n;
    }

    private int listType;

    int listElementType() {
        return listType;
    }

    /** Skips the value of the field just announced. */
    void skip() throws IOException {
        skip(fieldType);
    }

    private void skip(int type) throws IOException {
        switch (CompactType.of(type)) {
            case BOOL_TRUE, BOOL_FALSE -> {
            }
            case BYTE -> readByte();
            case I16, I32, I64 -> varint();
            case DOUBLE -> advance(8);
            case BINARY -> advance(length());
            case LIST, SET -> {
                int n = list();
                int t = listType;
                for (int i = 0; i < n; i++) {
                    skipElement(t);
                }
            }
            case MAP -> {
                int n = length();
                if (n > 0) {
                    int kv = readByte();
                    for (int i = 0; i < n; i++) {
                        skipElement(kv >>> 4);
                        skipElement(kv & 0x0f);
                    }
                }
            }
            case STRUCT -> {
                beginStruct();
                while (nextField() >= 0) {
                    skip();
                }
            }
            case null, default -> throw new IOException("thrift: unknown type " + type + " at byte " + pos);
        }
    }

    /** Skips one list element of {@code type} (booleans in lists take a byte). */
    void skipElement(int type) throws IOException {
        if (type == CompactType.BOOL_TRUE.id() || type == CompactType.BOOL_FALSE.id()) {
            readByte();
        } else {
            int saved = fieldType;
            skip(type);
            fieldType = saved;
        }
    }

    private int length() throws IOException {
        long n = varint();
        if (n < 0 || n > end - pos) {
            throw new IOException("thrift: length " + n + " runs past the end at byte " + pos);
        }
        return (int) n;
    }

    private void advance(int n) throws IOException {
        if (n > end - pos) {
            throw new IOException("thrift: truncated at byte " + pos);
        }
        pos += n;
    }

    private int readByte() throws IOException {
        if (pos >= end) {
            throw new IOException("thrift: truncated at byte " + pos);
        }
        return buf[pos++] & 0xff;
    }

    private long varint() throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return v;
            }
        }
        throw new IOException("thrift: varint too long at byte " + pos);
    }

    private static int zigzag32(long v) {
        int n = (int) v;
        return (n >>> 1) ^ -(n & 1);
    }
}
