package org.flashdeconv.io.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextBufferTest {

    /** What the StringBuilder path gives: the bytes every table had before this buffer. */
    private static byte[] viaStringBuilder(double v) {
        StringBuilder sb = new StringBuilder();
        DecimalText.append(sb, v);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] text(TextBuffer b) {
        return Arrays.copyOf(b.bytes(), b.size());
    }

    @Test
    void numbersAreTheBytesOfDecimalText() {
        double[] edges = {0.0, -0.0, 1.0, -1.0, 0.5, 0.1 + 0.2, 1e-3, 9.999e-4, 1e7, 9999999.5, 1e15 - 1, 1e15,
            -1e15, 1e15 + 2, 1e16, 1e22, 1e23, 9.007199254740993e15, Double.MIN_VALUE, Double.MIN_NORMAL,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            2.5e-7, 123456.789, -0.0001, 4.9e-324, 0.30000000000000004, (double) Long.MAX_VALUE};
        TextBuffer b = new TextBuffer(0);
        for (double v : edges) {
            b.clear();
            b.appendNumber(v);
            assertArrayEquals(viaStringBuilder(v), text(b), "value " + v);
        }
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> rnd.nextDouble();
                case 1 -> Double.longBitsToDouble(rnd.nextLong());
                case 2 -> Math.scalb(rnd.nextDouble(), rnd.nextInt(-60, 60));
                default -> rnd.nextInt(-1_000_000, 1_000_000) * (i % 8 == 3 ? 1.0 : 0.25);
            };
            b.clear();
            b.appendNumber(v);
            assertArrayEquals(viaStringBuilder(v), text(b), "value " + v);
        }
    }

    @Test
    void longsAreTheirDecimalDigits() {
        long[] values = {0, 1, -1, 9, 10, 99, 100, -100, 123456789012345L, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1};
        TextBuffer b = new TextBuffer(1);
        for (long v : values) {
            b.clear();
            b.appendLong(v);
            assertEquals(Long.toString(v), b.toString());
        }
    }

    @Test
    void fieldsAreQuotedAsCsvWriterQuotesThem() {
        List<String> fields = List.of("", "AAAC-1", "a,b", "say \"hi\"", "two\nlines", "cr\r", " lead", "trail ",
                "mid space", "Zellkern-Ä", "日本", "emoji \uD83D\uDE00", "ä,\"");
        TextBuffer b = new TextBuffer(2);
        for (String f : fields) {
            b.clear();
            b.appendField(f);
            StringBuilder sb = new StringBuilder();
            CsvWriter.appendField(sb, f);
            assertArrayEquals(sb.toString().getBytes(StandardCharsets.UTF_8), text(b), f);
        }
    }

    @Test
    void utf8FieldsFromASegmentAreWhatTheDecodedStringGives() {
        List<byte[]> raw = List.of("AAAC-1".getBytes(StandardCharsets.UTF_8), new byte[0],
                "a,b".getBytes(StandardCharsets.UTF_8), "x\"y".getBytes(StandardCharsets.UTF_8),
                " s".getBytes(StandardCharsets.UTF_8), "Ä-1".getBytes(StandardCharsets.UTF_8),
                new byte[] {'b', (byte) 0xC3}, new byte[] {(byte) 0xFF, ',', 'z'});
        try (Arena arena = Arena.ofConfined()) {
            TextBuffer b = new TextBuffer(0);
            for (byte[] r : raw) {
                MemorySegment seg = arena.allocate(r.length + 3L);
                MemorySegment.copy(r, 0, seg, ValueLayout.JAVA_BYTE, 3, r.length);
                b.clear();
                b.append('>');
                b.appendUtf8Field(seg, 3, r.length);
                String decoded = new String(r, StandardCharsets.UTF_8);
                assertEquals(">" + CsvWriter.field(decoded), b.toString(), decoded);
            }
            MemorySegment small = arena.allocate(4);
            assertThrows(IndexOutOfBoundsException.class, () -> b.appendUtf8Field(small, 2, 3));
        }
    }

    @Test
    void growsAndKeepsWhatWasWritten() {
        TextBuffer b = new TextBuffer(0);
        TextBuffer other = new TextBuffer(4);
        other.appendText("xyz");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.appendLong(i).append(',').appendText("é").append(other);
            expected.append(i).append(',').append('é').append("xyz");
        }
        assertEquals(expected.toString(), b.toString());
        assertEquals(expected.toString().getBytes(StandardCharsets.UTF_8).length, b.size());
        assertEquals(b.size(), b.asByteBuffer().remaining());
        b.clear();
        assertEquals(0, b.size());
        assertThrows(IllegalArgumentException.class, () -> new TextBuffer(-1));
    }
}
