package org.flashdeconv.io.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The writing half of Thrift's compact protocol, as much as Parquet's page headers and footer need: structs,
 * lists, i32, i64, binary/string and booleans. Fields are written in increasing id order (the short form of the
 * field header then carries the id delta). Not thread-safe.
 */
final class ThriftCompact {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Deque<Short> lastIds = new ArrayDeque<>();
    private short lastId;

    /** The bytes written so far. */
    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Starts a nested struct (after its field header or as a list element). */
    ThriftCompact beginStruct() {
        lastIds.push(lastId);
        lastId = 0;
        return this;
    }

    /** Ends the current struct (writes the stop byte). */
    ThriftCompact endStruct() {
        out.write(0);
        lastId = lastIds.isEmpty() ? 0 : lastIds.pop();
        return this;
    }

    ThriftCompact i32(int id, int value) {
        field(id, CompactType.I32);
        varint(zigzag(value));
        return this;
    }

    ThriftCompact i64(int id, long value) {
        field(id, CompactType.I64);
        varint(zigzag(value));
        return this;
    }

    ThriftCompact string(int id, String value) {
        field(id, CompactType.BINARY);
        bytes(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    ThriftCompact bool(int id, boolean value) {
        field(id, value ? CompactType.BOOL_TRUE : CompactType.BOOL_FALSE);
        return this;
    }

    /** A struct field: write its fields next, then {@link #endStruct()}. */
    ThriftCompact struct(int id) {
        field(id, CompactType.STRUCT);
        return beginStruct();
    }

    /** A list field header: write {@code size} elements of {@code elementType} next. */
    ThriftCompact list(int id, CompactType elementType, int size) {
        field(id, CompactType.LIST);
        if (size < 15) {
            out.write(size << 4 | elementType.id());
        } else {
            out.write(0xF0 | elementType.id());
            varint(size);
        }
        return this;
    }

    /** An i32 list element. */
    ThriftCompact i32Element(int value) {
        varint(zigzag(value));
        return this;
    }

    /** A string list element. */
    ThriftCompact stringElement(String value) {
        bytes(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void field(int id, CompactType type) {
        int delta = id - lastId;
        if (delta > 0 && delta <= 15) {
            out.write(delta << 4 | type.id());
        } else {
            out.write(type.id());
            varint(zigzag(id));
        }
        lastId = (short) id;
    }

    private void bytes(byte[] b) {
        varint(b.length);
        out.write(b, 0, b.length);
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
