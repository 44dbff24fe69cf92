package org.flashdeconv.io.mex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.coords.CoordinatesCsv;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.InputException;
import org.flashdeconv.io.store.StoreConverter;
import org.flashdeconv.io.store.StoreSummary;
import org.flashdeconv.io.testing.SparseFixture;
import org.flashdeconv.io.testing.StoreAssertions;
import org.flashdeconv.io.text.LineReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MexSourceTest {
    @TempDir
    Path dir;

    private StoreSummary convert(CountSource src, Path target) throws IOException {
        try (src) {
            return StoreConverter.convert(src, target, Progress.NONE);
        }
    }

    @Test
    void gzippedMexWithCoordinatesRoundTrips() throws IOException {
        SparseFixture f = new SparseFixture(80, 50, 0.2, true, 21);
        Path mex = f.writeMex(dir.resolve("mex"), true, 0);
        Path coords = f.writeCoordinates(dir.resolve("coords.csv"));
        try (MexSource src = MexSource.open(mex, false)) {
            assertTrue(src.spotMajor());
            assertEquals(80, src.spots());
            assertEquals(50, src.genes());
        }
        Path out = dir.resolve("a.fdstore");
        StoreSummary s = convert(CoordinatesCsv.attach(MexSource.open(mex, false), coords), out);
        assertEquals(ValueType.F32, s.valueType());
        assertEquals(2, s.coordDim());
        try (CountStore store = CountStore.open(out)) {
            StoreAssertions.assertSameAs(f, store, true);
        }
    }

    @Test
    void unsortedEntriesGiveTheSameStoreAsSorted() throws IOException {
        SparseFixture f = new SparseFixture(60, 40, 0.25, false, 22);
        Path sorted = f.writeMex(dir.resolve("sorted"), false, 0);
        Path shuffled = f.writeMex(dir.resolve("shuffled"), true, 1234);
        try (MexSource src = MexSource.open(shuffled, false)) {
            assertFalse(src.spotMajor());
        }
        assertEquals(ValueType.F64, convert(MexSource.open(sorted, false), dir.resolve("s.fdstore")).valueType());
        convert(MexSource.open(shuffled, false), dir.resolve("u.fdstore"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("s.fdstore")), Files.readAllBytes(dir.resolve("u.fdstore")));
        try (CountStore store = CountStore.open(dir.resolve("u.fdstore"))) {
            StoreAssertions.assertSameAs(f, store, false);
        }
    }

    @Test
    void plainMatrixMarketWithTransposeCommentsAndPattern() throws IOException {
        Path mtx = Files.writeString(dir.resolve("m.mtx"), """
                %%MatrixMarket matrix coordinate pattern general
                % spots x genes
                %
                3 4 4

                1 2
                3 4
                % a comment between entries
                3 1
                1 1
                """);
        Path out = dir.resolve("p.fdstore");
        convert(MexSource.open(mtx, true), out);
        try (CountStore store = CountStore.open(out)) {
            assertEquals(3, store.spots());
            assertEquals(4, store.genes());
            assertEquals(List.of("gene1", "gene2", "gene3", "gene4"), store.geneNames());
            assertEquals("spot3", store.barcode(2));
            assertEquals(List.of(0L, 2L, 2L, 4L), rowPtr(store));
            assertEquals(3, store.csr().col(3));
            assertEquals(1.0, store.csr().value(3));
        }
    }

    private static List<Long> rowPtr(CountStore store) {
        List<Long> out = new ArrayList<>();
        for (long s = 0; s <= store.spots(); s++) {
            out.add(s == store.spots() ? store.csr().rowEnd(s - 1) : store.csr().rowStart(s));
        }
        return out;
    }

    @Test
    void featuresWithOneOrTwoColumnsAndGenesTsvName() throws IOException {
        Path mex = Files.createDirectories(dir.resolve("old"));
        Files.writeString(mex.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate real general\n3 2 3\n"
                + "1 1 0.5\n3 1 2e-1\n2 2 1.25E2\n");
        Files.writeString(mex.resolve("genes.tsv"), "ENSG1\tA\nENSG2\nENSG3\tC\n");
        Files.writeString(mex.resolve("barcodes.tsv"), "bc1\nbc2\n");
        Path out = dir.resolve("o.fdstore");
        convert(MexSource.open(mex, false), out);
        try (CountStore store = CountStore.open(out)) {
            assertEquals(List.of("A", "ENSG2", "C"), store.geneNames());
            assertEquals(List.of("ENSG1", "ENSG2", "ENSG3"), store.geneIds());
            assertEquals(0.5, store.csr().value(0));
            assertEquals(0.2, store.csr().value(1));
            assertEquals(125.0, store.csr().value(2));
            assertEquals(ValueType.F64, store.valueType());
        }
    }

    private String failure(String mtx) throws IOException {
        Path mex = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(mex.resolve("matrix.mtx"), mtx);
        Files.writeString(mex.resolve("features.tsv"), "g1\ng2\n");
        Files.writeString(mex.resolve("barcodes.tsv"), "b1\nb2\nb3\n");
        Path out = dir.resolve("bad.fdstore");
        IOException e = assertThrows(IOException.class, () -> convert(MexSource.open(mex, false), out));
        assertFalse(Files.exists(out));
        return e.getMessage();
    }

    @Test
    void badMatrixFilesNameTheLine() throws IOException {
        String head = "%%MatrixMarket matrix coordinate integer general\n2 3 3\n";
        String[][] cases = {
            {head + "1 1 1\n2 4 1\n1 2 1\n", "matrix.mtx line 4: index (2, 4) is outside the 2 x 3 matrix (1-based)"},
            {head + "1 1 1\n2 2 -3\n1 2 1\n", "matrix.mtx line 4: value -3.0 for spot 1, gene 1 (0-based) is negative"},
            {head + "1 1 1\n2 2 nan\n1 2 1\n", "matrix.mtx line 4: value NaN for spot 1, gene 1 (0-based) is not finite"},
            {head + "1 1 1\n2 2 Inf\n1 2 1\n", "matrix.mtx line 4: value Infinity"},
            {head + "1 1 1\n2 3 4\n1 1 2\n", "matrix.mtx line 5: duplicate entry for spot 0, gene 0 (0-based); first at "},
            {head + "1 1 1\n2 2 1\n", "matrix.mtx line 4: the file ends after 2 of the 3 entries"},
            {head + "1 1 1\n2 2 1\n1 2 1\n2 1 1\n", "matrix.mtx line 6: more entries than the 3"},
            {head + "1 1 1\n2 2 x\n1 2 1\n", "matrix.mtx line 4: expected a number value, found 'x'"},
            {head + "1 1 1\n2 2\n1 2 1\n", "matrix.mtx line 4: expected a number value, found ''"},
            {"%%MatrixMarket matrix array real general\n2 3\n", "matrix.mtx line 1: only the 'coordinate'"},
            {"%%MatrixMarket matrix coordinate integer general\n3 3 0\n", "features.tsv: 2 features, but"},
        };
        for (String[] c : cases) {
            String m = failure(c[0]);
            assertTrue(m.contains(c[1]), m);
        }
        assertTrue(failure(cases[4][0]).endsWith("matrix.mtx line 3"));
    }

    @Test
    void duplicateBarcodesAndBadCountsAreReported() throws IOException {
        Path mex = Files.createDirectories(dir.resolve("dupbc"));
        Files.writeString(mex.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n1 3 1\n1 1 1\n");
        Files.writeString(mex.resolve("features.tsv"), "g1\n");
        Files.writeString(mex.resolve("barcodes.tsv"), "b1\nb2\nb1\n");
        InputException e = assertThrows(InputException.class,
                () -> convert(MexSource.open(mex, false), dir.resolve("x.fdstore")));
        assertTrue(e.getMessage().endsWith("duplicate barcode 'b1' for spots 1 and 3 (1-based)"), e.getMessage());
        Files.writeString(mex.resolve("barcodes.tsv"), "b1\nb2\n");
        MexFormatException e2 = assertThrows(MexFormatException.class, () -> MexSource.open(mex, false));
        assertTrue(e2.getMessage().contains("barcodes.tsv: 2 barcodes, but"), e2.getMessage());
        Files.delete(mex.resolve("barcodes.tsv"));
        e2 = assertThrows(MexFormatException.class, () -> MexSource.open(mex, false));
        assertTrue(e2.getMessage().contains("no barcodes.tsv[.gz]"), e2.getMessage());
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException {
        SparseFixture f = new SparseFixture(200, 100, 0.3, true, 23);
        Path mex = f.writeMex(dir.resolve("trunc"), true, 0);
        Path mtx = mex.resolve("matrix.mtx.gz");
        byte[] b = Files.readAllBytes(mtx);
        Files.write(mtx, Arrays.copyOf(b, b.length / 2));
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> convert(MexSource.open(mex, false), dir.resolve("t.fdstore")));
        assertTrue(e.getMessage().startsWith(mtx + ": truncated or corrupt gzip data"), e.getMessage());
        Files.write(mtx, Arrays.copyOf(b, 5));
        e = assertThrows(InputFormatException.class, () -> MexSource.open(mex, false));
        assertTrue(e.getMessage().startsWith(mtx + ": truncated or corrupt gzip"), e.getMessage());
        assertEquals(mtx.toString(), e.input());
        assertEquals(0, e.line());
    }

    @Test
    void numbersParseExactlyLikeJava() throws IOException {
        String[] tokens = {"0", "7", "123456789012", "0.1", "2.5e3", "1E-5", "3.14159265358979", "1e300", "-0.0",
            "0.30000000000000004", "12345678901234567890", "4.9e-324", "+8", ".5", "5.", "1e22", "1e23"};
        Path p = dir.resolve("n.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(String.join(" ", tokens).getBytes(StandardCharsets.US_ASCII));
        }
        try (LineReader r = new LineReader(p)) {
            assertTrue(r.next());
            for (String t : tokens) {
                assertEquals(Double.parseDouble(t), r.nextDouble("v"), t);
            }
            assertTrue(r.atEnd());
            assertFalse(r.next());
        }
    }
}
