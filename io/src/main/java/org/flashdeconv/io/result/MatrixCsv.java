package org.flashdeconv.io.result;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.text.CsvWriter;

/**
 * Writes a per-spot table {@code barcode,<col>,...[,qc]} from an off-heap {@code n x k} f64 matrix (row-major),
 * the layout of {@code proportions.csv}, {@code abundances.csv} and {@code coordinates.csv}.
 *
 * <p>RFC 4180: names (column headers, barcodes) holding a comma, quote, CR or LF are quoted by {@link CsvWriter}.
 * Numbers are written in the shortest form that reads back to the same double (integral values without a
 * fraction, so {@code 0} and {@code 1}); NaN is written as an empty field. Rows are formatted in parallel in
 * fixed blocks and written in order, so the bytes do not depend on the thread count. The file appears under its
 * name only when complete.
 */
@SuppressWarnings("exports") // BlockExecutor is exported to io and cli, the modules that write results
public final class MatrixCsv {
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
        write(target, columns, n, values, null, null, barcode, qc, ex);
    }

    /**
     * Writes the table with one more value column after the matrix's (the count model's {@code background}).
     *
     * @param extraName  the extra column's name, or null for none
     * @param extra      its value per row (NaN = empty), or null for none
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if values is smaller than {@code n * k}
     */
    public static void write(Path target, List<String> columns, long n, MemorySegment values, String extraName,
                             LongToDoubleFunction extra, LongFunction<String> barcode, LongFunction<String> qc,
                             BlockExecutor ex) throws IOException {
        TextTable.write(List.of(table(target, columns, n, values, extraName, extra, qc)), n,
                BarcodeField.of(barcode), ex);
    }

    /**
     * The table (to be written with others of the same spots in one pass).
     *
     * @throws IllegalArgumentException if values is smaller than {@code n * k}
     */
    static TextTable.Table table(Path target, List<String> columns, long n, MemorySegment values, String extraName,
                                 LongToDoubleFunction extra, LongFunction<String> qc) {
        int k = columns.size();
        if (values.byteSize() < Math.multiplyExact(Math.multiplyExact(n, (long) k), Double.BYTES)) {
            throw new IllegalArgumentException("a " + n + " x " + k + " table needs " + n * k * Double.BYTES
                    + " bytes of values, found " + values.byteSize());
        }
        StringBuilder head = new StringBuilder("barcode");
        for (String c : columns) {
            CsvWriter.appendField(head.append(','), c);
        }
        if (extra != null) {
            head.append(',').append(extraName);
        }
        if (qc != null) {
            head.append(",qc");
        }
        return new TextTable.Table(target, head.toString(), (i, out) -> {
            long base = i * k;
            for (int j = 0; j < k; j++) {
                out.append(',').appendNumber(values.getAtIndex(Layouts.F64, base + j));
            }
            if (extra != null) {
                out.append(',').appendNumber(extra.applyAsDouble(i));
            }
            if (qc != null) {
                out.append(',').appendText(qc.apply(i));
            }
        });
    }
}
