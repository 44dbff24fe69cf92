package org.flashdeconv.io.spaceranger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.CountSources;
import org.flashdeconv.io.testdata.TestInputs;
import org.flashdeconv.io.text.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space Ranger outputs as they are (issue 12, item 6), on files shaped like Space Ranger 4's: a Visium HD bin folder
 * with {@code tissue_positions.parquet}, the bin matrix given as a file, and the cell segmentation.
 */
class SpaceRanger4Test {
    @TempDir
    Path dir;

    private static Path outs() {
        return TestInputs.path("spaceranger4/hd/outs");
    }

    private static double[] read(CountSource.Coordinates c, long n) throws IOException {
        double[] out = new double[(int) n * c.dim()];
        c.read(0, (int) n, out);
        return out;
    }

    private static Map<String, double[]> pixelsFromCsv() throws Exception {
        Map<String, double[]> m = new HashMap<>();
        try (CsvReader r = CsvReader.open(outs().resolve("../../parquet/tissue_positions.csv").normalize())) {
            r.next();
            while (r.next()) {
                m.put(r.field(0), new double[] {r.number(5, "col"), r.number(4, "row")});
            }
        }
        return m;
    }

    @Test
    void hdBinsUseMicronsFromBarcodesForTheGraphAndPixelsFromTheParquet() throws Exception {
        Map<String, double[]> px = pixelsFromCsv();
        for (Path input : List.of(outs(), outs().resolve("binned_outputs/square_008um"),
                outs().resolve("binned_outputs/square_008um/filtered_feature_bc_matrix.h5"))) {
            try (CountSource s = CountSources.open(input, CountSources.ReadOptions.DEFAULT)) {
                assertEquals(101, s.spots(), input.toString());
                List<String> barcodes = new ArrayList<>();
                s.forEachBarcode(barcodes::add);
                double[] um = read(s.coordinates().orElseThrow(), s.spots());
                double[] image = read(s.imagePixels().orElseThrow(), s.spots());
                for (int i = 0; i < barcodes.size(); i++) {
                    String[] parts = barcodes.get(i).split("[_-]");
                    assertEquals(Integer.parseInt(parts[3]) * 8.0, um[2 * i], barcodes.get(i));
                    assertEquals(Integer.parseInt(parts[2]) * 8.0, um[2 * i + 1], barcodes.get(i));
                    assertEquals(px.get(barcodes.get(i))[0], image[2 * i], barcodes.get(i));
                    assertEquals(px.get(barcodes.get(i))[1], image[2 * i + 1], barcodes.get(i));
                }
            }
        }
    }

    @Test
    void aBareMatrixFileWithoutPositionsBesideItHasNoCoordinates() throws Exception {
        Path h5 = Files.copy(outs().resolve("binned_outputs/square_008um/filtered_feature_bc_matrix.h5"),
                dir.resolve("filtered_feature_bc_matrix.h5"));
        assertNull(SpaceRangerSource.openBeside(h5));
        try (CountSource s = CountSources.open(h5, CountSources.ReadOptions.DEFAULT)) {
            assertTrue(s.coordinates().isEmpty());
        }
    }

    @Test
    void segmentedCellsSitAtTheCentroidsOfTheirPolygons() throws Exception {
        for (Path input : List.of(outs().resolve("segmented_outputs"),
                outs().resolve("segmented_outputs/filtered_feature_cell_matrix.h5"))) {
            try (CountSource s = CountSources.open(input, CountSources.ReadOptions.DEFAULT)) {
                assertEquals(16, s.spots());
                List<String> barcodes = new ArrayList<>();
                s.forEachBarcode(barcodes::add);
                assertEquals("cellid_000000001-1", barcodes.getFirst());
                double[] xy = read(s.coordinates().orElseThrow(), s.spots());
                // the generator's outlines: triangles (x, y), (x + 20, y), (x + 20, y + 20) with x, y multiples of
                // 24, whose area centroid is (x + 40/3, y + 20/3)
                for (int i = 0; i < 16; i++) {
                    assertEquals(0, Math.IEEEremainder(xy[2 * i] - 40.0 / 3, 24), 1e-9, "cell " + i + " x");
                    assertEquals(0, Math.IEEEremainder(xy[2 * i + 1] - 20.0 / 3, 24), 1e-9, "cell " + i + " y");
                }
                assertTrue(s.imagePixels().isEmpty());
            }
        }
    }

    @Test
    void aCellWithoutPolygonIsNamedAndCentroidsAreAreaWeighted() throws Exception {
        Path seg = Files.createDirectories(dir.resolve("segmented_outputs"));
        Files.copy(outs().resolve("segmented_outputs/filtered_feature_cell_matrix.h5"),
                seg.resolve("filtered_feature_cell_matrix.h5"));
        Files.writeString(seg.resolve("cell_segmentations.geojson"), "{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],"
                + "[0,2]]]},\"properties\":{\"cell_id\":1}}]}");
        SpaceRangerFormatException e = assertThrows(SpaceRangerFormatException.class,
                () -> CountSources.open(seg, CountSources.ReadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("cell_segmentations.geojson: no polygon for cell 'cellid_000000002-1'"),
                e.getMessage());
        assertEquals(List.of(1.0, 1.0), List.of(SegmentedCells.centroids(seg.resolve("cell_segmentations.geojson"))
                .get(1L)[0], SegmentedCells.centroids(seg.resolve("cell_segmentations.geojson")).get(1L)[1]));
    }
}
