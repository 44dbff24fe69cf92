package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.testdata.TestInputs;
import org.flashdeconv.io.text.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space Ranger 4-shaped Visium HD outputs through {@code deconvolve} (issue 12, item 6): a bin folder with
 * {@code tissue_positions.parquet} gives {@code coordinates.csv} with µm and image pixels, the bin matrix given as
 * a file finds its {@code spatial/}, and segmented cells are deconvolved at their centroids. The reference is the
 * demo's single-cell MEX folder, whose genes the generated slide uses.
 */
class SpaceRangerOutputsTest {
    private static final String HD = "spaceranger4/hd/outs/";

    @TempDir
    Path dir;

    private Path reference() throws IOException {
        Path ref = Files.createDirectories(dir.resolve("reference"));
        for (String f : List.of("matrix.mtx.gz", "features.tsv.gz", "barcodes.tsv.gz", "cell_types.csv.gz")) {
            try (InputStream in = getClass().getResourceAsStream("/org/flashdeconv/cli/demo/visium_lymphnode_reference/"
                    + f)) {
                Files.copy(in, ref.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return ref;
    }

    private Path bins() {
        TestInputs.path(HD + "binned_outputs/square_008um/spatial/tissue_positions.parquet");
        TestInputs.path(HD + "binned_outputs/square_008um/spatial/scalefactors_json.json");
        return TestInputs.path(HD + "binned_outputs/square_008um/filtered_feature_bc_matrix.h5");
    }

    private Result deconvolve(Path spatial, Path out) throws IOException {
        Path ref = reference();
        return run("deconvolve", "--spatial", spatial.toString(), "--reference", ref.toString(), "--cell-types",
                ref.resolve("cell_types.csv.gz").toString(), "-o", out.toString(), "-q", "--threads", "1",
                "--min-cells", "1");
    }

    private static List<List<String>> table(Path csv) throws IOException {
        return CsvReader.readAll(csv);
    }

    @Test
    void hdBinsWriteMicronsAndImagePixelsAndPlot() throws IOException {
        Path h5 = bins();
        for (Path spatial : List.of(h5.getParent(), h5)) {
            Path out = dir.resolve("out" + spatial.getFileName());
            Result r = deconvolve(spatial, out);
            assertEquals(0, r.code(), r.err());
            List<List<String>> c = table(out.resolve("coordinates.csv"));
            assertEquals(List.of("barcode", "x_um", "y_um", "x_px", "y_px"), c.getFirst());
            assertEquals(102, c.size());
            List<String> first = c.get(1);
            String[] rc = first.getFirst().split("[_-]");
            assertEquals(Integer.parseInt(rc[3]) * 8.0, Double.parseDouble(first.get(1)));
            assertEquals(Integer.parseInt(rc[2]) * 8.0, Double.parseDouble(first.get(2)));
            assertTrue(Double.parseDouble(first.get(4)) > 20_000, first.toString()); // pixel rows near 27000
            Result plot = run("plot", out.toString(), "-q");
            assertEquals(0, plot.code(), plot.err());
        }
    }

    @Test
    void segmentedCellsAreDeconvolvedAtTheirCentroids() throws IOException {
        TestInputs.path(HD + "segmented_outputs/cell_segmentations.geojson");
        Path cells = TestInputs.path(HD + "segmented_outputs/filtered_feature_cell_matrix.h5").getParent();
        Result r = deconvolve(cells, dir.resolve("cells"));
        assertEquals(0, r.code(), r.err());
        List<List<String>> p = table(dir.resolve("cells/proportions.csv"));
        assertEquals(17, p.size());
        assertEquals("cellid_000000001-1", p.get(1).getFirst());
        assertEquals(List.of("barcode", "x", "y"), table(dir.resolve("cells/coordinates.csv")).getFirst());
    }

    @Test
    void aStoreIsRecognisedByItsMagicNotItsName() throws IOException {
        Path store = dir.resolve("slide_without_extension");
        Result c = run("convert", bins().getParent().toString(), "-o", store.toString(), "-q");
        assertEquals(0, c.code(), c.err());
        Result r = deconvolve(store, dir.resolve("from_store"));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("barcode", "x", "y"), table(dir.resolve("from_store/coordinates.csv")).getFirst());
    }

    @Test
    void visiumSpotsMissingFromThePositionsAreWarnedAbout() throws IOException {
        Path h5 = TestInputs.path("spaceranger/visium/outs/filtered_feature_bc_matrix.h5");
        Path positions = TestInputs.path("spaceranger/visium/outs/spatial/tissue_positions.csv");
        Path outs = Files.createDirectories(dir.resolve("visium/outs/spatial")).getParent();
        Files.copy(h5, outs.resolve("filtered_feature_bc_matrix.h5"));
        List<String> lines = new ArrayList<>(Files.readAllLines(positions));
        lines.remove(lines.stream().filter(l -> l.split(",")[1].equals("1")).findFirst().orElseThrow());
        Files.write(outs.resolve("spatial/tissue_positions.csv"), lines);
        Result c = run("convert", outs.toString(), "-o", dir.resolve("v.fdstore").toString(), "-q");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("warning: 1 of the ") && c.err().contains(" are not listed in "), c.err());
    }

    @Test
    void vanishingSpotsAreCountedForConvertAndDeconvolveAndInBothPositionLayouts() throws IOException {
        Path h5 = TestInputs.path("spaceranger/visium/outs/filtered_feature_bc_matrix.h5");
        Path positions = TestInputs.path("spaceranger/visium/outs/spatial/tissue_positions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(positions));
        List<String> inTissue = lines.stream().filter(l -> l.split(",")[1].equals("1")).toList();
        // three in-tissue spots of the matrix left out of the positions: new header layout, then the old headerless
        // tissue_positions_list.csv
        lines.removeAll(inTissue.subList(0, 3));
        for (boolean old : new boolean[] {false, true}) {
            Path outs = Files.createDirectories(dir.resolve((old ? "old" : "new") + "/outs/spatial")).getParent();
            Files.copy(h5, outs.resolve("filtered_feature_bc_matrix.h5"));
            Files.write(outs.resolve(old ? "spatial/tissue_positions_list.csv" : "spatial/tissue_positions.csv"),
                    old ? lines.subList(1, lines.size()) : lines);
            String warning = "3 of the 15 spots of "; // the matrix holds 15 spots
            List<String> removed = inTissue.subList(0, 3).stream().map(l -> "'" + l.split(",")[0] + "'").toList();
            Result c = run("convert", outs.toString(), "-o", dir.resolve(old + ".fdstore").toString(), "-q");
            assertEquals(0, c.code(), c.err());
            assertTrue(c.err().contains("warning: " + warning) && c.err().contains(" are not listed in ")
                    && removed.stream().anyMatch(b -> c.err().contains("(e.g. " + b + ")")), c.err());
            Path out = dir.resolve(old + "-out");
            Result d = run("deconvolve", "--spatial", outs.toString(), "--reference", reference().toString(),
                    "--cell-types", dir.resolve("reference/cell_types.csv.gz").toString(), "-o", out.toString(), "-q",
                    "--threads", "1", "--min-cells", "1", "--min-overlap", "1");
            assertEquals(0, d.code(), d.err());
            assertTrue(d.err().contains("warning: " + warning), d.err());
            String summary = Files.readString(out.resolve("summary.json"));
            assertTrue(summary.contains("input_warnings") && summary.contains(warning), summary);
            assertEquals(inTissue.size() - 3 + 1, Files.readAllLines(out.resolve("proportions.csv")).size());
        }
    }
}
