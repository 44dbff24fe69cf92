package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deconvolve} and {@code validate} end to end through {@link Main#run}. */
class DeconvolveCommandTest {
    @TempDir
    Path dir;

    /**
     * The same slide and reference through two routes (AnnData spatial + single-cell AnnData reference, and a MEX
     * folder + coordinates CSV + signatures CSV of the per-type means) give the same proportions.
     */
    @Test
    void annDataRouteMatchesTheMexAndSignaturesRoute() throws IOException {
        Path mex = writeTruthMex(dir.resolve("mex"));
        Result a = StoreCommandsTest.run("deconvolve", "--spatial", TestInputs.path("h5ad/csr_gzip.h5ad").toString(),
                "--reference", TestInputs.path("reference/sc_counts.h5ad").toString(), "--cell-type-key", "cell_type",
                "--min-overlap", "5", "-o", dir.resolve("a").toString(), "--quiet", "--h5ad-out",
                dir.resolve("a.h5ad").toString());
        assertEquals(0, a.code(), a.err());
        Result b = StoreCommandsTest.run("deconvolve", "--spatial", mex.toString(), "--coords",
                mex.resolve("coordinates.csv").toString(), "--reference",
                TestInputs.path("reference/signatures.csv").toString(), "--min-overlap", "5", "-o",
                dir.resolve("b").toString(), "--quiet");
        assertEquals(0, b.code(), b.err());
        double[][] pa = table(dir.resolve("a/proportions.csv"));
        double[][] pb = table(dir.resolve("b/proportions.csv"));
        assertEquals(12, pa.length);
        double worst = 0;
        int compared = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int k = 0; k < pa[i].length; k++) {
                assertEquals(Double.isNaN(pa[i][k]), Double.isNaN(pb[i][k]));
                if (!Double.isNaN(pa[i][k])) {
                    worst = Math.max(worst, Math.abs(pa[i][k] - pb[i][k]));
                    compared++;
                }
            }
        }
        assertEquals(11 * 3, compared, "one spot has no counts, 3 types kept (rare has < 10 cells)");
        assertTrue(worst <= 1e-12, "largest difference " + worst);
        assertTrue(Files.size(dir.resolve("a.h5ad")) > 0);
        String summary = Files.readString(dir.resolve("a/summary.json"));
        assertTrue(summary.contains("\"n_spots_without_counts\": 1"), summary);
        assertTrue(summary.contains("\"gene_overlap\""), summary);
    }

    @Test
    void severalLambdasWriteOneFolderEachWithTheirValue() throws IOException {
        Path mex = writeTruthMex(dir.resolve("mex"));
        Result r = StoreCommandsTest.run("deconvolve", "--spatial", mex.toString(), "--coords",
                mex.resolve("coordinates.csv").toString(), "--reference",
                TestInputs.path("reference/signatures.csv").toString(), "--min-overlap", "5", "-o",
                dir.resolve("out").toString(), "--quiet", "--lambda", "auto,auto*4,2.5");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("lambda_auto", "lambda_autox4", "lambda_2.5")) {
            assertTrue(Files.isRegularFile(dir.resolve("out").resolve(f).resolve("proportions.csv")), f);
        }
        double auto = lambdaUsed(dir.resolve("out/lambda_auto/summary.json"));
        assertEquals(4 * auto, lambdaUsed(dir.resolve("out/lambda_autox4/summary.json")), 1e-12 * auto);
        assertEquals(2.5, lambdaUsed(dir.resolve("out/lambda_2.5/summary.json")));
    }

    @Test
    void badLambdaIsAUsageError() throws IOException {
        Path mex = writeTruthMex(dir.resolve("mex"));
        Result r = StoreCommandsTest.run("deconvolve", "--spatial", mex.toString(), "--reference",
                TestInputs.path("reference/signatures.csv").toString(), "-o", dir.resolve("out").toString(),
                "--lambda", "auto*-2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--lambda"), r.err());
        assertFalse(Files.exists(dir.resolve("out/proportions.csv")));
    }

    @Test
    void validateReportsTheOverlapAndFailsBelowTheMinimum() throws IOException {
        String spatial = TestInputs.path("h5ad/csr_gzip.h5ad").toString();
        String ref = TestInputs.path("reference/sc_counts.h5ad").toString();
        Result ok = StoreCommandsTest.run("validate", "--spatial", spatial, "--reference", ref, "--cell-type-key",
                "cell_type", "--min-overlap", "5");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("12 spots x 9 genes"), ok.out());
        assertTrue(ok.out().contains("9 matched (9 by id, 0 by name, 0 ignoring case)"), ok.out());
        assertTrue(ok.out().contains("ok: the inputs fit together"), ok.out());
        Result bad = StoreCommandsTest.run("validate", "--spatial", spatial, "--reference", ref, "--cell-type-key",
                "cell_type");
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("problem:   9 shared genes, fewer than --min-overlap 100"), bad.out());
    }

    @Test
    void demoRunsOnTheBundledDataAndDrawsItsPictures() throws IOException {
        Path out = dir.resolve("demo");
        Result r = StoreCommandsTest.run("demo", "-o", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("top cell types"), r.out());
        Path results = out.resolve("results");
        assertTrue(Files.size(results.resolve("proportions.png")) > 10_000);
        assertTrue(Files.size(results.resolve("dominant.png")) > 10_000);
        // the count model, the default: its quality table is written and named with the others
        assertTrue(Files.size(results.resolve("quality.csv")) > 10_000);
        assertTrue(r.out().contains("(and abundances.csv, dominant.csv, quality.csv, summary.json)"), r.out());
        double[][] p = table(results.resolve("proportions.csv"));
        assertEquals(1000, p.length);
        for (double[] row : p) {
            double sum = 0;
            for (double v : row) {
                assertTrue(v >= 0);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    /** The spatial truth of the h5 test inputs as a MEX folder with a coordinates CSV. */
    static Path writeTruthMex(Path folder) throws IOException {
        Files.createDirectories(folder);
        String[] barcodes = TestInputs.truth("barcodes");
        String[] genes = TestInputs.truth("genes");
        String[] ids = TestInputs.truth("gene_ids");
        double[][] counts = TestInputs.truthMatrix("counts", genes.length);
        double[] xy = TestInputs.truthNumbers("xy");
        long nnz = 0;
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < barcodes.length; i++) {
            for (int g = 0; g < genes.length; g++) {
                if (counts[i][g] != 0) {
                    entries.append(g + 1).append(' ').append(i + 1).append(' ').append((long) counts[i][g]).append('\n');
                    nnz++;
                }
            }
        }
        Files.writeString(folder.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n"
                + genes.length + " " + barcodes.length + " " + nnz + "\n" + entries);
        try (Writer f = Files.newBufferedWriter(folder.resolve("features.tsv"));
             Writer b = Files.newBufferedWriter(folder.resolve("barcodes.tsv"));
             Writer c = Files.newBufferedWriter(folder.resolve("coordinates.csv"))) {
            for (int g = 0; g < genes.length; g++) {
                f.write(ids[g] + "\t" + genes[g] + "\tGene Expression\n");
            }
            c.write("barcode,x,y\n");
            for (int i = 0; i < barcodes.length; i++) {
                b.write(barcodes[i] + "\n");
                c.write(barcodes[i] + "," + xy[2 * i] + "," + xy[2 * i + 1] + "\n");
            }
        }
        return folder;
    }

    /** The numeric columns of a result CSV (barcode first, an optional trailing qc column dropped). */
    static double[][] table(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        boolean qc = lines.get(0).endsWith(",qc");
        double[][] out = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] t = lines.get(i).split(",", -1);
            int n = t.length - 1 - (qc ? 1 : 0);
            out[i - 1] = new double[n];
            for (int k = 0; k < n; k++) {
                out[i - 1][k] = t[k + 1].isEmpty() ? Double.NaN : Double.parseDouble(t[k + 1]);
            }
        }
        return out;
    }

    private static double lambdaUsed(Path summary) throws IOException {
        for (String line : Files.readAllLines(summary)) {
            String t = line.trim();
            if (t.startsWith("\"lambda_used\":")) {
                return Double.parseDouble(t.substring(14).replace(",", "").trim());
            }
        }
        throw new AssertionError("no lambda_used in " + summary);
    }
}
