package org.flashdeconv.engine.matrix;

/** Element type of a stored value array: 4-byte or 8-byte IEEE floating point, little-endian. */
public enum ValueType {
    /** binary32; chosen by writers when every value is exactly representable as a float. */
    F32(4),
    /** binary64. */
    F64(8);

    private final int bytes;

    ValueType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }
}
