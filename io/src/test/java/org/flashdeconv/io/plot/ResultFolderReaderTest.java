package org.flashdeconv.io.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.text.CsvFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFolderReaderTest {

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void readsRowsInOrderWithNaNForQcSpots(@TempDir Path dir) throws IOException {
        write(dir.resolve("proportions.csv"), "barcode,\"T, naive\",B,qc\r\n"
                + "s1,0.25,0.75,ok\r\n" + "s2,,,zero_counts\r\n" + "\"s3\",1e-1,NaN,ok\r\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("coordinates.csv.gz")))) {
            out.write("barcode,x,y,z\ns1,1.5,2,0\ns2,-3,4.25,0\ns3,5,6,0\n".getBytes(StandardCharsets.UTF_8));
        }
        ResultFolderReader reader = ResultFolderReader.open(dir);
        assertEquals(List.of("T, naive", "B"), reader.typeNames());
        List<double[]> rows = new ArrayList<>();
        reader.forEachSpot((spot, x, y, p) -> rows.add(new double[]{spot, x, y, p[0], p[1]}));
        assertEquals(3, rows.size());
        assertArrayEquals(new double[]{0, 1.5, 2, 0.25, 0.75}, rows.get(0));
        assertArrayEquals(new double[]{1, -3, 4.25, Double.NaN, Double.NaN}, rows.get(1));
        assertArrayEquals(new double[]{2, 5, 6, 0.1, Double.NaN}, rows.get(2));
        long[] count = {0};
        reader.forEachCoordinate((spot, x, y) -> count[0]++);
        assertEquals(3, count[0]);
    }

    @Test
    void missingFolderOrFileIsNamed(@TempDir Path dir) throws IOException {
        NoSuchFileException folder = assertThrows(NoSuchFileException.class,
                () -> ResultFolderReader.open(dir.resolve("nope")));
        assertTrue(folder.getMessage().contains("nope") && folder.getMessage().contains("no such result folder"));
        write(dir.resolve("coordinates.csv"), "barcode,x,y\n");
        NoSuchFileException file = assertThrows(NoSuchFileException.class, () -> ResultFolderReader.open(dir));
        assertTrue(file.getMessage().contains("proportions.csv"), file.getMessage());
    }

    @Test
    void missingColumnsAndMisalignedRowsGiveTheFileAndLine(@TempDir Path dir) throws IOException {
        write(dir.resolve("proportions.csv"), "barcode,A,B\ns1,0.5,0.5\ns2,0.5\n");
        write(dir.resolve("coordinates.csv"), "barcode,col,row\ns1,0,0\n");
        InputFormatException header = assertThrows(InputFormatException.class, () -> ResultFolderReader.open(dir));
        assertTrue(header.getMessage().contains("coordinates.csv line 1: cannot identify the coordinate columns"),
                header.getMessage());

        write(dir.resolve("coordinates.csv"), "barcode,x,y\ns1,0,0\ns2,1,0\n");
        ResultFolderReader reader = ResultFolderReader.open(dir);
        assertSpotsRefused(reader, "proportions.csv line 3: expected at least 3 fields, found 2");

        write(dir.resolve("proportions.csv"), "barcode,A,B\ns1,0.5,0.5\nsX,0.5,0.5\n");
        assertSpotsRefused(reader, "line 3", "'s2'");

        write(dir.resolve("proportions.csv"), "barcode,A,B\ns1,0.5,0.5\ns2,0.5,abc\n");
        assertSpotsRefused(reader, "line 3: field 3: expected a number, found 'abc'");

        write(dir.resolve("proportions.csv"), "barcode,A,B\ns1,0.5,0.5\ns2,0.5,0.5\ns3,1,0\n");
        assertSpotsRefused(reader, "coordinates.csv", "ends after 2");
    }

    /** Reading the spots fails with a CSV error whose message holds every fragment. */
    private static void assertSpotsRefused(ResultFolderReader reader, String... fragments) {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> reader.forEachSpot((s, x, y, p) -> { }));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
    }
}
