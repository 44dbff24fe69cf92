package org.flashdeconv.io.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * A write cursor of {@link FileSink}: a 4 MiB little-endian staging buffer, the file position it flushes to
 * (positional writes) and the CRC32C of everything flushed through it.
 */
class SinkCursor {
    private final FileChannel channel;
    final ByteBuffer buffer = ByteBuffer.allocateDirect(FileSink.BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    final CRC32C crc = new CRC32C();
    private long position;

    SinkCursor(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
    }

    /** File position after everything put so far. */
    long position() {
        return position + buffer.position();
    }

    /** The staging buffer with room for {@code n} more bytes (flushing first if needed), to put them into. */
    final ByteBuffer room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
        return buffer;
    }

    /** Appends the remaining bytes of {@code src}. */
    final void put(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            room(1);
            int n = Math.min(src.remaining(), buffer.remaining());
            buffer.put(buffer.position(), src, src.position(), n);
            buffer.position(buffer.position() + n);
            src.position(src.position() + n);
        }
    }

    final void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        int n = buffer.remaining();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        buffer.clear();
        written(n);
    }

    /** Called after {@code bytes} went to the file. */
    void written(long bytes) {
    }

    /** Flushes and moves to {@code at} (at or after the current position). */
    final void skipTo(long at) throws IOException {
        flush();
        position = at;
    }
}
