package org.flashdeconv.io.h5;

import static org.flashdeconv.io.testdata.TestInputs.barcodes;
import static org.flashdeconv.io.testdata.TestInputs.checkSpotMajorOrder;
import static org.flashdeconv.io.testdata.TestInputs.dense;
import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.flashdeconv.io.testdata.TestInputs.truth;
import static org.flashdeconv.io.testdata.TestInputs.truthMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenxH5SourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"filtered_feature_bc_matrix.h5", "unsorted_feature_bc_matrix.h5"})
    void keepsOnlyGeneExpressionFeaturesInSpotMajorOrder(String file) throws IOException {
        try (TenxH5Source s = TenxH5Source.open(path("tenx/" + file))) {
            assertEquals(List.of(truth("genes")), s.geneNames());
            assertEquals(List.of(truth("gene_ids")), s.geneIds());
            assertEquals(List.of(truth("barcodes")), barcodes(s));
            assertArrayEquals(truthMatrix("counts", 9), dense(s));
            assertTrue(s.spotMajor());
            long nonZero = Arrays.stream(truth("counts")).filter(v -> !v.equals("0")).count();
            assertEquals(nonZero, checkSpotMajorOrder(s));
            assertTrue(s.coordinates().isEmpty());
        }
    }

    @Test
    void anAnnDataFileIsNotA10xMatrix() {
        H5FormatException e = assertThrows(H5FormatException.class,
                () -> TenxH5Source.open(path("h5ad/csr_gzip.h5ad")));
        assertTrue(e.getMessage().contains("no group 'matrix'"), e.getMessage());
    }
}
