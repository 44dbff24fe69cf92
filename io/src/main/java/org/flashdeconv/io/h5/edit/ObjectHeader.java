package org.flashdeconv.io.h5.edit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A version 1 object header (spec IV.A.1.a): a 16-byte prefix (version 1, message count, reference count, size of
 * the first chunk), then messages of an 8-byte header (type, size, flags) and 8-byte-aligned data, in chunks linked
 * by continuation messages. {@link #read} finds where each message sits so that it can be patched in place;
 * {@link #encode} lays out a new header.
 */
final class ObjectHeader {
    /** A message as found in the file: its type and where its 8-byte header and its data are. */
    record Message(int type, long headerAt, int size) {
        long dataAt() {
            return headerAt + 8;
        }
    }

    final long address;
    final int messageCount;
    final List<Message> messages;

    private ObjectHeader(long address, int messageCount, List<Message> messages) {
        this.address = address;
        this.messageCount = messageCount;
        this.messages = messages;
    }

    /**
     * Reads the header at {@code address}.
     *
     * @throws UnsupportedLayoutException if it is not a version 1 header (an HDF5 1.8 "OHDR" header)
     * @throws IOException                if it cannot be read or is malformed
     */
    static ObjectHeader read(H5Out file, long address) throws IOException {
        ByteBuffer prefix = file.read(address, 16);
        if (prefix.get(0) != 1) {
            throw new UnsupportedLayoutException("object header at " + address + " is not version 1 (found "
                    + (prefix.getInt(0) == 0x5244484F ? "an HDF5 1.8 OHDR header" : "version " + prefix.get(0)) + ")");
        }
        int count = Short.toUnsignedInt(prefix.getShort(2));
        long firstSize = Integer.toUnsignedLong(prefix.getInt(8));
        List<Message> messages = new ArrayList<>();
        List<long[]> chunks = new ArrayList<>();
        chunks.add(new long[] {address + 16, firstSize});
        for (int c = 0; c < chunks.size() && messages.size() < count; c++) {
            long at = chunks.get(c)[0];
            long end = at + chunks.get(c)[1];
            ByteBuffer chunk = file.read(at, Math.toIntExact(chunks.get(c)[1]));
            while (at + 8 <= end && messages.size() < count) {
                int off = (int) (at - chunks.get(c)[0]);
                int type = Short.toUnsignedInt(chunk.getShort(off));
                int size = Short.toUnsignedInt(chunk.getShort(off + 2));
                if (at + 8 + size > end) {
                    throw new IOException("object header at " + address + ": message of " + size + " bytes overruns "
                            + "its chunk");
                }
                messages.add(new Message(type, at, size));
                if (type == Encode.CONTINUATION) {
                    chunks.add(new long[] {chunk.getLong(off + 8), chunk.getLong(off + 16)});
                }
                at += 8 + size;
            }
        }
        return new ObjectHeader(address, count, messages);
    }

    /** The first message of {@code type}, or null. */
    Message find(int type) {
        return messages.stream().filter(m -> m.type() == type).findFirst().orElse(null);
    }

    /** The attribute message named {@code name}, or null. */
    Message attribute(H5Out file, String name) throws IOException {
        for (Message m : messages) {
            if (m.type() == Encode.ATTRIBUTE && Encode.attributeName(file.read(m.dataAt(), m.size())).equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** Bytes of a chunk holding {@code messages} (type, data) with 8-byte headers and padded data. */
    static int chunkSize(List<Object[]> messages) {
        int n = 0;
        for (Object[] m : messages) {
            n += 8 + Encode.pad8(((byte[]) m[1]).length);
        }
        return n;
    }

    /** Writes messages (type, data) as one chunk into {@code b} at its position. */
    static void putChunk(ByteBuffer b, List<Object[]> messages) {
        for (Object[] m : messages) {
            byte[] data = (byte[]) m[1];
            int start = b.position();
            b.putShort((short) (int) (Integer) m[0]).putShort((short) Encode.pad8(data.length)).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            b.put(data);
            b.position(start + 8 + Encode.pad8(data.length));
        }
    }

    /** A new version 1 header holding {@code messages} (type, data), reference count 1. */
    static ByteBuffer encode(List<Object[]> messages) {
        int size = chunkSize(messages);
        ByteBuffer b = Encode.le(16 + size);
        b.put((byte) 1).put((byte) 0).putShort((short) messages.size()).putInt(1).putInt(size).putInt(0);
        putChunk(b, messages);
        return b.flip();
    }
}
