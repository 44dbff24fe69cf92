package org.flashdeconv.io.spaceranger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11: a Visium HD bin barcode whose numbers overflow names the folder and the barcode (not "For input"). */
class HdBarcodeRangeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"s_008um_1234567890123456789012345_00001-1", "s_008um_00001_99999999999999999999-1",
        "s_99999999999um_00001_00002-1"})
    void anOverflowingBarcodeNamesFolderAndBarcode(String bad) throws IOException {
        Path bins = Files.createDirectories(dir.resolve("square_008um"));
        Path mex = Files.createDirectories(bins.resolve("filtered_feature_bc_matrix"));
        Files.writeString(mex.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n"
                + "2 2 2\n1 1 3\n2 2 4\n");
        Files.writeString(mex.resolve("features.tsv"), "G0\tGene0\tGene Expression\nG1\tGene1\tGene Expression\n");
        Files.write(mex.resolve("barcodes.tsv"), List.of("s_008um_00001_00002-1", bad));
        Files.createDirectories(bins.resolve("spatial"));
        SpaceRangerFormatException e = assertThrows(SpaceRangerFormatException.class,
                () -> SpaceRangerSource.open(bins, null, SpaceRangerSource.matrices()).close());
        assertTrue(e.getMessage().startsWith(bins + ": barcode 2 '" + bad + "' "), e.getMessage());
        assertTrue(!e.getMessage().contains("For input string"), e.getMessage());
    }
}
