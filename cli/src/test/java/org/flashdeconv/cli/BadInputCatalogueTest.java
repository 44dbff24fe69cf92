package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.store.CountStore;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue of issue 7, through {@link Main#run}: each case gives exit code 1 (bad input) or 2 (bad
 * usage) with a one-line message naming the file, line, spot, gene or option, and leaves nothing under the final
 * output name; the cases that are warnings run to the end and record the warning in summary.json.
 */
class BadInputCatalogueTest extends CatalogueCase {

    @Test
    void nanInfAndNegativeCountsNameTheLine() throws IOException {
        String[][] cases = {{"nan", "value NaN for spot 2, gene 4 (0-based) is not finite"},
            {"inf", "value Infinity for spot 2, gene 4 (0-based) is not finite"},
            {"-3", "value -3.0 for spot 2, gene 4 (0-based) is negative"}};
        for (String[] c : cases) {
            TinySlide s = new TinySlide(24);
            s.valueText.put(List.of(2, 4), c[0]);
            Result r = convert(s);
            assertBadInput(r, "convert", dir.resolve("mex").resolve("matrix.mtx") + " line " + s.lineOf(2, 4)
                    + ": " + c[1]);
            Result d = deconvolve(s);
            assertBadInput(d, "deconvolve", c[1]);
        }
    }

    @Test
    void nonIntegerCountsAreAWarningForDeconvolveAndAProblemForValidate() throws IOException {
        TinySlide s = new TinySlide(24);
        s.counts.get(3)[5] = 2.5;
        Result c = convert(s);
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().startsWith("warning: " + dir.resolve("mex") + " holds non-integer values (normalised "
                + "data?)"), c.err());
        Result info = run("info", "--json", dir.resolve("s.fdstore").toString());
        assertTrue(info.out().contains("\"integer_values\":false"), info.out());
        Result d = deconvolve(s);
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("warning: " + dir.resolve("mex") + " holds non-integer values"), d.err());
        assertTrue(summary().contains("holds non-integer values (normalised data?)"), summary());
        Result v = run("validate", "--spatial", dir.resolve("mex").toString(), "--coords",
                dir.resolve("coords.csv").toString(), "--reference", dir.resolve("signatures.csv").toString(),
                "--min-overlap", "10");
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("problem:   " + dir.resolve("mex") + " holds non-integer values"), v.out());

        TinySlide whole = new TinySlide(24);
        assertEquals(0, convert(whole).code());
        assertTrue(run("info", "--json", dir.resolve("s.fdstore").toString()).out()
                .contains("\"integer_values\":true"));
    }

    @Test
    void spotsWithoutCountsAreKeptWithAnEmptyRowAndCounted() throws IOException {
        TinySlide s = new TinySlide(24);
        s.counts.set(5, new double[30]);
        s.counts.set(17, new double[30]);
        Result r = deconvolve(s);
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out().resolve("proportions.csv"));
        assertEquals("barcode,Tcell,Bcell,Myeloid,qc", rows.get(0));
        assertEquals(25, rows.size());
        assertEquals("AAAC0005-1,,,,no_counts", rows.get(6));
        assertEquals("AAAC0017-1,,,,no_counts", rows.get(18));
        assertTrue(rows.get(1).startsWith("AAAC0000-1,") && rows.get(1).endsWith(",ok"), rows.get(1));
        assertTrue(summary().contains("\"n_spots_without_counts\": 2"), summary());
    }

    @Test
    void duplicateBarcodesNameBothSpots() throws IOException {
        TinySlide s = new TinySlide(24);
        s.barcodes.set(9, s.barcodes.get(3));
        assertBadInput(convert(s), "convert", "duplicate barcode 'AAAC0003-1' for spots 4 and 10 (1-based)");
    }

    @Test
    void duplicateGeneNamesAreAWarningAndTheFirstOccurrenceIsUsed() throws IOException {
        TinySlide s = new TinySlide(24);
        s.genes.set(7, "Gene2");
        Result r = deconvolve(s);
        assertEquals(0, r.code(), r.err());
        String warning = "1 spatial genes repeat an earlier name and are left out (the first occurrence is";
        assertTrue(r.err().contains("warning: " + warning), r.err());
        assertTrue(summary().contains(warning), summary());
    }

    @Test
    void noOrTooFewSharedGenes() throws IOException {
        TinySlide none = new TinySlide(24);
        none.referenceGenes = none.genes.stream().map(g -> "Other" + g).toList();
        assertBadInput(deconvolve(none), "deconvolve", "no common genes shared by the spatial data (30 genes, e.g. "
                + "Gene0, Gene1, Gene2) and the reference (30 genes, e.g. OtherGene0, OtherGene1, OtherGene2); at "
                + "least 10 needed (--min-overlap)");
        Files.delete(dir.resolve("signatures.csv"));
        TinySlide few = new TinySlide(24);
        few.referenceGenes = few.genes.stream().map(g -> g.compareTo("Gene2") < 0 ? g : "Other" + g).toList();
        assertBadInput(deconvolve(few, "--min-overlap", "20"), "deconvolve", "only 12 genes shared by the spatial "
                + "data");
    }

    @Test
    void anAllZeroSignatureIsAWarning() throws IOException {
        TinySlide s = new TinySlide(24);
        s.signatures.set(2, new double[30]);
        Result r = deconvolve(s);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: cell type 2 (Myeloid) has an all-zero signature"), r.out());
        assertTrue(summary().contains("cell type 2 (Myeloid) has an all-zero signature"), summary());
    }

    @Test
    void aSingleCellTypeGetsProportionOne() throws IOException {
        Result r = deconvolve(new TinySlide(24).keepTypes(1), "--model", "flashdeconv");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out().resolve("proportions.csv"));
        assertEquals("barcode,Tcell,qc", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.endsWith(",1.0,ok") || row.endsWith(",1,ok"), row);
        }
    }

    @Test
    void oneSpotRunsAndWarnsAboutK() throws IOException {
        Result r = deconvolve(new TinySlide(1));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: k_neighbors 6 exceeds N - 1 = 0"), r.out());
        assertEquals(2, Files.readAllLines(out().resolve("proportions.csv")).size());
    }

    @Test
    void kAboveTheNumberOfSpotsIsAWarning() throws IOException {
        Result r = deconvolve(new TinySlide(24), "--k", "50");
        assertEquals(0, r.code(), r.err());
        assertTrue(summary().contains("k_neighbors 50 exceeds N - 1 = 23; every spot is linked to all others"),
                summary());
    }

    @Test
    void missingCoordinatesSayWhatToGive() throws IOException {
        TinySlide s = new TinySlide(24);
        assertEquals(0, convert(s).code());
        Path store = dir.resolve("s.fdstore");
        Path moved = Files.move(store, dir.resolve("nocoords.fdstore"));
        Result r = run("deconvolve", "--spatial", moved.toString(), "--reference", s.writeSignatures(dir).toString(),
                "-o", out().toString(), "--min-overlap", "10", "-q");
        assertBadInput(r, "deconvolve", "--spatial: " + moved + " has no coordinates; give --coords FILE (or convert"
                + " with --coords)");
    }

    @Test
    void nonFiniteCoordinatesNameTheSpot() throws IOException {
        TinySlide s = new TinySlide(24);
        s.coords.get(4)[1] = Double.NaN;
        Result r = deconvolve(s);
        assertBadInput(r, "deconvolve", dir.resolve("coords.csv").toString());
        assertTrue(r.err().contains("NaN"), r.err());
    }

    @Test
    void identicalCoordinatesAreAWarning() throws IOException {
        TinySlide s = new TinySlide(24);
        s.coords.replaceAll(c -> new double[] {5, 5});
        Result r = deconvolve(s);
        assertEquals(0, r.code(), r.err());
        assertTrue(summary().contains("all 24 spots have identical coordinates; neighbours are chosen by index"),
                summary());
    }

    @Test
    void badLambdaIsAUsageError() throws IOException {
        assertUsage(deconvolve(new TinySlide(24), "--lambda", "-5"),
                "lambda_spatial must be 'auto' or a finite number >= 0, found");
        assertUsage(deconvolve(new TinySlide(24), "--lambda", "abc"),
                "lambda_spatial must be 'auto' or a finite number >= 0, found 'abc'");
        assertUsage(deconvolve(new TinySlide(24), "--lambda", "NaN"), "lambda_spatial must be 'auto'");
    }

    @Test
    void unknownOptionValuesAreUsageErrors() throws IOException {
        assertUsage(deconvolve(new TinySlide(24), "--preprocess", "foo"), "foo");
        assertUsage(deconvolve(new TinySlide(24), "--spatial-method", "foo"),
                "--spatial-method: expected one of knn, radius, grid, found 'foo'");
        assertUsage(deconvolve(new TinySlide(24), "--gene-weighting", "foo"), "foo");
    }

    @Test
    void anHdf5FileThatIsNotAnnData() throws IOException {
        TinySlide s = new TinySlide(24);
        Path h5 = dir.resolve("ref.h5ad");
        try (WritableHdfFile f = HdfFile.write(h5)) {
            f.putDataset("numbers", new double[] {1, 2, 3});
        }
        Result r = run("deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords",
                s.writeCoords(dir).toString(), "--reference", h5.toString(), "--cell-type-key", "cell_type",
                "-o", out().toString(), "-q");
        assertBadInput(r, "deconvolve", h5 + ": not an AnnData file: no group 'X'");
        assertBadInput(run("convert", h5.toString(), "-o", dir.resolve("s.fdstore").toString()), "convert",
                h5 + ": not an AnnData file");
        Files.delete(h5);
        Path text = Files.writeString(dir.resolve("text.h5ad"), "cell_type,Gene0\nT,1\n");
        Result t = run("deconvolve", "--spatial", dir.resolve("mex").toString(), "--coords",
                dir.resolve("coords.csv").toString(), "--reference", text.toString(), "--cell-type-key", "cell_type",
                "-o", out().toString(), "-q");
        assertBadInput(t, "deconvolve", text + ": not an HDF5 file (no HDF5 signature)");
    }

    @Test
    void aGzipFileCutShort() throws IOException {
        TinySlide s = new TinySlide(24);
        Path mex = s.writeMex(dir);
        byte[] plain = Files.readAllBytes(mex.resolve("matrix.mtx"));
        Files.delete(mex.resolve("matrix.mtx"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(plain);
        }
        byte[] whole = gz.toByteArray();
        Files.write(mex.resolve("matrix.mtx.gz"), Arrays.copyOf(whole, whole.length / 2));
        Result r = run("convert", mex.toString(), "-o", dir.resolve("s.fdstore").toString());
        assertBadInput(r, "convert", mex.resolve("matrix.mtx.gz") + ": truncated or corrupt gzip data");
    }

    @Test
    void aDamagedStoreNamesTheSectionAndOffset() throws IOException {
        assertEquals(0, convert(new TinySlide(24)).code());
        Path store = Files.move(dir.resolve("s.fdstore"), dir.resolve("damaged.fdstore"));
        long valuesOffset;
        try (CountStore cs = CountStore.open(store)) {
            valuesOffset = cs.header().sections().stream().filter(e -> e.kind().label().equals("values"))
                    .findFirst().orElseThrow().offset();
        }
        byte[] b = Files.readAllBytes(store);
        b[(int) valuesOffset + 3] ^= 0x10;
        Files.write(store, b);
        Result r = run("info", "--verify", store.toString());
        assertBadInput(r, "info", "checksum mismatch over ");
        assertTrue(r.err().trim().endsWith("(section values, offset " + valuesOffset + ")"), r.err());
        Result d = run("deconvolve", "--spatial", store.toString(), "--reference",
                new TinySlide(24).writeSignatures(dir).toString(), "-o", out().toString(), "-q");
        assertBadInput(d, "deconvolve", "(section values, offset " + valuesOffset + ")");
    }
}
