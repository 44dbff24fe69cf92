package org.flashdeconv.io.result;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.counts.CountModel;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.parquet.ParquetColumn;
import org.flashdeconv.io.parquet.ParquetWriter;

/**
 * One slide's part of the combined proportions table of a batch: a Parquet file with the columns
 * {@code barcode, x, y, <type>..., dominant, qc}, one row per spot in input order. A count-model fit (the default,
 * docs/algorithm.md §29) adds what {@code deconvolve} writes beside its proportions: {@code background} after the
 * types (its share in the proportions' units, as in {@code proportions.csv}; 0 when the slide's background was not
 * kept, where {@code proportions.csv} has no such column: every part of a table has the same columns), and after
 * {@code qc} the columns of {@code quality.csv}: {@code deviance, deviance_per_count, unexplained_fraction,
 * background_share, entropy} (doubles) and {@code poor_fit} (boolean). The slide id is not a column of the file: the
 * file lies in the folder {@code slide_id=<id>/} of a table partitioned by slide (Hive layout, as Spark's
 * {@code partitionBy} writes it), and readers take the column from the folder name. A spot without a result
 * ({@code qc} {@code no_counts} or {@code no_fit}) has null proportions, dominant type, background and quality
 * numbers ({@code poor_fit} false), as the CSV files have empty fields.
 */
public final class ProportionsTable {
    /** The file name of a slide's part. */
    public static final String PART_FILE = "part-00000.parquet";
    /** The columns of every table besides the types (and the slide id, which the folder holds). */
    public static final List<String> FIXED_COLUMNS = List.of("barcode", "x", "y", "background", "dominant", "qc",
            "deviance", "deviance_per_count", "unexplained_fraction", "background_share", "entropy", "poor_fit",
            "slide_id");

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
     * Why these cell types cannot be columns of the table (a type named as one of {@link #FIXED_COLUMNS}: readers
     * refuse a table with two columns of one name), or null.
     */
    public static String typeNameProblem(List<String> types) {
        for (String t : types) {
            if (FIXED_COLUMNS.contains(t)) {
                return "cell type '" + t + "' has the name of a column of " + "the batch's proportions.parquet ("
                        + String.join(", ", FIXED_COLUMNS) + "): rename it in the reference";
            }
        }
        return null;
    }

    /**
     * Writes one slide's part (replacing it atomically).
     *
     * @param file      the target file
     * @param fit       the fit (open)
     * @param barcode   the barcode of a spot
     * @param coords    the coordinates the fit used (the first two axes are written)
     * @param createdBy the writer's name and version
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if a cell type has the name of another column ({@link #typeNameProblem})
     */
    public static void write(Path file, FitResult fit, LongFunction<String> barcode, CoordsView coords,
                             String createdBy) throws IOException {
        int k = fit.cellTypes();
        MemorySegment p = fit.proportions();
        MemorySegment dominant = fit.dominantCellType();
        MemorySegment xy = coords.data();
        int dim = coords.dim();
        List<String> types = fit.cellTypeNames();
        String problem = typeNameProblem(types);
        if (problem != null) {
            throw new IllegalArgumentException(file + ": " + problem);
        }
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
        boolean counts = fit.countSummary().isPresent();
        if (counts) { // every slide's part has the column, so that the parts of one table share their schema
            boolean kept = fit.countSummary().get().background().kept();
            columns.add(new ParquetColumn.Doubles("background", true, fit::hasResult,
                    i -> kept ? ResultFolder.backgroundProportion(fit, i) : 0));
        }
        columns.add(new ParquetColumn.Strings("dominant", true, i -> {
            int d = dominant.getAtIndex(Layouts.I32, i);
            return d < 0 || !fit.hasResult(i) ? null : types.get(d);
        }));
        columns.add(new ParquetColumn.Strings("qc", false, i -> fit.status(i).label()));
        if (counts) {
            MemorySegment quality = fit.quality();
            MemorySegment poor = fit.poorFit();
            int q = CountModel.QUALITY.size();
            for (int c = 0; c < q; c++) {
                int column = c;
                columns.add(new ParquetColumn.Doubles(CountModel.QUALITY.get(c), true,
                        i -> fit.hasResult(i) && !Double.isNaN(quality.getAtIndex(Layouts.F64, i * q + column)),
                        i -> quality.getAtIndex(Layouts.F64, i * q + column)));
            }
            columns.add(new ParquetColumn.Booleans("poor_fit", false, i -> true,
                    i -> poor.get(ValueLayout.JAVA_BYTE, i) != 0));
        }
        ParquetWriter.write(file, fit.spots(), columns, createdBy);
    }
}
