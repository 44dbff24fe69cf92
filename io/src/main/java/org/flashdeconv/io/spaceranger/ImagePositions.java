package org.flashdeconv.io.spaceranger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.parquet.ParquetReader;
import org.flashdeconv.io.text.TextNames;

/**
 * The full-resolution image position of each bin of a Visium HD bin folder, from Space Ranger's
 * {@code spatial/tissue_positions.parquet} (or a {@code tissue_positions.csv} beside it): x = pixel column
 * ({@code pxl_col_in_fullres}), y = pixel row ({@code pxl_row_in_fullres}). The file lists every bin of the
 * capture area; the matrix's bins are looked up by barcode.
 */
final class ImagePositions {
    private static final String PIXEL_ROW = "pxl_row_in_fullres";
    private static final String PIXEL_COL = "pxl_col_in_fullres";

    private ImagePositions() {
    }

    /**
     * Reads the pixel positions of {@code barcodes}, in their order ({@code 2 * n} values).
     *
     * @return the positions, or null when the folder has no positions file
     * @throws SpaceRangerFormatException if a barcode is not listed, or a position is not finite
     * @throws IOException                if the file cannot be read
     */
    static double[] of(Path spatialDir, List<String> barcodes) throws IOException {
        Path parquet = spatialDir.resolve("tissue_positions.parquet");
        Path csv = spatialDir.resolve("tissue_positions.csv");
        Map<String, Integer> index = new HashMap<>(barcodes.size() * 2);
        for (int i = 0; i < barcodes.size(); i++) {
            index.put(barcodes.get(i), i);
        }
        double[] px = new double[2 * barcodes.size()];
        java.util.Arrays.fill(px, Double.NaN);
        Path source;
        if (Files.isRegularFile(parquet)) {
            source = parquet;
            try (ParquetReader r = ParquetReader.open(parquet)) {
                r.read(List.of("barcode", PIXEL_COL, PIXEL_ROW), (rows, cols) -> {
                    String[] b = (String[]) cols[0];
                    double[] x = (double[]) cols[1];
                    double[] y = (double[]) cols[2];
                    for (int i = 0; i < rows; i++) {
                        Integer at = b[i] == null ? null : index.get(b[i]);
                        if (at != null) {
                            px[2 * at] = x[i];
                            px[2 * at + 1] = y[i];
                        }
                    }
                });
            }
        } else if (Files.isRegularFile(csv)) {
            source = csv;
            TissuePositions all = TissuePositions.parseAll(csv);
            for (int i = 0; i < barcodes.size(); i++) {
                double[] p = all.position(barcodes.get(i));
                if (p != null) {
                    px[2 * i] = p[0];
                    px[2 * i + 1] = p[1];
                }
            }
        } else {
            return null;
        }
        for (int i = 0; i < barcodes.size(); i++) {
            if (!Double.isFinite(px[2 * i]) || !Double.isFinite(px[2 * i + 1])) {
                throw new SpaceRangerFormatException(source, "bin '" + TextNames.visible(barcodes.get(i))
                        + "' of the matrix has no finite pixel position (" + PIXEL_COL + ", " + PIXEL_ROW + ")");
            }
        }
        return px;
    }
}
