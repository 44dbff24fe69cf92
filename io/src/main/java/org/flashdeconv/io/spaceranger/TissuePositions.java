package org.flashdeconv.io.spaceranger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.flashdeconv.io.text.CsvReader;
import org.flashdeconv.io.text.TextNames;

/**
 * A Visium {@code spatial/tissue_positions.csv} (Space Ranger 2+, with a header) or
 * {@code tissue_positions_list.csv} (older, no header): columns barcode, in_tissue, array_row, array_col,
 * pxl_row_in_fullres, pxl_col_in_fullres. Keeps the in-tissue spots with x = pixel column and y = pixel row of
 * the full-resolution image.
 */
public final class TissuePositions {
    private static final String[] COLUMNS = {"barcode", "in_tissue", "array_row", "array_col",
        "pxl_row_in_fullres", "pxl_col_in_fullres"};

    private final Path file;
    private final Map<String, double[]> inTissue;
    private final int listed;
    private final Set<String> all;

    private TissuePositions(Path file, Map<String, double[]> inTissue, Set<String> all) {
        this.file = file;
        this.inTissue = inTissue;
        this.listed = all.size();
        this.all = all;
    }

    /**
     * Finds and reads {@code tissue_positions.csv} or {@code tissue_positions_list.csv} in {@code spatialDir}.
     *
     * @throws SpaceRangerFormatException if neither file exists or a line is malformed
     */
    public static TissuePositions read(Path spatialDir) throws IOException {
        for (String name : new String[] {"tissue_positions.csv", "tissue_positions_list.csv"}) {
            Path p = spatialDir.resolve(name);
            if (Files.isRegularFile(p)) {
                return parse(p);
            }
        }
        throw new SpaceRangerFormatException(spatialDir, "no tissue_positions.csv or tissue_positions_list.csv");
    }

    /**
     * Reads one positions file (RFC 4180 CSV); a first line starting with {@code barcode} is a header and the
     * columns are found by name, otherwise the file must have the six columns in the fixed order above.
     *
     * @throws SpaceRangerFormatException on a malformed line, a missing column, an in_tissue other than 0/1 or a
     *                                    duplicated barcode
     */
    public static TissuePositions parse(Path file) throws IOException {
        return parse(file, true);
    }

    /** As {@link #parse(Path)}, keeping every listed barcode (in tissue or not). */
    static TissuePositions parseAll(Path file) throws IOException {
        return parse(file, false);
    }

    private static TissuePositions parse(Path file, boolean inTissueOnly) throws IOException {
        Map<String, double[]> inTissue = new HashMap<>();
        int[] col = {0, 1, 2, 3, 4, 5};
        int listed = 0;
        Set<String> seen = new HashSet<>();
        try (CsvReader r = CsvReader.open(file, SpaceRangerFormatException::new)) {
            boolean first = true;
            while (r.next()) {
                if (first && r.field(0).strip().equals("barcode")) {
                    first = false;
                    col = header(r);
                    continue;
                }
                if (first && r.fields() != COLUMNS.length) {
                    throw r.error("expected at least 6 fields (Space Ranger's barcode,in_tissue,array_row,array_col,"
                            + "pxl_row_in_fullres,pxl_col_in_fullres) or a header naming them, found " + r.fields());
                }
                first = false;
                int need = 1 + Math.max(Math.max(col[0], col[1]), Math.max(col[4], col[5]));
                if (r.fields() < need) {
                    throw r.error("expected at least " + need + " fields, found " + r.fields());
                }
                String barcode = r.field(col[0]);
                if (!seen.add(barcode)) {
                    throw r.error("barcode '" + TextNames.visible(barcode) + "' listed twice");
                }
                listed++;
                double flag = r.number(col[1], "in_tissue");
                if (flag != 0 && flag != 1) {
                    throw r.error("in_tissue is '" + r.field(col[1]) + "' (expected 0 or 1)");
                }
                if (flag == 1 || !inTissueOnly) {
                    double row = r.number(col[4], "pxl_row_in_fullres");
                    double column = r.number(col[5], "pxl_col_in_fullres");
                    if (!Double.isFinite(row) || !Double.isFinite(column)) {
                        throw r.error("pixel position of barcode '" + TextNames.visible(barcode) + "' is not finite");
                    }
                    inTissue.put(barcode, new double[] {column, row});
                }
            }
        }
        return new TissuePositions(file, inTissue, seen);
    }

    private static int[] header(CsvReader r) throws IOException {
        int[] col = new int[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            col[c] = -1;
            for (int i = 0; i < r.fields(); i++) {
                if (r.field(i).strip().equals(COLUMNS[c])) {
                    col[c] = i;
                }
            }
            if (col[c] < 0 && c != 2 && c != 3) {
                throw r.error("header has no column " + COLUMNS[c]);
            }
        }
        return col;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Number of barcodes listed (in tissue or not). */
    public int listed() {
        return listed;
    }

    /** Number of in-tissue barcodes. */
    public int inTissue() {
        return inTissue.size();
    }

    /** Whether the file lists {@code barcode} at all (in tissue or not). */
    public boolean lists(String barcode) {
        return all.contains(barcode);
    }

    /** The (x = pixel column, y = pixel row) of an in-tissue barcode, or null if it is not in tissue or absent. */
    public double[] position(String barcode) {
        return inTissue.get(barcode);
    }
}
