package org.flashdeconv.io.h5.edit;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * The file being edited: positional little-endian reads and writes, and space allocated at the end (8-byte
 * aligned). Owns the channel until {@link #close()}.
 */
final class H5Out implements AutoCloseable {
    private final FileChannel channel;
    private long end;

    /** Opens {@code path}; its IO errors name {@code shown} (the output a temporary file becomes). */
    H5Out(Path path, Path shown) throws IOException {
        this.channel = NamedChannel.open(path, shown, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.end = (channel.size() + 7) & ~7L;
    }

    /** Reserves {@code bytes} at the end of the file (8-byte aligned) and returns the address. */
    long allocate(long bytes) {
        long at = end;
        end = (end + bytes + 7) & ~7L;
        return at;
    }

    /** The end of the allocated space. */
    long end() {
        return end;
    }

    ByteBuffer read(long at, int bytes) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw new EOFException("HDF5 file ends before offset " + (at + bytes));
            }
        }
        return b.flip();
    }

    void write(long at, ByteBuffer data) throws IOException {
        long pos = at;
        while (data.hasRemaining()) {
            pos += channel.write(data, pos);
        }
    }

    void write(long at, byte[] data) throws IOException {
        write(at, ByteBuffer.wrap(data));
    }

    /** Pads the file to the allocated end and forces it to disk. */
    void finish() throws IOException {
        if (channel.size() < end) {
            write(end - 1, new byte[1]);
        }
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
