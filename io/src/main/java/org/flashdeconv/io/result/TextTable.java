package org.flashdeconv.io.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.text.TextBuffer;

/**
 * Writes per-spot text tables, one line per spot after a header, each line the spot's barcode field and what the
 * table's {@link RowFormatter} appends after it. Several tables of the same spots are written in one pass (the
 * barcode is formatted once per spot). Blocks of rows are formatted on the executor's workers while the caller's
 * thread (and, with more than one worker, a second writing thread: {@link OrderedFiles}) writes the blocks before
 * them in row order, so the bytes do not depend on the thread count; at most three blocks per worker are in memory
 * at once. Each file appears under its name only when complete.
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
        try (OrderedFiles files = new OrderedFiles(tables.stream().map(Table::target).toList(), ex.threads() > 1)) {
            ByteBuffer[] headers = new ByteBuffer[t];
            for (int i = 0; i < t; i++) {
                headers[i] = ByteBuffer.wrap((tables.get(i).header() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            files.write(headers);
            int ahead = AHEAD_PER_THREAD * ex.threads();
            Slot[] slots = new Slot[ahead];
            ex.forEachBlockInOrder(n, BLOCK_ROWS, ahead, (slot, b, s, e) -> {
                if (slots[slot] == null) {
                    slots[slot] = new Slot(t, (int) (e - s));
                }
                format(tables, barcode, s, e, slots[slot].text);
                return slots[slot].direct();
            }, (b, blocks) -> files.write(blocks));
            files.commit();
        }
    }

    /**
     * The buffers of one block: the text of each table (and the barcode, last), and each table's text copied
     * off-heap by the worker that formatted it (so that the writing threads hand it to the kernel without a copy).
     */
    private static final class Slot {
        final TextBuffer[] text;
        final ByteBuffer[] direct;

        Slot(int tables, int rows) {
            text = new TextBuffer[tables + 1];
            for (int i = 0; i <= tables; i++) {
                text[i] = new TextBuffer(i == tables ? 64 : rows * 32);
            }
            direct = new ByteBuffer[tables];
        }

        /** Copies the text of each table into its direct buffer (grown as needed), ready to be written. */
        ByteBuffer[] direct() {
            for (int i = 0; i < direct.length; i++) {
                int size = text[i].size();
                if (direct[i] == null || direct[i].capacity() < size) {
                    direct[i] = ByteBuffer.allocateDirect(Math.max(size, size + size / 4));
                }
                direct[i].clear();
                direct[i].put(text[i].bytes(), 0, size).flip();
            }
            return direct;
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
}
