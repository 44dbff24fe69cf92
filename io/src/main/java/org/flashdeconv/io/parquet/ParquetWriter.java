package org.flashdeconv.io.parquet;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Writes a flat table as one Parquet file: row groups of up to {@value #ROWS_PER_GROUP} rows, data pages (v1) of
 * up to {@value #ROWS_PER_PAGE} rows, PLAIN values (strings, doubles, booleans), RLE definition levels for optional columns, each page gzip
 * compressed. No statistics, no dictionary: readers (Spark, pyarrow, DuckDB) need neither. The file appears under
 * its name only when complete.
 */
public final class ParquetWriter {
    /** Rows per row group. */
    public static final int ROWS_PER_GROUP = 1 << 20;
    /** Rows per data page. */
    public static final int ROWS_PER_PAGE = 1 << 14;

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    // Parquet's enums (parquet.thrift)
    private static final int TYPE_BOOLEAN = 0;
    private static final int TYPE_DOUBLE = 5;
    private static final int TYPE_BYTE_ARRAY = 6;
    private static final int REQUIRED = 0;
    private static final int OPTIONAL = 1;
    private static final int CONVERTED_UTF8 = 0;
    private static final int ENCODING_PLAIN = 0;
    private static final int ENCODING_RLE = 3;
    private static final int CODEC_GZIP = 2;
    private static final int PAGE_DATA = 0;

    private ParquetWriter() {
    }

    /** Where one column chunk lies in the file. */
    private record Chunk(ParquetColumn column, long offset, long values, long uncompressedBytes,
                         long compressedBytes) {
    }

    /** The chunks of one row group. */
    private record Group(long rows, List<Chunk> chunks) {
    }

    /**
     * Writes {@code rows} rows of {@code columns} to {@code target} (replacing it atomically).
     *
     * @param createdBy the writer's name and version, stored in the footer
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if a required column yields a null, or there is no column
     */
    public static void write(Path target, long rows, List<ParquetColumn> columns, String createdBy)
            throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("parquet: " + target + ": a table needs at least one column");
        }
        try (AtomicOutput atomic = AtomicOutput.create(target)) {
            try (Counting out = new Counting(new BufferedOutputStream(NamedChannel.newOutputStream(atomic.temp(), atomic.target()),
                    1 << 16))) {
                out.write(MAGIC);
                List<Group> groups = new ArrayList<>();
                for (long from = 0; from < rows; from += ROWS_PER_GROUP) {
                    long to = Math.min(rows, from + ROWS_PER_GROUP);
                    List<Chunk> chunks = new ArrayList<>();
                    for (ParquetColumn c : columns) {
                        chunks.add(writeChunk(out, c, from, to));
                    }
                    groups.add(new Group(to - from, chunks));
                }
                byte[] footer = footer(rows, columns, groups, createdBy);
                out.write(footer);
                out.write(new byte[] {(byte) footer.length, (byte) (footer.length >>> 8),
                        (byte) (footer.length >>> 16), (byte) (footer.length >>> 24)});
                out.write(MAGIC);
            }
            atomic.commit();
        }
    }

    private static Chunk writeChunk(Counting out, ParquetColumn c, long from, long to) throws IOException {
        long offset = out.position;
        long uncompressed = 0;
        long compressed = 0;
        for (long p = from; p < to; p += ROWS_PER_PAGE) {
            long end = Math.min(to, p + ROWS_PER_PAGE);
            byte[] raw = page(c, p, end);
            byte[] gz = gzip(raw);
            byte[] header = new ThriftCompact()
                    .i32(1, PAGE_DATA).i32(2, raw.length).i32(3, gz.length)
                    .struct(5).i32(1, (int) (end - p)).i32(2, ENCODING_PLAIN).i32(3, ENCODING_RLE)
                    .i32(4, ENCODING_RLE).endStruct()
                    .endStruct().toByteArray();
            out.write(header);
            out.write(gz);
            uncompressed += header.length + raw.length;
            compressed += header.length + gz.length;
        }
        return new Chunk(c, offset, to - from, uncompressed, compressed);
    }

    /** The page's bytes before compression: definition levels (optional columns), then the non-null values. */
    private static byte[] page(ParquetColumn c, long from, long to) {
        PageBytes b = new PageBytes();
        if (c.optional()) {
            boolean[] present = new boolean[(int) (to - from)];
            for (long i = from; i < to; i++) {
                present[(int) (i - from)] = switch (c) {
                    case ParquetColumn.Strings s -> s.value().apply(i) != null;
                    case ParquetColumn.Doubles d -> d.present().test(i);
                    case ParquetColumn.Booleans f -> f.present().test(i);
                };
            }
            b.definitionLevels(present);
        }
        if (c instanceof ParquetColumn.Booleans f) {
            b.bits(f, from, to);
            return b.toByteArray();
        }
        for (long i = from; i < to; i++) {
            switch (c) {
                case ParquetColumn.Strings s -> {
                    String v = s.value().apply(i);
                    if (v != null) {
                        byte[] u = v.getBytes(StandardCharsets.UTF_8);
                        b.int32(u.length);
                        b.write(u, 0, u.length);
                    } else if (!c.optional()) {
                        throw new IllegalArgumentException("parquet: column '" + c.name() + "' is required but row "
                                + i + " has no value");
                    }
                }
                case ParquetColumn.Doubles d -> {
                    if (!c.optional() || d.present().test(i)) {
                        b.int64(Double.doubleToRawLongBits(d.value().applyAsDouble(i)));
                    }
                }
                case ParquetColumn.Booleans f -> throw new AssertionError("written by bits");
            }
        }
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 14)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

    private static byte[] footer(long rows, List<ParquetColumn> columns, List<Group> groups, String createdBy) {
        ThriftCompact t = new ThriftCompact().beginStruct();
        t.i32(1, 1);
        t.list(2, CompactType.STRUCT, columns.size() + 1);
        t.beginStruct().string(4, "schema").i32(5, columns.size()).endStruct();
        for (ParquetColumn c : columns) {
            boolean text = c instanceof ParquetColumn.Strings;
            t.beginStruct().i32(1, physicalType(c)).i32(3, c.optional() ? OPTIONAL : REQUIRED)
                    .string(4, c.name());
            if (text) {
                t.i32(6, CONVERTED_UTF8).struct(10).struct(1).endStruct().endStruct();
            }
            t.endStruct();
        }
        t.i64(3, rows);
        t.list(4, CompactType.STRUCT, groups.size());
        for (Group g : groups) {
            t.beginStruct().list(1, CompactType.STRUCT, g.chunks().size());
            long bytes = 0;
            for (Chunk ch : g.chunks()) {
                bytes += ch.uncompressedBytes();
                t.beginStruct().i64(2, ch.offset()).struct(3)
                        .i32(1, physicalType(ch.column()))
                        .list(2, CompactType.I32, 2).i32Element(ENCODING_PLAIN).i32Element(ENCODING_RLE)
                        .list(3, CompactType.BINARY, 1).stringElement(ch.column().name())
                        .i32(4, CODEC_GZIP).i64(5, ch.values()).i64(6, ch.uncompressedBytes())
                        .i64(7, ch.compressedBytes()).i64(9, ch.offset())
                        .endStruct().endStruct();
            }
            t.i64(2, bytes).i64(3, g.rows()).endStruct();
        }
        t.string(6, createdBy);
        return t.endStruct().toByteArray();
    }

    private static int physicalType(ParquetColumn c) {
        return switch (c) {
            case ParquetColumn.Strings s -> TYPE_BYTE_ARRAY;
            case ParquetColumn.Doubles d -> TYPE_DOUBLE;
            case ParquetColumn.Booleans f -> TYPE_BOOLEAN;
        };
    }

    /** A growable little-endian byte buffer for one page. */
    private static final class PageBytes extends ByteArrayOutputStream {
        PageBytes() {
            super(1 << 16);
        }

        void int32(int v) {
            write(v);
            write(v >>> 8);
            write(v >>> 16);
            write(v >>> 24);
        }

        void int64(long v) {
            int32((int) v);
            int32((int) (v >>> 32));
        }

        /** The PLAIN booleans of the rows that have one: one bit each, the first in the lowest bit of a byte. */
        void bits(ParquetColumn.Booleans f, long from, long to) {
            int current = 0;
            int used = 0;
            for (long i = from; i < to; i++) {
                if (!f.optional() || f.present().test(i)) {
                    current |= (f.value().test(i) ? 1 : 0) << used;
                    if (++used == 8) {
                        write(current);
                        current = 0;
                        used = 0;
                    }
                }
            }
            if (used > 0) {
                write(current);
            }
        }

        /** Definition levels (0 null, 1 present) as RLE runs of bit width 1, behind their 4-byte length. */
        void definitionLevels(boolean[] present) {
            ByteArrayOutputStream runs = new ByteArrayOutputStream();
            int i = 0;
            while (i < present.length) {
                int j = i;
                while (j < present.length && present[j] == present[i]) {
                    j++;
                }
                long header = (long) (j - i) << 1;
                while ((header & ~0x7FL) != 0) {
                    runs.write((int) (header & 0x7F | 0x80));
                    header >>>= 7;
                }
                runs.write((int) header);
                runs.write(present[i] ? 1 : 0);
                i = j;
            }
            int32(runs.size());
            write(runs.toByteArray(), 0, runs.size());
        }
    }

    /** Counts the bytes written, for the column chunks' offsets. */
    private static final class Counting extends FilterOutputStream {
        long position;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }
    }
}
