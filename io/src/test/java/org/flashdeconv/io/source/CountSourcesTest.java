package org.flashdeconv.io.source;

import static org.flashdeconv.io.testdata.TestInputs.barcodes;
import static org.flashdeconv.io.testdata.TestInputs.dense;
import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.flashdeconv.io.testdata.TestInputs.truth;
import static org.flashdeconv.io.testdata.TestInputs.truthMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.io.h5.H5FormatException;
import org.flashdeconv.io.h5.H5adSource;
import org.flashdeconv.io.h5.TenxH5Source;
import org.flashdeconv.io.mex.MexSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountSourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h5ad/csr_gzip.h5ad", "tenx/filtered_feature_bc_matrix.h5", "spaceranger/visium",
            "spaceranger/visium_list/outs", "spaceranger/visium_mex"})
    void everyKindReadsTheSameSpots(String input) throws IOException {
        try (CountSource s = CountSources.open(path(input), CountSources.ReadOptions.DEFAULT)) {
            assertEquals(List.of(truth("genes")), s.geneNames());
            assertEquals(List.of(truth("barcodes")), barcodes(s));
            assertArrayEquals(truthMatrix("counts", 9), dense(s));
            assertEquals(!input.startsWith("tenx"), s.coordinates().isPresent());
        }
    }

    @Test
    void detectsTheReaderAndPassesTheOptions() throws IOException {
        try (CountSource s = CountSources.open(path("h5ad/dense_layer.h5ad"),
                new CountSources.ReadOptions("counts", null, null, false))) {
            assertTrue(s instanceof H5adSource h && h.matrixPath().equals("layers/counts"));
        }
        try (CountSource s = CountSources.open(path("tenx/filtered_feature_bc_matrix.h5"),
                CountSources.ReadOptions.DEFAULT)) {
            assertTrue(s instanceof TenxH5Source);
        }
        try (CountSource s = CountSources.open(path("reference/mex"), CountSources.ReadOptions.DEFAULT)) {
            assertTrue(s instanceof MexSource);
            assertEquals(80, s.spots());
        }
        try (CountSource s = CountSources.open(path("spaceranger/visium_hd/outs"),
                new CountSources.ReadOptions(null, null, 16, false))) {
            assertTrue(barcodes(s).get(0).startsWith("s_016um_"));
        }
    }

    @Test
    void clearErrors(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other.h5");
        try (var f = HdfFile.write(other)) {
            f.putDataset("numbers", new int[] {1, 2, 3});
        }
        H5FormatException e = assertThrows(H5FormatException.class,
                () -> CountSources.open(other, CountSources.ReadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("an HDF5 file that is not AnnData"), e.getMessage());
        Path misnamed = Files.copy(other, dir.resolve("x.h5ad"));
        e = assertThrows(H5FormatException.class, () -> CountSources.open(misnamed, CountSources.ReadOptions.DEFAULT));
        assertEquals(misnamed + ": not an AnnData file: no group 'X'", e.getMessage());
        assertThrows(NoSuchFileException.class,
                () -> CountSources.open(dir.resolve("missing.h5ad"), CountSources.ReadOptions.DEFAULT));
        Path text = Files.writeString(dir.resolve("counts.txt"), "hello");
        IOException io = assertThrows(IOException.class, () -> CountSources.open(text, CountSources.ReadOptions.DEFAULT));
        assertTrue(io.getMessage().contains("not a recognised input"), io.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        io = assertThrows(IOException.class, () -> CountSources.open(empty, CountSources.ReadOptions.DEFAULT));
        assertTrue(io.getMessage().contains("not a recognised input folder"), io.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CountSources.ReadOptions(null, null, 0, false));
    }
}
