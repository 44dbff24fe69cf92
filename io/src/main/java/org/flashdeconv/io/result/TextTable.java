package org.flashdeconv.io.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.atomic.NamedChannel;
import org.flashdeconv.io.text.TextBuffer;

/**
 * Writes per-spot text tables, one line per spot after a header, each line the spot's barcode field and what the
 * table's {@link RowFormatter} appends after it. Several tables of the same spots are written in one pass (the
 * barcode is formatted once per spot). Blocks of rows are formatted on the executor's workers while the caller's
 * thread writes the blocks before them in row order (same bytes for any thread count); at most a few blocks are in
 * memory at once. Each file appears under its name only when complete.
 */
final class TextTable {
    /** Appends what follows the barcode on a row (from its comma), without the newline. Called from workers. */
    @FunctionalInterface
    interface RowFormatter {
        /** Appends row {@code row} to {@code out}. */
        void append(long row, TextBuffer out);
    }

    /**
     * One table.
     *
     * @param target its file
     * @param header the header line, without the newline (its first name is the barcode column's)
     * @param row    what follows the barcode on a row
     */
    record Table(Path target, String header, RowFormatter row) {
    }

    private static final int BLOCK_ROWS = 4096;
    /** Blocks in work or waiting to be written, per worker thread. */
    private static final int AHEAD_PER_THREAD = 3;

    private TextTable() {
    }

    /** Writes one table. */
    static void write(Path target, String header, long n, BarcodeField barcode, RowFormatter row, BlockExecutor ex)
            throws IOException {
        write(List.of(new Table(target, header, row)), n, barcode, ex);
    }

    /**
     * Writes the tables of rows {@code [0, n)}.
     *
     * @throws IOException if a file cannot be written (none of them then appears)
     */
    static void write(List<Table> tables, long n, BarcodeField barcode, BlockExecutor ex) throws IOException {
        int t = tables.size();
        List<AtomicOutput> outs = new ArrayList<>(t);
        List<FileChannel> channels = new ArrayList<>(t);
        Throwable failure = null;
        try {
            for (Table table : tables) {
                AtomicOutput out = AtomicOutput.create(table.target());
                outs.add(out);
                FileChannel ch = NamedChannel.open(out.temp(), out.target(), StandardOpenOption.WRITE);
                channels.add(ch);
                writeFully(ch, ByteBuffer.wrap((table.header() + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            int ahead = AHEAD_PER_THREAD * ex.threads();
            TextBuffer[][] slots = new TextBuffer[ahead][];
            ex.forEachBlockInOrder(n, BLOCK_ROWS, ahead, (slot, b, s, e) -> {
                if (slots[slot] == null) {
                    slots[slot] = buffers(t + 1, (int) (e - s));
                }
                format(tables, barcode, s, e, slots[slot]);
                return slots[slot];
            }, (b, bufs) -> {
                for (int i = 0; i < t; i++) {
                    writeFully(channels.get(i), bufs[i].asByteBuffer());
                }
            });
            for (FileChannel ch : channels) {
                ch.close();
            }
            for (AtomicOutput out : outs) {
                out.commit();
            }
        } catch (Throwable x) {
            failure = x;
            throw x;
        } finally {
            close(channels, outs, failure);
        }
    }

    private static TextBuffer[] buffers(int count, int rows) {
        TextBuffer[] bufs = new TextBuffer[count];
        for (int i = 0; i < count; i++) {
            bufs[i] = new TextBuffer(i == count - 1 ? 64 : rows * 32);
        }
        return bufs;
    }

    /** Closes the channels and outputs (deleting the temporaries not committed); a failure of a close is added. */
    private static void close(List<FileChannel> channels, List<AtomicOutput> outs, Throwable failure)
            throws IOException {
        IOException first = null;
        List<AutoCloseable> all = new ArrayList<>(channels);
        all.addAll(outs);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                IOException io = e instanceof IOException i ? i : new IOException(e);
                if (failure != null) {
                    failure.addSuppressed(io);
                } else if (first == null) {
                    first = io;
                } else {
                    first.addSuppressed(io);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Formats rows [s, e) of every table into {@code bufs[table]}; {@code bufs[tables]} holds the barcode. */
    private static void format(List<Table> tables, BarcodeField barcode, long s, long e, TextBuffer[] bufs) {
        int t = tables.size();
        TextBuffer name = bufs[t];
        for (int i = 0; i < t; i++) {
            bufs[i].clear();
        }
        for (long row = s; row < e; row++) {
            name.clear();
            barcode.append(row, name);
            for (int i = 0; i < t; i++) {
                TextBuffer out = bufs[i];
                out.append(name);
                tables.get(i).row().append(row, out);
                out.append('\n');
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
