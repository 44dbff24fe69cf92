package org.flashdeconv.io.result;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.parquet.ParquetColumn;
import org.flashdeconv.io.parquet.ParquetWriter;

/**
 * One slide's part of the combined proportions table of a batch: a Parquet file with the columns
 * {@code barcode, x, y, <type>..., dominant, qc}, one row per spot in input order. The slide id is not a column of
 * the file: the file lies in the folder {@code slide_id=<id>/} of a table partitioned by slide (Hive layout, as
 * Spark's {@code partitionBy} writes it), and readers take the column from the folder name. A spot without a result
 * ({@code qc} {@code no_counts} or {@code no_fit}) has null proportions and dominant type, as in
 * {@code proportions.csv}.
 */
public final class ProportionsTable {
    /** The file name of a slide's part. */
    public static final String PART_FILE = "part-00000.parquet";

    private ProportionsTable() {
    }

    /** The folder of a slide's part inside the table folder. */
    public static Path partition(Path table, String slideId) {
        return table.resolve(partitionFolder(slideId));
    }

    /** The name of a slide's partition folder: {@code slide_id=<id>}. */
    public static String partitionFolder(String slideId) {
        return "slide_id=" + slideId;
    }

    /**
     * Writes one slide's part (replacing it atomically).
     *
     * @param file      the target file
     * @param fit       the fit (open)
     * @param barcode   the barcode of a spot
     * @param coords    the coordinates the fit used (the first two axes are written)
     * @param createdBy the writer's name and version
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, FitResult fit, LongFunction<String> barcode, CoordsView coords,
                             String createdBy) throws IOException {
        int k = fit.cellTypes();
        MemorySegment p = fit.proportions();
        MemorySegment dominant = fit.dominantCellType();
        MemorySegment xy = coords.data();
        int dim = coords.dim();
        List<String> types = fit.cellTypeNames();
        List<ParquetColumn> columns = new ArrayList<>();
        columns.add(new ParquetColumn.Strings("barcode", false, barcode));
        columns.add(new ParquetColumn.Doubles("x", false, i -> true, i -> xy.getAtIndex(Layouts.F64, i * dim)));
        columns.add(new ParquetColumn.Doubles("y", false, i -> true,
                i -> dim > 1 ? xy.getAtIndex(Layouts.F64, i * dim + 1) : 0));
        for (int t = 0; t < k; t++) {
            int type = t;
            columns.add(new ParquetColumn.Doubles(types.get(t), true, fit::hasResult,
                    i -> p.getAtIndex(Layouts.F64, i * k + type)));
        }
        columns.add(new ParquetColumn.Strings("dominant", true, i -> {
            int d = dominant.getAtIndex(Layouts.I32, i);
            return d < 0 || !fit.hasResult(i) ? null : types.get(d);
        }));
        columns.add(new ParquetColumn.Strings("qc", false, i -> fit.status(i).label()));
        ParquetWriter.write(file, fit.spots(), columns, createdBy);
    }
}
