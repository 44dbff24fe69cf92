package org.flashdeconv.io.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Writes a text table of {@code n} lines after a header, each line made by a function of its row, formatted in
 * parallel blocks and written in row order (same bytes for any thread count), atomically.
 */
final class TextTable {
    /** Appends the text of one row, without the newline. Called from worker threads. */
    @FunctionalInterface
    interface RowFormatter {
        /** Appends row {@code row} to {@code sb}. */
        void append(long row, StringBuilder sb);
    }

    private static final int BLOCK_ROWS = 4096;
    private static final int BLOCKS_PER_WINDOW = 16;

    private TextTable() {
    }

    /** Writes {@code header}, then row i for i in [0, n), each followed by a newline. */
    static void write(Path target, String header, long n, RowFormatter line, BlockExecutor ex)
            throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (FileChannel ch = NamedChannel.open(out.temp(), out.target(), StandardOpenOption.WRITE)) {
                writeFully(ch, (header + "\n").getBytes(StandardCharsets.UTF_8));
                long window = (long) BLOCK_ROWS * BLOCKS_PER_WINDOW;
                byte[][] chunks = new byte[BLOCKS_PER_WINDOW][];
                for (long w = 0; w < n; w += window) {
                    long first = w;
                    long rows = Math.min(window, n - w);
                    ex.forEachBlock(rows, BLOCK_ROWS, (b, s, e) -> {
                        StringBuilder sb = new StringBuilder((int) (e - s) * 48);
                        for (long i = first + s; i < first + e; i++) {
                            line.append(i, sb);
                            sb.append('\n');
                        }
                        chunks[b] = sb.toString().getBytes(StandardCharsets.UTF_8);
                    });
                    for (int b = 0; b < BlockExecutor.blockCount(rows, BLOCK_ROWS); b++) {
                        writeFully(ch, chunks[b]);
                        chunks[b] = null;
                    }
                }
            }
            out.commit();
        }
    }

    private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
