package org.flashdeconv.engine.matrix;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The value layouts used for every off-heap array of the project, defined once: little-endian, explicit.
 * On x86-64 and AArch64 these equal the native layouts, so access costs nothing extra.
 */
public final class Layouts {
    /** 32-bit signed integer, little-endian (column indices, neighbour indices). */
    public static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** 64-bit signed integer, little-endian (row pointers, offsets). */
    public static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** IEEE-754 binary32, little-endian. */
    public static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** IEEE-754 binary64, little-endian. */
    public static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Layouts() {
    }
}
