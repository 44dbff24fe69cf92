package org.flashdeconv.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes of a written file, decoded by hand: magic, one gzip data page per column with the page header's
 * sizes and row count, RLE definition levels for optional columns, PLAIN values, and the footer where its length
 * says. Spark reading the same files back is checked in the spark module.
 */
class ParquetWriterTest {
    @TempDir
    Path dir;

    @Test
    void pagesHoldThePlainValuesAndTheDefinitionLevels() throws IOException {
        double[] x = {1.5, -2, 3.25};
        boolean[] present = {true, false, true};
        String[] names = {"a", null, "é,\"x"};
        Path file = dir.resolve("t.parquet");
        ParquetWriter.write(file, 3, List.of(
                new ParquetColumn.Doubles("x", false, i -> true, i -> x[(int) i]),
                new ParquetColumn.Doubles("p", true, i -> present[(int) i], i -> x[(int) i] * 10),
                new ParquetColumn.Strings("qc", false, i -> "ok" + i),
                new ParquetColumn.Strings("d", true, i -> names[(int) i])), "test");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("PAR1", ascii(b, 0));
        assertEquals("PAR1", ascii(b, b.limit() - 4));
        b.position(4);
        assertArrayEquals(le(d(1.5), d(-2), d(3.25)), page(b));
        assertArrayEquals(concat(levels(rle(1, 1), rle(1, 0), rle(1, 1)), le(d(15), d(32.5))), page(b));
        assertArrayEquals(concat(str("ok0"), str("ok1"), str("ok2")), page(b));
        assertArrayEquals(concat(levels(rle(1, 1), rle(1, 0), rle(1, 1)), str("a"), str("é,\"x")), page(b));
        int footer = b.getInt(b.limit() - 8);
        assertEquals(b.limit() - 8 - footer, b.position(), "the footer follows the last page");
        assertTrue(footer > 0);
    }

    @Test
    void aRequiredColumnWithoutAValueIsRefusedAndNothingIsLeft() throws IOException {
        Path file = dir.resolve("t.parquet");
        var e = assertThrows(IllegalArgumentException.class, () -> ParquetWriter.write(file, 2,
                List.of(new ParquetColumn.Strings("barcode", false, i -> i == 0 ? "A" : null)), "test"));
        assertTrue(e.getMessage().contains("column 'barcode' is required but row 1 has no value"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no partial file");
        }
    }

    /** Reads one page header (the Thrift fields of parquet.thrift's PageHeader) and returns the gunzipped page. */
    private static byte[] page(ByteBuffer b) throws IOException {
        int[] header = new int[6];
        int[] dataHeader = new int[5];
        readStruct(b, header, dataHeader);
        assertEquals(0, header[1], "DATA_PAGE");
        assertEquals(3, dataHeader[1], "rows in the page");
        byte[] gz = new byte[header[3]];
        b.get(gz);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] raw = in.readAllBytes();
            assertEquals(header[2], raw.length, "uncompressed size");
            return raw;
        }
    }

    /** i32 fields into {@code into[id]}; a nested struct (field 5) into {@code nested}. */
    private static void readStruct(ByteBuffer b, int[] into, int[] nested) {
        int id = 0;
        while (true) {
            int h = b.get() & 0xFF;
            if (h == 0) {
                return;
            }
            id += h >>> 4;
            int type = h & 0x0F;
            if (type == 5) {
                long v = varint(b);
                into[id] = (int) ((v >>> 1) ^ -(v & 1));
            } else if (type == 12) {
                readStruct(b, nested, null);
            } else {
                throw new AssertionError("unexpected field type " + type);
            }
        }
    }

    private static long varint(ByteBuffer b) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int c = b.get() & 0xFF;
            v |= (long) (c & 0x7F) << shift;
            if (c < 0x80) {
                return v;
            }
        }
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] m = new byte[4];
        b.get(at, m);
        return new String(m, StandardCharsets.US_ASCII);
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static byte[] le(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** One RLE run of bit width 1: header (count << 1), then the value in one byte. */
    private static byte[] rle(int count, int value) {
        return new byte[] {(byte) (count << 1), (byte) value};
    }

    private static byte[] levels(byte[]... runs) {
        byte[] body = concat(runs);
        return concat(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array(), body);
    }

    private static byte[] str(String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        return concat(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(u.length).array(), u);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
