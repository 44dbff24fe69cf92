package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.1: a spot whose fitted abundances are all zero is flagged {@code no_fit} everywhere (CSV, AnnData,
 * summary, console), with empty proportions and no dominant type; no uniform row is ever written.
 */
class MadeUpRowsTest extends CatalogueCase {

    /** Every data row of {@code proportions.csv} is {@code barcode,,,,no_fit} and dominant.csv is empty. */
    private void assertAllNoFit(Path folder, int spots) throws IOException {
        List<String> rows = Files.readAllLines(folder.resolve("proportions.csv"));
        assertEquals(spots + 1, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.matches("AAAC\\d{4}-1,,,,no_fit"), row);
        }
        for (String row : Files.readAllLines(folder.resolve("dominant.csv")).subList(1, spots + 1)) {
            assertTrue(row.matches("AAAC\\d{4}-1,"), row);
        }
        String summary = Files.readString(folder.resolve("summary.json"));
        assertTrue(summary.contains("\"n_spots_no_fit\": " + spots), summary);
        assertTrue(summary.contains("counts but all fitted abundances zero (qc no_fit"), summary);
    }

    @Test
    void aHugeRhoGivesNoFitRowsNotUniformOnes() throws IOException {
        for (String solver : List.of("block", "reference")) {
            Result r = deconvolve(new TinySlide(24), "--model", "flashdeconv", "--rho", "1e9", "--solver", solver);
            assertEquals(0, r.code(), r.err());
            assertAllNoFit(out(), 24);
            assertTrue(r.out().contains("24 spots have counts but all fitted abundances zero"), r.out());
        }
    }

    @Test
    void everyLambdaFolderFlagsItsOwnNoFitSpots() throws IOException {
        Result r = deconvolve(new TinySlide(24), "--model", "flashdeconv", "--rho", "1e9", "--lambda", "0,auto");
        assertEquals(0, r.code(), r.err());
        assertAllNoFit(out().resolve("lambda_0"), 24);
        assertAllNoFit(out().resolve("lambda_auto"), 24);
    }

    @Test
    void anOrdinaryFitHasNoNoFitRowAndCountsZero() throws IOException {
        Result r = deconvolve(new TinySlide(24));
        assertEquals(0, r.code(), r.err());
        assertTrue(summary().contains("\"n_spots_no_fit\": 0"), summary());
        for (String row : Files.readAllLines(out().resolve("proportions.csv")).subList(1, 25)) {
            assertTrue(row.endsWith(",ok"), row);
        }
    }

    @Test
    void theAnnDataFileAndThePicturesGiveNoDominantType() throws IOException {
        Path h5 = dir.resolve("result.h5ad");
        Result r = deconvolve(new TinySlide(24), "--model", "flashdeconv", "--rho", "1e9", "--h5ad-out", h5.toString(), "--plot");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out().resolve("dominant.png")) > 0);
        try (HdfFile f = new HdfFile(h5)) {
            Dataset codes = f.getDatasetByPath("obs/flashdeconv_dominant/codes");
            Object data = codes.getData();
            long missing = 0;
            int length = java.lang.reflect.Array.getLength(data);
            for (int i = 0; i < length; i++) {
                if (((Number) java.lang.reflect.Array.get(data, i)).intValue() == -1) {
                    missing++;
                }
            }
            assertEquals(24, missing, "every spot's dominant type is anndata's missing code -1");
        }
    }
}
