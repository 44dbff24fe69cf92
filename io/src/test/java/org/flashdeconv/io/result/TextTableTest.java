package org.flashdeconv.io.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.atomic.NamedChannel;
import org.flashdeconv.io.text.DecimalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTableTest {
    @TempDir
    Path dir;

    /** Three tables of very different widths (so the two writing threads take different files each block). */
    private List<TextTable.Table> tables(Path folder) {
        return List.of(
                new TextTable.Table(folder.resolve("wide.csv"), "barcode,a,b,c", (i, out) -> {
                    for (int j = 0; j < 3; j++) {
                        out.append(',').appendNumber(i * 0.1 + j / 3.0);
                    }
                }),
                new TextTable.Table(folder.resolve("narrow.csv"), "barcode,k", (i, out) -> out.append(',')
                        .appendLong(i % 7)),
                new TextTable.Table(folder.resolve("empty.csv"), "barcode", (i, out) -> { }));
    }

    private static String expected(String header, long n, java.util.function.LongFunction<String> rest) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (long i = 0; i < n; i++) {
            sb.append(i % 5 == 0 ? "\"b," + i + "\"" : "b" + i).append(rest.apply(i)).append('\n');
        }
        return sb.toString();
    }

    private static String barcode(long i) {
        return i % 5 == 0 ? "b," + i : "b" + i;
    }

    @Test
    void tablesWrittenTogetherAreEachWhatItsRowsSayForAnyThreadCount() throws IOException {
        long n = 30_011; // several blocks, the last one short
        byte[][] first = null;
        for (int threads = 1; threads <= 3; threads++) {
            Path folder = Files.createDirectories(dir.resolve("t" + threads));
            try (BlockExecutor ex = new BlockExecutor(threads)) {
                TextTable.write(tables(folder), n, BarcodeField.of(TextTableTest::barcode), ex);
            }
            byte[][] files = {Files.readAllBytes(folder.resolve("wide.csv")),
                Files.readAllBytes(folder.resolve("narrow.csv")), Files.readAllBytes(folder.resolve("empty.csv"))};
            if (first == null) {
                first = files;
                assertEquals(expected("barcode,k", n, i -> "," + i % 7),
                        new String(files[1], StandardCharsets.UTF_8));
                assertEquals(expected("barcode", n, i -> ""), new String(files[2], StandardCharsets.UTF_8));
                String wide = expected("barcode,a,b,c", n, i -> {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < 3; j++) {
                        DecimalText.append(sb.append(','), i * 0.1 + j / 3.0);
                    }
                    return sb.toString();
                });
                assertEquals(wide, new String(files[0], StandardCharsets.UTF_8));
            } else {
                for (int f = 0; f < 3; f++) {
                    assertArrayEquals(first[f], files[f], "threads " + threads + ", file " + f);
                }
            }
        }
    }

    @Test
    void noRowsGiveTheHeadersAlone() throws IOException {
        try (BlockExecutor ex = new BlockExecutor(2)) {
            TextTable.write(tables(dir), 0, BarcodeField.of(TextTableTest::barcode), ex);
        }
        assertEquals("barcode,a,b,c\n", Files.readString(dir.resolve("wide.csv")));
        assertEquals("barcode\n", Files.readString(dir.resolve("empty.csv")));
    }

    @Test
    void aFailedWriteLeavesNoFileAndNoTemporary() throws Exception {
        for (int threads = 1; threads <= 2; threads++) {
            Path folder = Files.createDirectories(dir.resolve("full" + threads));
            try (AutoCloseable redirect = NamedChannel.redirectWrites(p -> p.getFileName().toString()
                    .equals("narrow.csv"), Path.of("/dev/full")); BlockExecutor ex = new BlockExecutor(threads)) {
                IOException e = assertThrows(IOException.class, () -> TextTable.write(tables(folder), 50_000,
                        BarcodeField.of(TextTableTest::barcode), ex));
                assertTrue(e.getMessage().contains("narrow.csv"), e.getMessage());
            }
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    @Test
    void aFormattingFailureLeavesNoFile() throws IOException {
        List<TextTable.Table> bad = List.of(new TextTable.Table(dir.resolve("x.csv"), "barcode,v", (i, out) -> {
            if (i == 9_000) {
                throw new IllegalStateException("row 9000");
            }
            out.append(',').appendLong(i);
        }), new TextTable.Table(dir.resolve("y.csv"), "barcode", (i, out) -> { }));
        try (BlockExecutor ex = new BlockExecutor(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> TextTable.write(bad, 20_000, BarcodeField.of(i -> "s" + i), ex));
            assertEquals("row 9000", e.getMessage());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
