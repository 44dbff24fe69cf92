package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.text.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names as real files hold them (issue 12, item 1, issue 11 items 4 and 5): CELLxGENE type names with commas and
 * quotes, barcodes with commas, reserved and duplicate type names, invisible characters, numbers in forms other
 * languages write, a stale {@code matrix.mtx.gz}, Space Ranger positions and R row names as {@code --coords}.
 */
class NamesInTablesTest {
    @TempDir
    Path dir;

    private Result deconvolve(TinySlide s, Path coords, String... extra) throws IOException {
        Path mex = s.writeMex(dir);
        Path c = coords != null ? coords : s.writeCoords(dir);
        String[] base = {"deconvolve", "--spatial", mex.toString(), "--coords", c.toString(), "--reference",
            s.writeSignatures(dir).toString(), "-o", dir.resolve("out").toString(), "--threads", "1", "-q",
            "--min-overlap", "10"};
        return run(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private static List<List<String>> table(Path csv) throws IOException {
        return CsvReader.readAll(csv);
    }

    private static void assertFails(Result r, String command, String fragment) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("flashdeconv " + command + ": ") && r.err().contains(fragment),
                "expected '" + fragment + "' in: " + r.err());
    }

    @Test
    void cellxgeneTypeNamesAndCommaBarcodesAreKeptExactlyAndPlotReadsThemBack() throws IOException {
        TinySlide s = new TinySlide(24);
        s.types.set(0, "CD4-positive, alpha-beta T cell");
        s.types.set(1, "B cell \"naive\"");
        s.barcodes.set(3, "AAAC,0003-1");
        Result r = deconvolve(s, null);
        assertEquals(0, r.code(), r.err());
        List<List<String>> p = table(dir.resolve("out/proportions.csv"));
        assertEquals(List.of("barcode", "CD4-positive, alpha-beta T cell", "B cell \"naive\"", "Myeloid", "qc"),
                p.get(0));
        assertEquals(25, p.size());
        p.forEach(row -> assertEquals(5, row.size(), row.toString()));
        assertEquals("AAAC,0003-1", p.get(4).get(0));
        assertEquals("ok", p.get(4).get(4));
        String header = Files.readAllLines(dir.resolve("out/proportions.csv")).getFirst();
        assertEquals("barcode,\"CD4-positive, alpha-beta T cell\",\"B cell \"\"naive\"\"\",Myeloid,qc", header);
        List<List<String>> dominant = table(dir.resolve("out/dominant.csv"));
        dominant.forEach(row -> assertEquals(2, row.size(), row.toString()));
        assertTrue(s.types.contains(dominant.get(1).get(1)), dominant.get(1).toString());
        assertEquals(3, table(dir.resolve("out/abundances.csv")).get(0).size() - 1);
        Result plot = run("plot", dir.resolve("out").toString(), "-q");
        assertEquals(0, plot.code(), plot.err());
    }

    /** Edits a fresh slide, runs deconvolve, and expects exit 1 with {@code fragment}. */
    private void assertRefused(Consumer<TinySlide> edit, String fragment) throws IOException {
        TinySlide s = new TinySlide(24);
        edit.accept(s);
        assertFails(deconvolve(s, null), "deconvolve", fragment);
    }

    @Test
    void reservedAndDuplicateTypeNamesAreRefused() throws IOException {
        for (String reserved : List.of("qc", "barcode", "dominant_type", "background")) {
            assertRefused(s -> s.types.set(2, reserved), "cell type '" + reserved + "' has the name of a result column");
        }
        assertRefused(s -> s.types.set(2, "Tcell"), "cell type 'Tcell' appears twice");
        assertRefused(s -> s.types.set(2, "My\u200Beloid"), "'My\\u200Beloid' holds an invisible or control character");
    }

    @Test
    void barcodesAndGenesWithInvisibleCharactersOrNoNameAreRefusedVisibly() throws IOException {
        assertRefused(s -> s.barcodes.set(5, "AAAC\u00000005-1"), "barcode 'AAAC\\u00000005-1' holds an invisible");
        assertRefused(s -> s.barcodes.set(5, ""), "barcodes.tsv line 6: barcode '' is empty");
        assertRefused(s -> s.genes.set(4, "\uFEFFGene4"), "'\\uFEFFGene4' holds an invisible");
    }

    @Test
    void bytesThatAreNotUtf8InTheReferenceAreRefused() throws IOException {
        TinySlide s = new TinySlide(24);
        Path sig = s.writeSignatures(dir);
        byte[] bytes = Files.readAllBytes(sig);
        byte[] latin1 = new String(bytes, StandardCharsets.UTF_8).replace("Myeloid", "Myélo")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(sig, latin1);
        Result r = run("deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords",
                s.writeCoords(dir).toString(), "--reference", sig.toString(), "-o", dir.resolve("out").toString(),
                "-q", "--min-overlap", "10");
        assertFails(r, "deconvolve", "signatures.csv line 4: field 1 is not UTF-8 text ('My\\xE9lo')");
    }

    @Test
    void javaNumberFormsAreNotCoordinates() throws IOException {
        TinySlide s = new TinySlide(24);
        for (String bad : List.of("0x1p3", "2f", "1d")) {
            Path coords = s.writeCoords(dir);
            Files.writeString(coords, Files.readString(coords).replace(s.barcodes.get(2) + ",200.0,",
                    s.barcodes.get(2) + "," + bad + ","));
            assertFails(deconvolve(s, coords), "deconvolve", "line 4: coordinate x of barcode '"
                    + s.barcodes.get(2) + "': expected a number, found '" + bad + "'");
        }
    }

    @Test
    void aMatrixBesideADifferentGzippedCopyIsRefused() throws IOException {
        TinySlide s = new TinySlide(24);
        Path mex = s.writeMex(dir);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(mex.resolve("matrix.mtx.gz")))) {
            gz.write(Files.readString(mex.resolve("matrix.mtx")).replaceFirst("\n1 1 ", "\n1 1 9").getBytes(
                    StandardCharsets.UTF_8));
        }
        Result r = run("deconvolve", "--spatial", mex.toString(), "--coords", s.writeCoords(dir).toString(),
                "--reference", s.writeSignatures(dir).toString(), "-o", dir.resolve("out").toString(), "-q",
                "--min-overlap", "10");
        assertFails(r, "deconvolve", "matrix.mtx and matrix.mtx.gz are both there and differ");
    }

    /** Space Ranger's own positions, with header (2.0+) and without (older): pixel columns, not in_tissue/array_row. */
    @Test
    void spaceRangerPositionsAsCoordsUseThePixelColumns() throws IOException {
        TinySlide s = new TinySlide(24);
        StringBuilder withHeader = new StringBuilder(
                "barcode,in_tissue,array_row,array_col,pxl_row_in_fullres,pxl_col_in_fullres\n");
        StringBuilder without = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String row = s.barcodes.get(i) + ",1," + (i / 6) + "," + (i % 6) + "," + (int) s.coords.get(i)[1] + ","
                    + (int) s.coords.get(i)[0] + "\n";
            withHeader.append(row);
            without.append(row);
        }
        assertEquals(0, deconvolve(s, null).code());
        String expected = Files.readString(dir.resolve("out/proportions.csv"));
        for (String text : List.of(withHeader.toString(), without.toString())) {
            Path coords = Files.writeString(dir.resolve("tissue_positions.csv"), text);
            Result r = deconvolve(s, coords);
            assertEquals(0, r.code(), r.err());
            assertEquals(expected, Files.readString(dir.resolve("out/proportions.csv")));
            List<List<String>> c = table(dir.resolve("out/coordinates.csv"));
            assertEquals(List.of(s.barcodes.get(1), "100", "0"), c.get(2));
            assertEquals(List.of(s.barcodes.get(6), "0", "100"), c.get(7));
        }
    }

    @Test
    void rowNamesOfRWriteCsvAndUnidentifiableColumns() throws IOException {
        TinySlide s = new TinySlide(24);
        assertEquals(0, deconvolve(s, null).code());
        String expected = Files.readString(dir.resolve("out/proportions.csv"));
        StringBuilder r = new StringBuilder("\"\",\"x\",\"y\"\n");
        for (int i = 0; i < 24; i++) {
            r.append('"').append(s.barcodes.get(i)).append("\",").append(s.coords.get(i)[0]).append(',')
                    .append(s.coords.get(i)[1]).append('\n');
        }
        Path coords = Files.writeString(dir.resolve("r.csv"), r);
        assertEquals(0, deconvolve(s, coords).code());
        assertEquals(expected, Files.readString(dir.resolve("out/proportions.csv")));
        Files.writeString(coords, r.toString().replaceFirst("\"x\",\"y\"", "\"in_tissue\",\"array_row\""));
        assertFails(deconvolve(s, coords), "deconvolve", "cannot identify the coordinate columns");
    }

    /** A 10x .h5 (Cell Ranger's layout, written here) whose barcode holds a tab: refused before the fit, escaped. */
    @Test
    void invisibleCharactersInAnH5BarcodeAreRefused() throws IOException {
        TinySlide s = new TinySlide(24);
        s.barcodes.set(5, "AAAC\t0005-1");
        int genes = s.genes.size();
        List<Integer> data = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        long[] indptr = new long[s.counts.size() + 1];
        for (int i = 0; i < s.counts.size(); i++) {
            for (int g = 0; g < genes; g++) {
                if (s.counts.get(i)[g] != 0) {
                    data.add((int) s.counts.get(i)[g]);
                    indices.add((long) g);
                }
            }
            indptr[i + 1] = data.size();
        }
        Path h5 = dir.resolve("filtered_feature_bc_matrix.h5");
        try (io.jhdf.WritableHdfFile f = io.jhdf.HdfFile.write(h5)) {
            io.jhdf.api.WritableGroup m = f.putGroup("matrix");
            m.putDataset("data", data.stream().mapToInt(Integer::intValue).toArray());
            m.putDataset("indices", indices.stream().mapToLong(Long::longValue).toArray());
            m.putDataset("indptr", indptr);
            m.putDataset("shape", new int[] {genes, s.counts.size()});
            m.putDataset("barcodes", s.barcodes.toArray(String[]::new));
            io.jhdf.api.WritableGroup features = m.putGroup("features");
            features.putDataset("id", s.genes.stream().map(g -> "ENSG" + g).toArray(String[]::new));
            features.putDataset("name", s.genes.toArray(String[]::new));
            features.putDataset("feature_type", s.genes.stream().map(g -> "Gene Expression").toArray(String[]::new));
        }
        Result r = run("deconvolve", "--spatial", h5.toString(), "--coords", s.writeCoords(dir).toString(),
                "--reference", s.writeSignatures(dir).toString(), "-o", dir.resolve("out").toString(), "-q",
                "--min-overlap", "10");
        assertFails(r, "deconvolve", "barcode 6 'AAAC\\t0005-1' holds an invisible or control character (\\t)");
    }
}
