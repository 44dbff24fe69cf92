package org.flashdeconv.io.spaceranger;

import static org.flashdeconv.io.testdata.TestInputs.barcodes;
import static org.flashdeconv.io.testdata.TestInputs.checkSpotMajorOrder;
import static org.flashdeconv.io.testdata.TestInputs.coordinates;
import static org.flashdeconv.io.testdata.TestInputs.dense;
import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.flashdeconv.io.testdata.TestInputs.truth;
import static org.flashdeconv.io.testdata.TestInputs.truthMatrix;
import static org.flashdeconv.io.testdata.TestInputs.truthNumbers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.io.source.CountSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpaceRangerSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"visium", "visium/outs", "visium_list", "visium_list/outs"})
    void visiumKeepsInTissueSpotsWithPixelCoordinates(String folder) throws IOException {
        try (CountSource s = SpaceRangerSource.open(path("spaceranger/" + folder), null, SpaceRangerSource.h5Only())) {
            assertEquals(12, s.spots());
            assertEquals(List.of(truth("barcodes")), barcodes(s));
            assertEquals(List.of(truth("genes")), s.geneNames());
            assertArrayEquals(truthMatrix("counts", 9), dense(s));
            assertArrayEquals(truthMatrix("xy", 2), coordinates(s));
            assertTrue(s.spotMajor());
            checkSpotMajorOrder(s);
        }
    }

    @Test
    void matrixSpotsMissingFromThePositionsAreCountedInAWarning(@TempDir Path dir) throws IOException {
        Path outs = Files.createDirectories(dir.resolve("outs/spatial"));
        Path from = path("spaceranger/visium/outs");
        Files.copy(from.resolve("filtered_feature_bc_matrix.h5"), dir.resolve("outs/filtered_feature_bc_matrix.h5"));
        List<String> lines = Files.readAllLines(from.resolve("spatial/tissue_positions.csv"));
        try (CountSource s = SpaceRangerSource.open(from, null, SpaceRangerSource.h5Only())) {
            assertEquals(List.of(), s.warnings(), "every spot listed");
        }
        List<String> inTissue = lines.stream().filter(l -> l.split(",")[1].equals("1")).toList();
        List<String> dropped = inTissue.subList(0, 2).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
        List<String> kept = new java.util.ArrayList<>(lines);
        kept.remove(inTissue.get(0));
        kept.remove(inTissue.get(1));
        Files.write(outs.resolve("tissue_positions.csv"), kept);
        try (CountSource s = SpaceRangerSource.open(dir.resolve("outs"), null, SpaceRangerSource.h5Only())) {
            assertEquals(10, s.spots());
            assertEquals(1, s.warnings().size(), s.warnings().toString());
            String w = s.warnings().get(0);
            assertTrue(w.startsWith("2 of the ") && w.endsWith("') and were left out")
                    && dropped.stream().anyMatch(b -> w.contains("tissue_positions.csv (e.g. '" + b + "')")), w);
        }
    }

    @Test
    void visiumMexFolderDropsAntibodyFeaturesLikeTheH5() throws IOException {
        try (CountSource s = SpaceRangerSource.open(path("spaceranger/visium_mex"), null)) {
            assertEquals(List.of(truth("genes")), s.geneNames());
            assertEquals(List.of(truth("gene_ids")), s.geneIds());
            assertEquals(List.of(truth("barcodes")), barcodes(s));
            assertArrayEquals(truthMatrix("counts", 9), dense(s));
            assertArrayEquals(truthMatrix("xy", 2), coordinates(s));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void visiumHdCoordinatesComeFromTheBarcodes(int bin) throws IOException {
        try (CountSource s = SpaceRangerSource.open(path("spaceranger/visium_hd"), bin, SpaceRangerSource.h5Only())) {
            double[] rc = truthNumbers("hd_rc");
            double[][] xy = coordinates(s);
            for (int i = 0; i < 12; i++) {
                assertEquals(rc[2 * i + 1] * bin, xy[i][0]);
                assertEquals(rc[2 * i] * bin, xy[i][1]);
            }
            double[][] counts = truthMatrix("counts", 9);
            double[][] got = dense(s);
            for (int i = 0; i < 12; i++) {
                for (int g = 0; g < 9; g++) {
                    assertEquals(counts[i][g] * (bin / 8), got[i][g]);
                }
            }
            assertEquals(String.format("s_%03dum_00301_00154-1", bin), barcodes(s).get(0));
        }
    }

    @Test
    void visiumHdDefaultsToEightMicronsAndAcceptsABinFolder() throws IOException {
        try (CountSource outs = SpaceRangerSource.open(path("spaceranger/visium_hd/outs"), null,
                SpaceRangerSource.h5Only());
             CountSource bins = SpaceRangerSource.open(path("spaceranger/visium_hd/outs/binned_outputs/square_016um"),
                     null, SpaceRangerSource.h5Only())) {
            assertTrue(barcodes(outs).get(0).startsWith("s_008um_"));
            assertTrue(barcodes(bins).get(0).startsWith("s_016um_"));
        }
    }

    @Test
    void missingBinSizeListsTheAvailableOnes() {
        SpaceRangerFormatException e = assertThrows(SpaceRangerFormatException.class,
                () -> SpaceRangerSource.open(path("spaceranger/visium_hd"), 2, SpaceRangerSource.h5Only()));
        assertTrue(e.getMessage().contains("no square_002um folder (found [square_008um, square_016um]"),
                e.getMessage());
    }

    @Test
    void scaleFactorBinSizeWinsOverTheBarcode(@TempDir Path dir) throws IOException {
        Path bins = dir.resolve("square_008um");
        Files.createDirectories(bins.resolve("spatial"));
        Files.copy(path("spaceranger/visium_hd/outs/binned_outputs/square_008um/filtered_feature_bc_matrix.h5"),
                bins.resolve("filtered_feature_bc_matrix.h5"));
        Files.writeString(bins.resolve("spatial/scalefactors_json.json"), "{\"bin_size_um\": 7.5}");
        try (CountSource s = SpaceRangerSource.open(bins, null, SpaceRangerSource.h5Only())) {
            assertEquals(154 * 7.5, coordinates(s)[0][0]);
            assertEquals(301 * 7.5, coordinates(s)[0][1]);
        }
    }

    @Test
    void folderWithoutPositionsOrMatrix(@TempDir Path dir) throws IOException {
        SpaceRangerFormatException e = assertThrows(SpaceRangerFormatException.class,
                () -> SpaceRangerSource.open(dir, null, SpaceRangerSource.h5Only()));
        assertTrue(e.getMessage().contains("no spatial/ folder"), e.getMessage());
        Files.createDirectories(dir.resolve("spatial"));
        e = assertThrows(SpaceRangerFormatException.class,
                () -> SpaceRangerSource.open(dir, null, SpaceRangerSource.h5Only()));
        assertTrue(e.getMessage().contains("no tissue_positions.csv"), e.getMessage());
        Files.writeString(dir.resolve("spatial/tissue_positions_list.csv"), "AAAC-1,1,0,0,1.5\n");
        e = assertThrows(SpaceRangerFormatException.class,
                () -> SpaceRangerSource.open(dir, null, SpaceRangerSource.h5Only()));
        assertTrue(e.getMessage().contains("tissue_positions_list.csv line 1: expected at least 6"), e.getMessage());
        Files.writeString(dir.resolve("spatial/tissue_positions_list.csv"), "AAAC-1,1,0,0,1.5,2\n");
        e = assertThrows(SpaceRangerFormatException.class,
                () -> SpaceRangerSource.open(dir, null, SpaceRangerSource.h5Only()));
        assertTrue(e.getMessage().contains("no filtered_feature_bc_matrix.h5"), e.getMessage());
        e = assertThrows(SpaceRangerFormatException.class, () -> SpaceRangerSource.open(dir, null));
        assertTrue(e.getMessage().endsWith("no filtered_feature_bc_matrix.h5 or filtered_feature_bc_matrix/ folder"),
                e.getMessage());
    }

    @Test
    void positionsHeaderNamesTheColumns(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("tissue_positions.csv"), """
                barcode,pxl_col_in_fullres,pxl_row_in_fullres,in_tissue
                A-1,10.5,20.25,1
                B-1,1,2,0
                """);
        TissuePositions p = TissuePositions.parse(csv);
        assertEquals(2, p.listed());
        assertEquals(1, p.inTissue());
        assertArrayEquals(new double[] {10.5, 20.25}, p.position("A-1"));
        assertEquals(null, p.position("B-1"));
    }
}
