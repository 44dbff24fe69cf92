package org.flashdeconv.io.result;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongFunction;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.atomic.AtomicOutput;

/**
 * Writes a per-spot table {@code barcode,<col>,...[,qc]} from an off-heap {@code n x k} f64 matrix (row-major),
 * the layout of {@code proportions.csv}, {@code abundances.csv} and {@code coordinates.csv}.
 *
 * <p>Numbers are written in the shortest form that reads back to the same double (integral values without a fraction, so {@code 0} and {@code 1}); NaN
 * is written as an empty field. Rows are formatted in parallel in fixed blocks and written in order, so the
 * bytes do not depend on the thread count. The file appears under its name only when complete.
 */
public final class MatrixCsv {
    private static final int BLOCK_ROWS = 4096;
    private static final int BLOCKS_PER_WINDOW = 16;

    private MatrixCsv() {
    }

    /**
     * Writes the table.
     *
     * @param target  the CSV file
     * @param columns the names of the {@code k} value columns
     * @param n       rows
     * @param values  f64[n * k], row-major
     * @param barcode the barcode of a row (called from worker threads)
     * @param qc      the qc field of a row, or {@code null} for no qc column (called from worker threads)
     * @param ex      the executor that formats blocks
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if values is smaller than {@code n * k}
     */
    public static void write(Path target, List<String> columns, long n, MemorySegment values,
                             LongFunction<String> barcode, LongFunction<String> qc, BlockExecutor ex)
            throws IOException {
        int k = columns.size();
        if (values.byteSize() < Math.multiplyExact(Math.multiplyExact(n, (long) k), Double.BYTES)) {
            throw new IllegalArgumentException("a " + n + " x " + k + " table needs " + n * k * Double.BYTES
                    + " bytes of values, found " + values.byteSize());
        }
        StringBuilder head = new StringBuilder("barcode");
        for (String c : columns) {
            head.append(',').append(c);
        }
        if (qc != null) {
            head.append(",qc");
        }
        head.append('\n');
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (FileChannel ch = FileChannel.open(out.temp(), StandardOpenOption.WRITE)) {
                writeFully(ch, head.toString().getBytes(StandardCharsets.UTF_8));
                long window = (long) BLOCK_ROWS * BLOCKS_PER_WINDOW;
                byte[][] chunks = new byte[BLOCKS_PER_WINDOW][];
                for (long w = 0; w < n; w += window) {
                    long first = w;
                    long rows = Math.min(window, n - w);
                    ex.forEachBlock(rows, BLOCK_ROWS, (b, s, e) ->
                            chunks[b] = format(first + s, first + e, k, values, barcode, qc));
                    for (int b = 0; b < BlockExecutor.blockCount(rows, BLOCK_ROWS); b++) {
                        writeFully(ch, chunks[b]);
                        chunks[b] = null;
                    }
                }
            }
            out.commit();
        }
    }

    private static byte[] format(long start, long end, int k, MemorySegment values, LongFunction<String> barcode,
                                 LongFunction<String> qc) {
        StringBuilder sb = new StringBuilder((int) (end - start) * (16 + 12 * k));
        for (long i = start; i < end; i++) {
            sb.append(barcode.apply(i));
            for (int j = 0; j < k; j++) {
                sb.append(',');
                appendNumber(sb, values.getAtIndex(Layouts.F64, i * k + j));
            }
            if (qc != null) {
                sb.append(',').append(qc.apply(i));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the shortest round-trip form of {@code v}; integral values without a fraction, nothing for NaN. */
    static void appendNumber(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else if (!Double.isNaN(v)) {
            sb.append(v);
        }
    }

    private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
