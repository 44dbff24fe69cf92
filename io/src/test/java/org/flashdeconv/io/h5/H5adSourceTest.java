package org.flashdeconv.io.h5;

import static org.flashdeconv.io.testdata.TestInputs.barcodes;
import static org.flashdeconv.io.testdata.TestInputs.checkSpotMajorOrder;
import static org.flashdeconv.io.testdata.TestInputs.coordinates;
import static org.flashdeconv.io.testdata.TestInputs.dense;
import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.flashdeconv.io.testdata.TestInputs.truth;
import static org.flashdeconv.io.testdata.TestInputs.truthMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class H5adSourceTest {
    private static final int GENES = 9;

    private static void assertTruth(H5adSource s) throws IOException {
        assertEquals(12, s.spots());
        assertEquals(List.of(truth("genes")), s.geneNames());
        assertEquals(List.of(truth("gene_ids")), s.geneIds());
        assertEquals(List.of(truth("barcodes")), barcodes(s));
        assertArrayEquals(truthMatrix("counts", GENES), dense(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csr_gzip.h5ad", "csc_lzf.h5ad", "dense_f32.h5ad", "dense_int_nocoords.h5ad",
            "old_style.h5ad"})
    void everyVariantReadsTheSameMatrix(String file) throws IOException {
        try (H5adSource s = H5adSource.open(path("h5ad/" + file), H5adSource.Options.DEFAULT)) {
            assertTruth(s);
            if (s.spotMajor()) {
                long nonZero = Arrays.stream(truth("counts")).filter(v -> !v.equals("0")).count();
                assertEquals(nonZero, checkSpotMajorOrder(s));
            }
        }
    }

    @Test
    void cscIsNotSpotMajorAndCsrIs() throws IOException {
        try (H5adSource csc = H5adSource.open(path("h5ad/csc_lzf.h5ad"), H5adSource.Options.DEFAULT);
             H5adSource csr = H5adSource.open(path("h5ad/csr_gzip.h5ad"), H5adSource.Options.DEFAULT)) {
            assertFalse(csc.spotMajor());
            assertTrue(csr.spotMajor());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csr_gzip.h5ad", "csc_lzf.h5ad", "dense_f32.h5ad", "old_style.h5ad"})
    void coordinatesFromObsmOrObsColumns(String file) throws IOException {
        try (H5adSource s = H5adSource.open(path("h5ad/" + file), H5adSource.Options.DEFAULT)) {
            assertArrayEquals(truthMatrix("xy", 2), coordinates(s));
        }
    }

    @Test
    void arrayRowAndColumnAreTheLastResort() throws IOException {
        try (H5adSource s = H5adSource.open(path("h5ad/dense_layer.h5ad"), H5adSource.Options.DEFAULT)) {
            assertArrayEquals(truthMatrix("array_rc", 2), coordinates(s));
        }
    }

    @Test
    void explicitSpatialKey() throws IOException {
        try (H5adSource s = H5adSource.open(path("h5ad/csc_lzf.h5ad"), new H5adSource.Options(null, false, "alt"))) {
            double[][] expected = truthMatrix("xy", 2);
            double[][] got = coordinates(s);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i][0] * 10, got[i][0], 1e-9);
                assertEquals(expected[i][1] * 10, got[i][1], 1e-9);
            }
        }
        H5FormatException e = assertThrows(H5FormatException.class, () -> H5adSource.open(
                path("h5ad/csc_lzf.h5ad"), new H5adSource.Options(null, false, "nope")));
        assertTrue(e.getMessage().contains("obsm/nope"), e.getMessage());
    }

    @Test
    void noCoordinatesIsEmpty() throws IOException {
        try (H5adSource s = H5adSource.open(path("h5ad/dense_int_nocoords.h5ad"), H5adSource.Options.DEFAULT)) {
            assertTrue(s.coordinates().isEmpty());
        }
    }

    @Test
    void layerReplacesX() throws IOException {
        try (H5adSource x = H5adSource.open(path("h5ad/dense_layer.h5ad"), H5adSource.Options.DEFAULT);
             H5adSource layer = H5adSource.open(path("h5ad/dense_layer.h5ad"),
                     new H5adSource.Options("counts", false, null))) {
            assertFalse(x.leadingValuesAreIntegers(1000));
            assertTrue(layer.leadingValuesAreIntegers(1000));
            assertTruth(layer);
            assertEquals("layers/counts", layer.matrixPath());
            double[][] half = dense(x);
            double[][] counts = truthMatrix("counts", GENES);
            assertEquals(counts[0][2] * 0.5, half[0][2]);
        }
        H5FormatException e = assertThrows(H5FormatException.class, () -> H5adSource.open(
                path("h5ad/dense_layer.h5ad"), new H5adSource.Options("spliced", false, null)));
        assertTrue(e.getMessage().contains("layers/spliced"), e.getMessage());
    }

    @Test
    void oldStyleCategoricalObsColumn() throws IOException {
        try (H5adSource s = H5adSource.open(path("h5ad/old_style.h5ad"), H5adSource.Options.DEFAULT)) {
            String[] region = s.obs().strings("region");
            assertEquals("cortex", region[0]);
            assertEquals("medulla", region[1]);
            assertEquals("pelvis", region[11]);
            assertEquals(List.of("region"), s.obs().columns());
        }
    }

    @Test
    void describeNamesTheDataset() throws IOException {
        try (H5adSource csr = H5adSource.open(path("h5ad/csr_gzip.h5ad"), H5adSource.Options.DEFAULT);
             H5adSource d = H5adSource.open(path("h5ad/dense_f32.h5ad"), H5adSource.Options.DEFAULT)) {
            assertEquals("csr_gzip.h5ad /X/data[17]", csr.describe(17));
            assertEquals("dense_f32.h5ad X[2, 1]", d.describe(2 * GENES + 1));
        }
    }

    @Test
    void notAnAnnDataFile(@TempDir Path dir) throws IOException {
        H5FormatException e = assertThrows(H5FormatException.class,
                () -> H5adSource.open(path("tenx/filtered_feature_bc_matrix.h5"), H5adSource.Options.DEFAULT));
        assertTrue(e.getMessage().contains("not an AnnData file: no group 'X'"), e.getMessage());
        Path text = Files.writeString(dir.resolve("a.h5ad"), "hello");
        e = assertThrows(H5FormatException.class, () -> H5adSource.open(text, H5adSource.Options.DEFAULT));
        assertTrue(e.getMessage().contains("not an HDF5 file"), e.getMessage());
    }

    @Test
    void truncatedFileIsAFormatError(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(path("h5ad/csr_gzip.h5ad"));
        Path cut = Files.write(dir.resolve("cut.h5ad"), Arrays.copyOf(bytes, bytes.length / 3));
        assertThrows(H5FormatException.class, () -> {
            try (H5adSource s = H5adSource.open(cut, H5adSource.Options.DEFAULT)) {
                dense(s);
            }
        });
    }
}
