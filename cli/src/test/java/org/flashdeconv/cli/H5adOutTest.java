package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.h5.AnnDataFrame;
import org.flashdeconv.io.h5.H5File;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --h5ad-out}: a copy of an AnnData input with the result added (everything of the input kept), or a new
 * AnnData file for other inputs; read back with this project's jHDF-based reader (bench/scripts/check_h5ad.py reads
 * them with anndata).
 */
class H5adOutTest {
    private static final List<String> TYPES = List.of("B cell", "T cell", "macrophage");

    @TempDir
    Path dir;

    private Result deconvolve(String spatial, Path h5ad, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("deconvolve", "--spatial", spatial, "--reference",
                TestInputs.path("anndata/cellxgene_reference.h5ad").toString(), "--cell-type-key", "cell_type",
                "--exclude-types", "unknown", "--min-overlap", "20", "-o", dir.resolve("out").toString(), "--quiet",
                "--h5ad-out", h5ad.toString()));
        args.addAll(List.of(more));
        return StoreCommandsTest.run(args.toArray(String[]::new));
    }

    @Test
    void anAnnDataInputIsCopiedWithTheResultAdded() throws IOException {
        Path input = TestInputs.path("anndata/spatial_counts_layer.h5ad");
        byte[] before = Files.readAllBytes(input);
        Path out = dir.resolve("slide.h5ad");
        Result r = deconvolve(input.toString(), out);
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(before, Files.readAllBytes(input), "the input is never modified");
        double[][] expected = proportions(dir.resolve("out/proportions.csv"));
        try (H5File f = H5File.open(out)) {
            AnnDataFrame obs = AnnDataFrame.open(f, "obs");
            assertEquals(30, obs.length());
            Object order = f.attribute(f.group("obs", "obs"), "column-order");
            assertEquals(List.of("in_tissue", "array_row", "array_col", "flashdeconv_B cell", "flashdeconv_T cell",
                    "flashdeconv_macrophage", "flashdeconv_deviance", "flashdeconv_deviance_per_count",
                    "flashdeconv_unexplained_fraction", "flashdeconv_background_share", "flashdeconv_entropy",
                    "flashdeconv_poor_fit", "flashdeconv_dominant", "flashdeconv_qc"), Arrays.asList((String[]) order));
            for (int t = 0; t < 3; t++) {
                double[] col = obs.numbers("flashdeconv_" + TYPES.get(t));
                for (int i = 0; i < 30; i++) {
                    assertEquals(expected[i][t], col[i], 1e-15, "spot " + i);
                }
            }
            String[] dominant = obs.strings("flashdeconv_dominant");
            String[] qc = obs.strings("flashdeconv_qc");
            assertNull(dominant[7], "spot 7 has no counts: no dominant type");
            assertEquals("no_counts", qc[7]);
            assertEquals("ok", qc[0]);
            assertEquals(TYPES.get(argmax(expected[0])), dominant[0]);
            // what the input had is still there
            assertTrue(f.find("layers/counts/indptr").isPresent());
            assertTrue(f.find("uns/spatial/section1/images/hires").isPresent());
            assertTrue(f.find("uns/spatial/section1/scalefactors/tissue_hires_scalef").isPresent());
            assertArrayEquals(new double[] {1, 1, 1}, Arrays.copyOf(obs.numbers("in_tissue"), 3));
            AnnDataFrame frame = AnnDataFrame.open(f, "obsm/flashdeconv");
            assertArrayEquals(obs.index(), frame.index());
            assertArrayEquals(obs.numbers("flashdeconv_T cell"), frame.numbers("T cell"));
            assertEquals(TYPES, Arrays.asList(f.strings("uns/flashdeconv/cell_types", "types")));
            assertTrue(f.find("uns/flashdeconv/parameters/lambda_used").isPresent());
        }
    }

    @Test
    void aRunOnItsOwnOutputReplacesTheEarlierColumns() throws IOException {
        Path first = dir.resolve("first.h5ad");
        assertEquals(0, deconvolve(TestInputs.path("anndata/spatial_counts_layer.h5ad").toString(), first).code());
        Path second = dir.resolve("second.h5ad");
        Result r = deconvolve(first.toString(), second);
        assertEquals(0, r.code(), r.err());
        try (H5File f = H5File.open(second)) {
            Object order = f.attribute(f.group("obs", "obs"), "column-order");
            assertEquals(14, ((String[]) order).length, Arrays.toString((String[]) order));
        }
    }

    @Test
    void otherInputsGetANewAnnDataWithTheCountsOnTheGenesUsed() throws IOException {
        Path store = dir.resolve("slide.fdstore");
        assertEquals(0, StoreCommandsTest.run("convert", TestInputs.path("anndata/spatial_counts_layer.h5ad")
                .toString(), "-o", store.toString(), "--quiet").code());
        Path out = dir.resolve("new.h5ad");
        Result r = deconvolve(store.toString(), out);
        assertEquals(0, r.code(), r.err());
        try (H5File f = H5File.open(out)) {
            AnnDataFrame var = AnnDataFrame.open(f, "var");
            assertEquals(30, var.length());
            assertEquals("GENE00", var.index()[0]);
            assertEquals("ENSG00000001000", var.strings("gene_ids")[0]);
            long[] shape = (long[]) f.attribute(f.group("X", "X"), "shape");
            assertArrayEquals(new long[] {30, 30}, shape);
            assertTrue(f.find("obsm/spatial").isPresent());
            assertEquals("no_counts", AnnDataFrame.open(f, "obs").strings("flashdeconv_qc")[7]);
        }
        try (var src = org.flashdeconv.io.h5.H5adSource.open(out, org.flashdeconv.io.h5.H5adSource.Options.DEFAULT)) {
            double[] sums = new double[30];
            src.forEachEntry((spot, gene, value, location) -> sums[(int) spot] += value);
            List<String> truth = Files.readAllLines(TestInputs.path("anndata/anndata_truth.txt")).stream()
                    .filter(l -> l.startsWith("spatial_counts_1\t")).map(l -> Arrays.asList(l.split("\t")))
                    .findFirst().orElseThrow().subList(1, 901);
            for (int i = 0; i < 30; i++) {
                double expected = 0;
                for (int g = 0; g < 30; g++) {
                    expected += Double.parseDouble(truth.get(i * 30 + g));
                }
                assertEquals(expected, sums[i]);
            }
        }
    }

    @Test
    void anInputInAnotherHdf5LayoutGetsANewFileWithAWarning() throws IOException {
        Path out = dir.resolve("latest.h5ad");
        Result r = deconvolve(TestInputs.path("anndata/spatial_latest_layout.h5ad").toString(), out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("(superblock version 3 (only version 0, h5py's default, is edited)); wrote a new "
                + "AnnData file with the counts on the genes used instead"), r.err());
        try (H5File f = H5File.open(out)) {
            assertTrue(f.find("X/indptr").isPresent());
            assertEquals("no_counts", AnnDataFrame.open(f, "obs").strings("flashdeconv_qc")[7]);
        }
    }

    @Test
    void theCountModelAddsItsQualityColumns() throws IOException {
        Path out = dir.resolve("counts.h5ad");
        Result r = deconvolve(TestInputs.path("anndata/spatial_counts_layer.h5ad").toString(), out, "--model",
                "counts");
        assertEquals(0, r.code(), r.err());
        List<String> quality = Files.readAllLines(dir.resolve("out/quality.csv"));
        try (H5File f = H5File.open(out)) {
            AnnDataFrame obs = AnnDataFrame.open(f, "obs");
            double[] deviance = obs.numbers("flashdeconv_deviance");
            double[] entropy = obs.numbers("flashdeconv_entropy");
            String[] poor = obs.strings("flashdeconv_poor_fit"); // h5py's bool: an enum FALSE/TRUE
            for (int i = 0; i < 30; i++) {
                String[] row = quality.get(i + 1).split(",", -1);
                assertEquals(row[1].isEmpty() ? Double.NaN : Double.parseDouble(row[1]), deviance[i], 0, "spot " + i);
                assertEquals(row[5].isEmpty() ? Double.NaN : Double.parseDouble(row[5]), entropy[i], 0, "spot " + i);
                assertEquals(row[6].toUpperCase(java.util.Locale.ROOT), poor[i]);
            }
            Object order = f.attribute(f.group("obs", "obs"), "column-order");
            assertTrue(Arrays.asList((String[]) order).contains("flashdeconv_unexplained_fraction"));
        }
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int t = 1; t < row.length; t++) {
            if (row[t] > row[best]) {
                best = t;
            }
        }
        return best;
    }

    private static double[][] proportions(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        double[][] out = new double[lines.size() - 1][3];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            for (int t = 0; t < 3; t++) {
                out[i - 1][t] = f[1 + t].isEmpty() ? Double.NaN : Double.parseDouble(f[1 + t]);
            }
        }
        return out;
    }
}
