package org.flashdeconv.io.result;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.atomic.NamedChannel;
import org.flashdeconv.io.atomic.TemporaryFiles;
import org.flashdeconv.io.text.CsvWriter;

/**
 * Writes the files of one fit into a result folder:
 * <ul>
 *   <li>{@code proportions.csv}: {@code barcode,<type>,...,qc}, rows in spot order; {@code qc} is {@code ok},
 *       {@code no_counts} for a spot without counts on the genes used, or {@code no_fit} for a spot whose fitted
 *       abundances are all zero; the proportions of those two are left empty;</li>
 *   <li>{@code abundances.csv}: β in the same layout (no qc column);</li>
 *   <li>{@code dominant.csv}: {@code barcode,dominant_type} (empty for spots without a result);</li>
 *   <li>{@code coordinates.csv}: {@code barcode,x,y[,z]}, what {@code flashdeconv plot} draws with (for Visium
 *       HD read from Space Ranger, {@code barcode,x_um,y_um,x_px,y_px}: see {@link #writeTables});</li>
 *   <li>{@code genes_used.txt}: the selected genes, one name a line, in model order;</li>
 *   <li>{@code summary.json}: given by the caller;</li>
 *   <li>with the count model ({@code --model counts}, docs/algorithm.md §29): a {@code background} column after the
 *       types in {@code proportions.csv} and {@code abundances.csv} when the background was kept, and
 *       {@code quality.csv} ({@link QualityCsv}).</li>
 * </ul>
 * Every file appears under its name only when complete.
 */
@SuppressWarnings("exports") // BlockExecutor is exported to io and cli, the modules that write results
public final class ResultFolder {
    /** The qc value of a spot with counts. */
    public static final String QC_OK = "ok";
    /** The qc value of a spot without counts on the genes used. */
    public static final String QC_NO_COUNTS = "no_counts";
    /** The qc value of a spot with counts whose fitted abundances are all zero. */
    public static final String QC_NO_FIT = "no_fit";

    /** The files a run writes into a result folder (and each {@code lambda_<value>/} folder). */
    public static final Set<String> FILE_NAMES = Set.of("proportions.csv", "abundances.csv", "dominant.csv",
            "coordinates.csv", "genes_used.txt", "summary.json", "proportions.png", "dominant.png", "quality.csv");

    private ResultFolder() {
    }

    /**
     * True for a name a run writes in a result folder: one of {@link #FILE_NAMES} or a {@code lambda_<value>} folder.
     * A result folder that holds anything else is not replaced (see {@link org.flashdeconv.io.atomic.StagedFolder}).
     */
    public static boolean isResultName(String name) {
        return FILE_NAMES.contains(name) || name.startsWith("lambda_");
    }

    /**
     * Writes the folder (created if missing; files of an earlier run are replaced).
     *
     * @param folder      the result folder
     * @param fit         the fit (open)
     * @param barcode     the barcode of a spot (called from worker threads)
     * @param coords      the coordinates the fit used
     * @param geneNames   names of the model's gene axis (the selected genes are indices into it)
     * @param summaryJson the content of {@code summary.json}
     * @param ex          formats blocks of rows in parallel
     * @throws IOException if a file cannot be written
     */
    public static void write(Path folder, FitResult fit, LongFunction<String> barcode, CoordsView coords,
                             List<String> geneNames, String summaryJson, BlockExecutor ex) throws IOException {
        writeTables(folder, fit, BarcodeField.of(barcode), coords, null, geneNames, ex);
        writeText(folder.resolve("summary.json"), summaryJson);
    }

    /**
     * Writes the folder but {@code summary.json}, which the caller writes last ({@link #writeText}) so that it can
     * report the whole run, the writing of these files included (their peak memory, for one). The per-spot tables
     * are written in one pass over the spots.
     *
     * @param pixels null, or each spot's full-resolution image pixel ({@code 2 n} values, row-major: x = column,
     *               y = row) for Visium HD read from Space Ranger: {@code coordinates.csv} is then
     *               {@code barcode,x_um,y_um,x_px,y_px}, the µm coordinates the fit used and the pixel, so a result
     *               can be laid over the H&amp;E image
     * @throws IOException              if a file cannot be written
     * @throws IllegalArgumentException if pixels are given and the coordinates are not 2-D or the pixels not
     *                                  {@code 2 n}
     */
    public static void writeTables(Path folder, FitResult fit, BarcodeField barcode, CoordsView coords,
                                   double[] pixels, List<String> geneNames, BlockExecutor ex) throws IOException {
        long n = fit.spots();
        if (pixels != null && (coords.dim() != 2 || pixels.length != 2 * n)) {
            throw new IllegalArgumentException("coordinates: expected 2-D coordinates and " + 2 * n
                    + " pixel values, found " + coords.dim() + "-D and " + pixels.length);
        }
        TemporaryFiles.createDirectories(folder);
        List<String> types = fit.cellTypeNames();
        LongFunction<String> qc = i -> fit.status(i).label();
        boolean background = fit.countSummary().map(c -> c.background().kept()).orElse(false);
        List<TextTable.Table> tables = new ArrayList<>();
        tables.add(MatrixCsv.table(folder.resolve("proportions.csv"), types, n, fit.proportions(),
                background ? "background" : null, background ? i -> backgroundProportion(fit, i) : null, qc));
        tables.add(MatrixCsv.table(folder.resolve("abundances.csv"), types, n, fit.abundances(),
                background ? "background" : null,
                background ? i -> fit.background().getAtIndex(Layouts.F64, i) : null, null));
        if (fit.countSummary().isPresent()) {
            tables.add(QualityCsv.table(folder.resolve("quality.csv"), fit));
        }
        MemorySegment dominant = fit.dominantCellType();
        String[] typeFields = new String[types.size()];
        for (int t = 0; t < typeFields.length; t++) {
            typeFields[t] = CsvWriter.field(types.get(t));
        }
        tables.add(new TextTable.Table(folder.resolve("dominant.csv"), "barcode,dominant_type", (i, out) -> {
            int k = dominant.getAtIndex(Layouts.I32, i);
            out.append(',');
            if (k >= 0 && fit.hasResult(i)) {
                out.appendText(typeFields[k]);
            }
        }));
        tables.add(pixels == null ? coordinates(folder, coords, n) : pixelCoordinates(folder, coords, pixels));
        TextTable.write(tables, n, barcode, ex);
        StringBuilder genes = new StringBuilder();
        for (int g : fit.geneIndices()) {
            genes.append(geneNames.get(g)).append('\n');
        }
        writeText(folder.resolve("genes_used.txt"), genes.toString());
    }

    private static TextTable.Table coordinates(Path folder, CoordsView coords, long n) {
        List<String> axes = coords.dim() == 3 ? List.of("x", "y", "z")
                : coords.dim() == 2 ? List.of("x", "y") : axisNames(coords.dim());
        return MatrixCsv.table(folder.resolve("coordinates.csv"), axes, n, coords.data(), null, null, null);
    }

    private static TextTable.Table pixelCoordinates(Path folder, CoordsView um, double[] pixels) {
        MemorySegment xy = um.data();
        return new TextTable.Table(folder.resolve("coordinates.csv"), "barcode,x_um,y_um,x_px,y_px", (i, out) -> {
            out.append(',').appendNumber(xy.getAtIndex(Layouts.F64, 2 * i));
            out.append(',').appendNumber(xy.getAtIndex(Layouts.F64, 2 * i + 1));
            out.append(',').appendNumber(pixels[(int) (2 * i)]);
            out.append(',').appendNumber(pixels[(int) (2 * i + 1)]);
        });
    }

    /** 1 − Σ_k proportions: the background's share in the proportions' units (NaN for a spot without a result). */
    static double backgroundProportion(FitResult fit, long spot) {
        if (!fit.hasResult(spot)) {
            return Double.NaN;
        }
        int k = fit.cellTypes();
        double sum = 0;
        for (int t = 0; t < k; t++) {
            sum += fit.proportions().getAtIndex(Layouts.F64, spot * k + t);
        }
        return Math.max(0, 1 - sum);
    }

    /** Writes a small text file atomically. */
    public static void writeText(Path file, String text) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(file)) {
            try (OutputStream o = NamedChannel.newOutputStream(out.temp(), file)) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }

    private static List<String> axisNames(int dim) {
        String[] names = new String[dim];
        for (int c = 0; c < dim; c++) {
            names[c] = "c" + c;
        }
        return List.of(names);
    }
}
