package org.flashdeconv.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.testdata.TestInputs;
import org.flashdeconv.io.text.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space Ranger-shaped {@code tissue_positions.parquet} files (made by hyparquet-writer: snappy, data pages v2,
 * optional columns, dictionary-encoded integers; and an uncompressed one in three row groups with dictionary
 * barcodes) decode to exactly the values of the CSV they were written from; the project's own writer (data pages
 * v1, gzip, nulls) reads back; damaged files give one-line errors.
 */
class ParquetReaderTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        return TestInputs.path("spaceranger4/" + name);
    }

    /** Every row as {barcode, pxl_col, pxl_row, array_row} text/values from the CSV. */
    private static List<Object[]> expected() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (CsvReader r = CsvReader.open(resource("parquet/tissue_positions.csv"))) {
            r.next();
            while (r.next()) {
                rows.add(new Object[] {r.field(0), r.number(5, "col"), r.number(4, "row"), r.number(2, "array_row")});
            }
        }
        return rows;
    }

    private static List<Object[]> read(Path file) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (ParquetReader r = ParquetReader.open(file)) {
            assertEquals(List.of("barcode", "in_tissue", "array_row", "array_col", "pxl_row_in_fullres",
                    "pxl_col_in_fullres"), r.columns().stream().map(ParquetReader.Column::name).toList());
            r.read(List.of("barcode", "pxl_col_in_fullres", "pxl_row_in_fullres", "array_row"), (n, cols) -> {
                for (int i = 0; i < n; i++) {
                    rows.add(new Object[] {((String[]) cols[0])[i], ((double[]) cols[1])[i], ((double[]) cols[2])[i],
                        ((double[]) cols[3])[i]});
                }
            });
            assertEquals(rows.size(), r.rows());
        }
        return rows;
    }

    @Test
    void spaceRangerShapedFilesDecodeExactly() throws Exception {
        List<Object[]> want = expected();
        assertEquals(101, want.size());
        for (String f : List.of("hd/outs/binned_outputs/square_008um/spatial/tissue_positions.parquet",
                "parquet/tissue_positions_v2_dictionary_uncompressed.parquet")) {
            List<Object[]> got = read(resource(f));
            assertEquals(want.size(), got.size(), f);
            for (int i = 0; i < want.size(); i++) {
                assertArrayEquals(want.get(i), got.get(i), f + " row " + i);
            }
        }
    }

    @Test
    void theProjectsOwnWriterReadsBackWithNulls() throws IOException {
        int n = 40_000; // several v1 pages of ParquetWriter.ROWS_PER_PAGE
        Path file = dir.resolve("t.parquet");
        ParquetWriter.write(file, n, List.of(
                new ParquetColumn.Strings("barcode", false, i -> "b" + i),
                new ParquetColumn.Doubles("p", true, i -> i % 3 != 0, i -> i * 0.25),
                new ParquetColumn.Strings("d", true, i -> i % 5 == 0 ? null : "t,\"" + i)), "test");
        long[] seen = {0};
        try (ParquetReader r = ParquetReader.open(file)) {
            r.read(List.of("d", "p", "barcode"), (rows, cols) -> {
                for (int i = 0; i < rows; i++) {
                    long row = seen[0]++;
                    assertEquals(row % 5 == 0 ? null : "t,\"" + row, ((String[]) cols[0])[i]);
                    double p = ((double[]) cols[1])[i];
                    assertTrue(row % 3 == 0 ? Double.isNaN(p) : p == row * 0.25, "row " + row);
                    assertEquals("b" + row, ((String[]) cols[2])[i]);
                }
            });
        }
        assertEquals(n, seen[0]);
    }

    @Test
    void damagedFilesAndMissingColumnsAreOneLineErrors() throws Exception {
        byte[] good = Files.readAllBytes(resource("hd/outs/binned_outputs/square_008um/spatial/tissue_positions.parquet"));
        Path f = dir.resolve("p.parquet");
        Files.write(f, java.util.Arrays.copyOf(good, good.length - 3));
        InputFormatException e = assertThrows(InputFormatException.class, () -> ParquetReader.open(f));
        assertTrue(e.getMessage().endsWith("p.parquet: not a Parquet file (no PAR1 magic at both ends)"), e.getMessage());
        byte[] bad = good.clone();
        bad[bad.length - 6] = (byte) 0x7f; // footer length beyond the file
        Files.write(f, bad);
        e = assertThrows(InputFormatException.class, () -> ParquetReader.open(f));
        assertTrue(e.getMessage().contains("bad Parquet footer length"), e.getMessage());
        Files.write(f, good);
        e = assertThrows(InputFormatException.class, () -> {
            try (ParquetReader r = ParquetReader.open(f)) {
                r.read(List.of("x_um"), (n, c) -> { });
            }
        });
        assertTrue(e.getMessage().contains("no column 'x_um'"), e.getMessage());
        byte[] page = good.clone();
        for (int i = 4; i < 12; i++) {
            page[i] = (byte) 0xff; // the first column's first page header
        }
        Files.write(f, page);
        e = assertThrows(InputFormatException.class, () -> read(f));
        assertTrue(e.getMessage().contains("column 'barcode'"), e.getMessage());
    }

    @Test
    void snappyLiteralsAndOverlappingCopies() throws IOException {
        // "abcabcabcabcX": literal "abc", copy offset 3 length 9, literal "X"
        byte[] block = {13, 2 << 2, 'a', 'b', 'c', (byte) (((9 - 1) << 2) | 2), 3, 0, 0, 'X'};
        assertEquals("abcabcabcabcX", new String(Snappy.decompress(block, 0, block.length, 13),
                java.nio.charset.StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> Snappy.decompress(block, 0, block.length, 12));
        assertTrue(e.getMessage().contains("page header says 12"), e.getMessage());
        byte[] far = {4, (byte) (((4 - 1) << 2) | 2), 9, 0};
        assertThrows(IOException.class, () -> Snappy.decompress(far, 0, far.length, 4));
    }
}
