package org.flashdeconv.io.h5.edit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodings of the HDF5 header messages and datatypes this package writes (little-endian, 8-byte offsets and
 * lengths). Each method returns the message's data, unpadded; {@link ObjectHeader} pads messages to 8 bytes.
 */
final class Encode {
    static final int NIL = 0x0000;
    static final int DATASPACE = 0x0001;
    static final int DATATYPE = 0x0003;
    static final int FILL_VALUE = 0x0005;
    static final int LAYOUT = 0x0008;
    static final int ATTRIBUTE = 0x000C;
    static final int CONTINUATION = 0x0010;
    static final int SYMBOL_TABLE = 0x0011;
    static final long UNDEFINED = -1L;

    private Encode() {
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int pad8(int n) {
        return (n + 7) & ~7;
    }

    /** IEEE 754 double, little-endian (datatype class 1). */
    static byte[] f64() {
        return le(20).put((byte) 0x11).put((byte) 0x20).put((byte) 63).put((byte) 0).putInt(8)
                .putShort((short) 0).putShort((short) 64).put((byte) 52).put((byte) 11).put((byte) 0).put((byte) 52)
                .putInt(1023).array();
    }

    /** IEEE 754 single, little-endian. */
    static byte[] f32() {
        return le(20).put((byte) 0x11).put((byte) 0x20).put((byte) 31).put((byte) 0).putInt(4)
                .putShort((short) 0).putShort((short) 32).put((byte) 23).put((byte) 8).put((byte) 0).put((byte) 23)
                .putInt(127).array();
    }

    /** A little-endian integer of {@code bytes} bytes (datatype class 0). */
    static byte[] integer(int bytes, boolean signed) {
        return le(12).put((byte) 0x10).put((byte) (signed ? 0x08 : 0)).put((byte) 0).put((byte) 0).putInt(bytes)
                .putShort((short) 0).putShort((short) (8 * bytes)).array();
    }

    /** A fixed-length, null-padded UTF-8 string of {@code bytes} bytes (datatype class 3). */
    static byte[] string(int bytes) {
        return le(8).put((byte) 0x13).put((byte) 0x11).put((byte) 0).put((byte) 0).putInt(bytes).array();
    }

    /** h5py's bool: enum {FALSE = 0, TRUE = 1} over int8 (datatype class 8). */
    static byte[] bool() {
        ByteBuffer b = le(38);
        b.put((byte) 0x18).put((byte) 2).put((byte) 0).put((byte) 0).putInt(1);
        b.put(integer(1, true));
        b.put("FALSE\0\0\0".getBytes(StandardCharsets.US_ASCII)).put("TRUE\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        return b.put((byte) 0).put((byte) 1).array();
    }

    /** A version 1 dataspace: scalar for an empty shape, else simple with these dimensions. */
    static byte[] dataspace(long... dims) {
        ByteBuffer b = le(8 + 8 * dims.length);
        b.put((byte) 1).put((byte) dims.length).put((byte) 0).put((byte) 0).putInt(0);
        for (long d : dims) {
            b.putLong(d);
        }
        return b.array();
    }

    /** Fill value message version 2: allocated early, never filled, no fill value (the data is written). */
    static byte[] fillValue() {
        return new byte[] {2, 1, 2, 0};
    }

    /** Layout message version 3, contiguous storage. */
    static byte[] contiguous(long address, long bytes) {
        return le(18).put((byte) 3).put((byte) 1).putLong(address).putLong(bytes).array();
    }

    /** Symbol table message: the group's B-tree and local heap. */
    static byte[] symbolTable(long btree, long heap) {
        return le(16).putLong(btree).putLong(heap).array();
    }

    /** Continuation message: the next chunk of an object header. */
    static byte[] continuation(long address, long length) {
        return le(16).putLong(address).putLong(length).array();
    }

    /** Attribute message version 1. */
    static byte[] attribute(String name, byte[] datatype, byte[] dataspace, byte[] data) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = le(8 + pad8(n.length) + pad8(datatype.length) + pad8(dataspace.length) + data.length);
        b.put((byte) 1).put((byte) 0).putShort((short) n.length).putShort((short) datatype.length)
                .putShort((short) dataspace.length);
        b.put(n).position(8 + pad8(n.length));
        b.put(datatype).position(8 + pad8(n.length) + pad8(datatype.length));
        b.put(dataspace).position(8 + pad8(n.length) + pad8(datatype.length) + pad8(dataspace.length));
        return b.put(data).array();
    }

    /** The name of a version 1-3 attribute message's data. */
    static String attributeName(ByteBuffer data) {
        int version = data.get(0);
        int nameSize = Short.toUnsignedInt(data.getShort(2));
        int at = version == 1 ? 8 : version == 2 ? 8 : 9;
        byte[] n = new byte[Math.max(0, nameSize - 1)];
        data.get(at, n);
        return new String(n, StandardCharsets.UTF_8);
    }

    /** UTF-8 bytes of each string, and the longest (at least 1). */
    static byte[][] utf8(java.util.List<String> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    static int longest(byte[][] values) {
        int max = 1;
        for (byte[] v : values) {
            max = Math.max(max, v.length);
        }
        return max;
    }

    /** A string attribute's message data (scalar). */
    static byte[] stringAttribute(String name, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] data = v.length == 0 ? new byte[1] : v;
        return attribute(name, string(data.length), dataspace(), data);
    }

    /** A string-array attribute's message data (1-D, fixed length). */
    static byte[] stringArrayAttribute(String name, java.util.List<String> values) {
        byte[][] v = utf8(values);
        int width = longest(v);
        byte[] data = new byte[width * v.length];
        for (int i = 0; i < v.length; i++) {
            System.arraycopy(v[i], 0, data, i * width, v[i].length);
        }
        return attribute(name, string(width), dataspace(v.length), data);
    }

    /** A boolean attribute in h5py's encoding. */
    static byte[] boolAttribute(String name, boolean value) {
        return attribute(name, bool(), dataspace(), new byte[] {(byte) (value ? 1 : 0)});
    }

    /** A 1-D int64 attribute. */
    static byte[] longArrayAttribute(String name, long... values) {
        ByteBuffer data = le(8 * values.length);
        for (long v : values) {
            data.putLong(v);
        }
        return attribute(name, integer(8, true), dataspace(values.length), data.array());
    }
}
