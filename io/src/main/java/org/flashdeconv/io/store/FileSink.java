package org.flashdeconv.io.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * The output file under {@link StoreWriter}, written with positional writes ({@code pwrite}) of 4 MiB blocks from
 * little-endian staging buffers that also feed each section's CRC32C. There are two write cursors: the main one
 * appends sections in file order ({@link #begin}, the puts, {@link #end}); a {@link Region} writes one section at
 * a reserved offset ahead of it (the values, while the column indices are still being appended). Plain writes
 * instead of a memory mapping: the kernel copies into the page cache without a page fault per 4 KiB, and the
 * written pages never count in this process's resident set.
 */
final class FileSink extends SinkCursor implements AutoCloseable {
    static final int BLOCK_BYTES = 4 << 20;
    private static final byte[] ZEROS = new byte[StoreHeader.ALIGNMENT];

    /** Bytes written between two background flushes. */
    static final long SYNC_BYTES = 256L << 20;

    private final FileChannel channel;
    private boolean syncAhead = true;
    private long unsynced;
    private ExecutorService syncer;
    private Future<Void> sync;
    private SectionKind kind;
    private long sectionStart;
    private long items;

    FileSink(Path file) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IOException("writing a store needs a little-endian platform");
        }
        this(NamedChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ));
    }

    private FileSink(FileChannel channel) {
        super(channel, StoreHeader.HEADER_BYTES);
        this.channel = channel;
    }

    /** A section written at a fixed offset by its own cursor. */
    final class Region extends SinkCursor {
        private final long start;

        Region(FileChannel channel, long start) {
            super(channel, start);
            this.start = start;
        }

        @Override
        void written(long bytes) {
            FileSink.this.written(bytes);
        }

        /** The section's start. */
        long start() {
            return start;
        }

        /** Flushes and returns the section's table row. */
        SectionEntry finish(SectionKind kind, long items) throws IOException {
            flush();
            return new SectionEntry(kind, (int) crc.getValue(), start, position() - start, items);
        }
    }

    /** A cursor writing a section at {@code offset} (a multiple of {@link StoreHeader#ALIGNMENT}). */
    Region region(long offset) {
        return new Region(channel, offset);
    }

    /** Starts a section at the next aligned offset of the main cursor, padding with zeros. */
    void begin(SectionKind k, long itemCount) throws IOException {
        long pos = position();
        put(ByteBuffer.wrap(ZEROS, 0, (int) (StoreHeader.align(pos) - pos)));
        flush();
        kind = k;
        sectionStart = position();
        items = itemCount;
        crc.reset();
    }

    /** Ends the current section and returns its table row. */
    SectionEntry end() throws IOException {
        flush();
        return new SectionEntry(kind, (int) crc.getValue(), sectionStart, position() - sectionStart, items);
    }

    /** Moves the main cursor to {@code at} (outside a section), e.g. past a region written ahead. */
    void continueAt(long at) throws IOException {
        skipTo(at);
    }

    void put(byte[] src) throws IOException {
        put(ByteBuffer.wrap(src));
    }

    /** Reads {@code dst.remaining()} bytes at {@code at} (of what was flushed). */
    void read(long at, ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new IOException("store writer: temporary file ended early at " + at);
            }
            at += n;
        }
    }

    /** Writes the header at offset 0. */
    void writeHeader(byte[] header) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(header);
        long at = 0;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
    }

    /**
     * Every {@value #SYNC_BYTES} bytes written, starts flushing the file's dirty pages to the disk on a background
     * thread (when the previous flush is done), so that the disk works while the store is being made and the final
     * {@code fsync} waits only for the last part: the kernel would otherwise start only at its background threshold
     * (10 % of RAM) and the whole store would be written at the end.
     */
    @Override
    void written(long bytes) {
        if (!syncAhead) {
            return;
        }
        unsynced += bytes;
        if (unsynced >= SYNC_BYTES && (sync == null || sync.isDone())) {
            unsynced = 0;
            if (syncer == null) {
                syncer = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "flashdeconv-store-sync");
                    t.setDaemon(true);
                    return t;
                });
            }
            sync = syncer.submit(() -> {
                channel.force(false);
                return null;
            });
        }
    }

    /** Stops flushing ahead (a temporary store, which is never synced). */
    void noSyncAhead() {
        syncAhead = false;
    }

    /** Waits for a background flush, then closes the file. */
    @Override
    public void close() throws IOException {
        try {
            if (sync != null) {
                sync.get();
            }
        } catch (ExecutionException e) {
            // the final fsync of StoreWriter#finish reports a disk problem; an abandoned store does not care
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (syncer != null) {
                syncer.shutdown();
            }
            channel.close();
        }
    }
}
