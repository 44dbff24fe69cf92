package org.flashdeconv.io.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.MappedBytes;

/**
 * The growable append writer under {@link StoreWriter}: a Chronicle Bytes {@link MappedBytes} over the output
 * file, fed in 1 MiB blocks from a little-endian staging buffer that also feeds each section's CRC32C. This is
 * the only class of the project that touches Chronicle. Chronicle pads the file to whole chunks, so the
 * logical length (kept by the writer in the header) is the one that counts; the writer truncates to it.
 */
final class ChronicleSink implements AutoCloseable {
    private static final long CHUNK_BYTES = 64L << 20;
    private static final byte[] ZEROS = new byte[StoreHeader.ALIGNMENT];

    private final MappedBytes out;
    private final byte[] stage = new byte[SpillFile.BUFFER_BYTES];
    private final ByteBuffer buffer = ByteBuffer.wrap(stage).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long position;
    private SectionKind kind;
    private long sectionStart;
    private long items;

    ChronicleSink(Path file) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IOException("writing a store needs a little-endian platform");
        }
        this.out = MappedBytes.mappedBytes(file.toFile(), CHUNK_BYTES);
        out.write(new byte[StoreHeader.HEADER_BYTES]);
        position = StoreHeader.HEADER_BYTES;
    }

    /** Starts a section at the next aligned offset. */
    void begin(SectionKind k, long itemCount) {
        flush();
        int pad = (int) (StoreHeader.align(position) - position);
        out.write(ZEROS, 0, pad);
        position += pad;
        kind = k;
        sectionStart = position;
        items = itemCount;
        crc.reset();
    }

    /** Ends the current section and returns its table row. */
    SectionEntry end() {
        flush();
        return new SectionEntry(kind, (int) crc.getValue(), sectionStart, position - sectionStart, items);
    }

    private void room(int n) {
        if (buffer.remaining() < n) {
            flush();
        }
    }

    void putInt(int v) {
        room(Integer.BYTES);
        buffer.putInt(v);
    }

    void putLong(long v) {
        room(Long.BYTES);
        buffer.putLong(v);
    }

    void putFloat(float v) {
        room(Float.BYTES);
        buffer.putFloat(v);
    }

    void putDouble(double v) {
        room(Double.BYTES);
        buffer.putDouble(v);
    }

    /** Appends the remaining bytes of {@code src}. */
    void put(ByteBuffer src) {
        while (src.hasRemaining()) {
            room(1);
            int n = Math.min(src.remaining(), buffer.remaining());
            buffer.put(buffer.position(), src, src.position(), n);
            buffer.position(buffer.position() + n);
            src.position(src.position() + n);
        }
    }

    void put(byte[] src) {
        put(ByteBuffer.wrap(src));
    }

    private void flush() {
        int n = buffer.position();
        if (n > 0) {
            crc.update(stage, 0, n);
            out.write(stage, 0, n);
            position += n;
            buffer.clear();
        }
    }

    /** Logical length written so far (after {@link #end()}). */
    long position() {
        return position;
    }

    /** Writes the header at offset 0. */
    void writeHeader(byte[] header) {
        out.write(0L, header, 0, header.length);
    }

    @Override
    public void close() {
        out.close();
    }
}
