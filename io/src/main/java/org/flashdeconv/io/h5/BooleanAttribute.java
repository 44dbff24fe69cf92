package org.flashdeconv.io.h5;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.WritableAttributeImpl;
import io.jhdf.api.WritableNode;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.DataSpace;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A scalar boolean attribute stored the way h5py (and so anndata) stores {@code bool}: an HDF5 enum over int8
 * with members {@code FALSE = 0} and {@code TRUE = 1}. jHDF 0.13 writes Java booleans as an 8-bit bitfield,
 * which h5py reads as {@code uint8}, and anndata 0.8 rejects that for a categorical's {@code ordered} flag.
 * jHDF has no public way to write an enum, so this attribute supplies its own datatype encoding and is put
 * straight into the node's attribute map (which jHDF's writer serialises through {@link Attribute}).
 */
final class BooleanAttribute implements Attribute {
    private final Node node;
    private final String name;
    private final boolean value;
    private final DataSpace scalarSpace;

    private BooleanAttribute(WritableNode node, String name, boolean value) {
        this.node = node;
        this.name = name;
        this.value = value;
        this.scalarSpace = new WritableAttributeImpl(name, node, (byte) 0).getDataSpace();
    }

    /** Puts a boolean attribute {@code name} on {@code node}. */
    static void put(WritableNode node, String name, boolean value) {
        node.getAttributes().put(name, new BooleanAttribute(node, name, value));
    }

    /** The h5py boolean type: enum {FALSE = 0, TRUE = 1} over a signed little-endian int8. */
    private static final class EnumBool extends DataType {
        private static final int ENUM_CLASS = 8;

        EnumBool() {
            super(ENUM_CLASS, 1);
        }

        @Override
        public Class<?> getJavaType() {
            return Boolean.class;
        }

        @Override
        public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage storage) {
            throw new UnsupportedOperationException("write-only datatype");
        }

        @Override
        public ByteBuffer toBuffer() {
            ByteBuffer b = ByteBuffer.allocate(38).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x18).put((byte) 2).put((byte) 0).put((byte) 0).putInt(1); // enum, v1, 2 members, size 1
            b.put((byte) 0x10).put((byte) 0x08).put((byte) 0).put((byte) 0).putInt(1); // int8, signed, LE
            b.putShort((short) 0).putShort((short) 8); // bit offset 0, precision 8
            b.put("FALSE\0\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // names padded to 8
            b.put("TRUE\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            b.put((byte) 0).put((byte) 1);
            return b.flip();
        }

        @Override
        public ByteBuffer encodeData(Object data) {
            return ByteBuffer.wrap(new byte[] {(byte) (Boolean.TRUE.equals(data) ? 1 : 0)});
        }
    }

    @Override
    public Node getNode() {
        return node;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getSize() {
        return 1;
    }

    @Override
    public long getSizeInBytes() {
        return 1;
    }

    @Override
    public int[] getDimensions() {
        return new int[0];
    }

    @Override
    public long[] getDimensionsAsLong() {
        return new long[0];
    }

    @Override
    public Object getData() {
        return value;
    }

    @Override
    public Class<?> getJavaType() {
        return Boolean.class;
    }

    @Override
    public boolean isScalar() {
        return true;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public ByteBuffer getBuffer() {
        return ByteBuffer.wrap(new byte[] {(byte) (value ? 1 : 0)});
    }

    @Override
    public DataSpace getDataSpace() {
        return scalarSpace;
    }

    @Override
    public DataType getDataType() {
        return new EnumBool();
    }
}
