package org.flashdeconv.io.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flashdeconv.io.atomic.NamedChannel;
import org.flashdeconv.io.atomic.TemporaryFiles;

/**
 * A temporary append-only file of little-endian primitives, written through a 1 MiB buffer and read back
 * sequentially in chunks. The store writer keeps everything it cannot write in final order (values before the
 * f32/f64 decision, row pointers, totals, barcodes, coordinates) in spill files, so nothing per spot or per
 * entry stays on the heap. Deleted on {@link #close()}.
 */
final class SpillFile implements AutoCloseable {
    static final int BUFFER_BYTES = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long bytes;

    /** Receives the file's content chunk by chunk (little-endian; a chunk boundary never splits 8 bytes). */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(ByteBuffer chunk) throws IOException;
    }

    SpillFile(Path dir, String prefix, String suffix) throws IOException {
        this.path = TemporaryFiles.createFile(dir, prefix, suffix);
        this.channel = NamedChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private void room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
    }

    void putInt(int v) throws IOException {
        room(Integer.BYTES);
        buffer.putInt(v);
        bytes += Integer.BYTES;
    }

    void putLong(long v) throws IOException {
        room(Long.BYTES);
        buffer.putLong(v);
        bytes += Long.BYTES;
    }

    void putDouble(double v) throws IOException {
        room(Double.BYTES);
        buffer.putDouble(v);
        bytes += Double.BYTES;
    }

    void put(byte[] src, int offset, int length) throws IOException {
        while (length > 0) {
            room(1);
            int n = Math.min(length, buffer.remaining());
            buffer.put(src, offset, n);
            offset += n;
            length -= n;
            bytes += n;
        }
    }

    /** Bytes written so far. */
    long bytes() {
        return bytes;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Flushes, then hands the whole content to {@code consumer} in chunks of at most 1 MiB. */
    void read(ChunkConsumer consumer) throws IOException {
        flush();
        ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long at = 0;
        while (at < bytes) {
            in.clear();
            in.limit((int) Math.min(BUFFER_BYTES, bytes - at));
            while (in.hasRemaining()) {
                if (channel.read(in, at + in.position()) < 0) {
                    throw new IOException(path + ": temporary file ended early at " + (at + in.position()));
                }
            }
            in.flip();
            at += in.remaining();
            consumer.accept(in);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
            TemporaryFiles.unregister(path);
        }
    }
}
