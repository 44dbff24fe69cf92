package org.flashdeconv.io.parquet;

/**
 * The value types of Thrift's compact protocol, in id order: the ordinal is the id carried in the low nibble of a
 * field header and of a list header. {@link ThriftCompact} writes them, {@link ThriftReader} reads them.
 */
enum CompactType {
    STOP, BOOL_TRUE, BOOL_FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, SET, MAP, STRUCT;

    private static final CompactType[] BY_ID = values();

    /** The id on the wire. */
    int id() {
        return ordinal();
    }

    /** The type with {@code id}, or null for an id the protocol does not define. */
    static CompactType of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
