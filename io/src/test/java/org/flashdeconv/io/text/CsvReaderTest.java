package org.flashdeconv.io.text;

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
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("t.csv"), bytes);
    }

    private Path write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> readAll(Path file) throws IOException {
        return CsvReader.readAll(file);
    }

    @Test
    void readsRfc4180QuotingAcrossLinesWithCrlfBomAndBlankLines() throws IOException {
        Path f = write("\uFEFFbarcode,\"CD4-positive, alpha-beta T cell\",\"say \"\"hi\"\"\"\r\n\r\n"
                + "\"AAAC\nline2\",1.5,\r\nlast,,\"\"");
        List<List<String>> rows = readAll(f);
        assertEquals(List.of(List.of("barcode", "CD4-positive, alpha-beta T cell", "say \"hi\""),
                List.of("AAAC\nline2", "1.5", ""), List.of("last", "", "")), rows);
        try (CsvReader r = CsvReader.open(f)) {
            r.next();
            assertEquals(1, r.lineNumber());
            r.next();
            assertEquals(3, r.lineNumber());
            assertEquals(1.5, r.number(1, "x"));
            assertTrue(r.isEmpty(2));
            r.next();
            assertEquals(5, r.lineNumber());
            assertFalse(r.next());
        }
    }

    @Test
    void writerOutputReadsBackExactlyForAnyName() throws IOException {
        SplittableRandom rng = new SplittableRandom(4);
        String alphabet = "ab,\"\n\r äγ🧬 ";
        List<List<String>> expected = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < 300; row++) {
            List<String> fields = new ArrayList<>();
            int n = 1 + rng.nextInt(5);
            for (int c = 0; c < n; c++) {
                StringBuilder f = new StringBuilder();
                int len = 1 + rng.nextInt(8);
                for (int i = 0; i < len; i++) {
                    f.appendCodePoint(alphabet.codePoints().toArray()[rng.nextInt((int) alphabet.codePoints().count())]);
                }
                fields.add(f.toString());
            }
            expected.add(fields);
            sb.append(CsvWriter.record(fields)).append('\n');
        }
        // records that are a lone CR/LF-only text would be blank; the generator makes none empty after quoting
        assertEquals(expected, readAll(write(sb.toString())));
    }

    @Test
    void readsGzipAndLongRecordsAcrossBufferRefills() throws IOException {
        String big = "x".repeat(200_000);
        Path f = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(("a,\"" + big + "\n" + big + "\",b\nc,d,e\n").getBytes(StandardCharsets.UTF_8));
        }
        List<List<String>> rows = readAll(f);
        assertEquals(2, rows.size());
        assertEquals(big + "\n" + big, rows.get(0).get(1));
        assertEquals(List.of("c", "d", "e"), rows.get(1));
    }

    @Test
    void malformedQuotingIsAnErrorNamingTheLine() throws IOException {
        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(write("a,b\nc,\"d\"x\n")));
        assertTrue(e.getMessage().endsWith("t.csv line 2: field 2: text after the closing quote"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> readAll(write("a,b\nc,d\"e\n")));
        assertTrue(e.getMessage().contains("line 2: field 2: a quote inside an unquoted field"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> readAll(write("a,b\nc,\"open\nd\n")));
        assertTrue(e.getMessage().contains("line 2: field 2: a quoted field is not closed"), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedVisibly() throws IOException {
        Path f = write(new byte[] {'a', ',', 'c', 'a', 'f', (byte) 0xe9, '\n'});
        try (CsvReader r = CsvReader.open(f)) {
            assertTrue(r.next());
            assertEquals("a", r.field(0));
            InputFormatException e = assertThrows(InputFormatException.class, () -> r.field(1));
            assertTrue(e.getMessage().endsWith("line 1: field 2 is not UTF-8 text ('caf\\xE9'); save the file as UTF-8"),
                    e.getMessage());
        }
    }

    @Test
    void numbersFollowTheOneGrammar() throws IOException {
        try (CsvReader r = CsvReader.open(write("1,0x1p3,2f,1d, 3 \n"))) {
            r.next();
            assertEquals(1.0, r.number(0, "a"));
            for (int i = 1; i <= 3; i++) {
                int field = i;
                InputFormatException e = assertThrows(InputFormatException.class, () -> r.number(field, "value"));
                assertTrue(e.getMessage().contains("value: expected a number, found '"), e.getMessage());
            }
            assertEquals(3.0, r.number(4, "blank-padded"));
        }
    }

    @Test
    void tsvHasNoQuotingAndKeepsBlankLinesAsEmptyRecords() throws IOException {
        Path f = Files.writeString(dir.resolve("f.tsv"), "ENSG1\t\"A\"\tGene Expression\n\nENSG2\tB\n");
        try (CsvReader r = CsvReader.openTsv(f)) {
            assertTrue(r.next());
            assertEquals(List.of("ENSG1", "\"A\"", "Gene Expression"), r.all());
            assertTrue(r.next());
            assertEquals(List.of(""), r.all());
            assertTrue(r.next());
            assertEquals(List.of("ENSG2", "B"), r.all());
            assertFalse(r.next());
        }
    }

    @Test
    void aFileWithoutLineEndsStopsAtTheRecordLimit() throws IOException {
        Path f = dir.resolve("zeros");
        try (OutputStream out = Files.newOutputStream(f)) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i <= CsvReader.MAX_RECORD_BYTES >> 20; i++) {
                out.write(block);
            }
        }
        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(f));
        assertTrue(e.getMessage().contains("a record longer than 64 MiB"), e.getMessage());
    }
}
