package org.flashdeconv.io.spaceranger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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

    private TissuePositions(Path file, Map<String, double[]> inTissue, int listed) {
        this.file = file;
        this.inTissue = inTissue;
        this.listed = listed;
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
     * Reads one positions file; a first line starting with {@code barcode} is taken as a header naming the
     * columns, otherwise the columns are in the fixed order above.
     *
     * @throws SpaceRangerFormatException on a malformed line, a missing column or a duplicated barcode
     */
    public static TissuePositions parse(Path file) throws IOException {
        Map<String, double[]> inTissue = new HashMap<>();
        int[] col = {0, 1, 2, 3, 4, 5};
        int listed = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (lineNo == 1 && f[0].trim().equals("barcode")) {
                    col = header(file, f);
                    continue;
                }
                int need = 1 + Math.max(Math.max(col[0], col[1]), Math.max(col[4], col[5]));
                if (f.length < need) {
                    throw new SpaceRangerFormatException(file, lineNo, "expected at least " + need
                            + " comma-separated fields, found " + f.length);
                }
                String barcode = f[col[0]].trim();
                if (!seen.add(barcode)) {
                    throw new SpaceRangerFormatException(file, lineNo, "barcode " + barcode + " listed twice");
                }
                listed++;
                try {
                    if (Integer.parseInt(f[col[1]].trim()) == 1) {
                        double row = Double.parseDouble(f[col[4]].trim());
                        double column = Double.parseDouble(f[col[5]].trim());
                        inTissue.put(barcode, new double[] {column, row});
                    }
                } catch (NumberFormatException e) {
                    throw new SpaceRangerFormatException(file, lineNo, "not a number: " + e.getMessage());
                }
            }
        }
        return new TissuePositions(file, inTissue, listed);
    }

    private static int[] header(Path file, String[] names) throws SpaceRangerFormatException {
        int[] col = new int[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            col[c] = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].trim().equals(COLUMNS[c])) {
                    col[c] = i;
                }
            }
            if (col[c] < 0 && c != 2 && c != 3) {
                throw new SpaceRangerFormatException(file, 1, "header has no column " + COLUMNS[c]);
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

    /** The (x = pixel column, y = pixel row) of an in-tissue barcode, or null if it is not in tissue or absent. */
    public double[] position(String barcode) {
        return inTissue.get(barcode);
    }
}
