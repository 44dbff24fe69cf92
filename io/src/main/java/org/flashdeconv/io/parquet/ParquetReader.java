package org.flashdeconv.io.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Reads flat Parquet tables such as Space Ranger's {@code tissue_positions.parquet}: top-level columns of
 * INT32, INT64, FLOAT, DOUBLE and BYTE_ARRAY (strings), required or optional, in data pages v1 or v2 with PLAIN
 * or dictionary (PLAIN_DICTIONARY / RLE_DICTIONARY) values, uncompressed, SNAPPY or GZIP. Anything else (nested
 * columns, ZSTD, delta encodings) is refused with a message naming the file, column and feature. The table is
 * read one row group at a time; only the columns asked for are decoded. Needs no jar beyond the JDK.
 */
public final class ParquetReader implements AutoCloseable {
    private static final int MAX_FOOTER = 64 << 20;
    private static final int MAX_PAGE = 256 << 20;

    /** One top-level column of the schema. */
    public record Column(String name, int type, boolean optional) {
    }

    /** Receives one row group's columns, in the order asked for: {@code String[]} or {@code double[]} each. */
    @FunctionalInterface
    public interface RowGroupVisitor {
        /**
         * Called once per row group.
         *
         * @param rows    rows in this group
         * @param columns per asked column: {@code String[]} for strings, {@code double[]} for numbers (null
         *                values: null strings, NaN numbers)
         * @throws IOException to stop
         */
        void accept(int rows, Object[] columns) throws IOException;
    }

    static final int INT32 = 1;
    static final int INT64 = 2;
    static final int FLOAT = 4;
    static final int DOUBLE = 5;
    static final int BYTE_ARRAY = 6;

    private final Path file;
    private final FileChannel channel;
    private final List<Column> columns;
    private final long rows;
    private final List<List<long[]>> groups; // per row group, per column: {codec, firstPageOffset, totalBytes, values}
    private final List<Long> groupRows;

    private ParquetReader(Path file, FileChannel channel, List<Column> columns, long rows,
                          List<List<long[]>> groups, List<Long> groupRows) {
        this.file = file;
        this.channel = channel;
        this.columns = columns;
        this.rows = rows;
        this.groups = groups;
        this.groupRows = groupRows;
    }

    /**
     * Opens a Parquet file and reads its footer.
     *
     * @throws InputFormatException if it is not Parquet or uses a layout this reader does not handle
     * @throws IOException          if it cannot be read
     */
    public static ParquetReader open(Path file) throws IOException {
        FileChannel ch = NamedChannel.open(file, StandardOpenOption.READ);
        boolean ok = false;
        try {
            long size = ch.size();
            byte[] tail = read(ch, Math.max(0, size - 8), (int) Math.min(8, size));
            if (size < 12 || !new String(tail, 4, 4, StandardCharsets.US_ASCII).equals("PAR1")
                    || !new String(read(ch, 0, 4), StandardCharsets.US_ASCII).equals("PAR1")) {
                throw new InputFormatException(file, "not a Parquet file (no PAR1 magic at both ends)");
            }
            int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (footerLength <= 0 || footerLength > size - 12 || footerLength > MAX_FOOTER) {
                throw new InputFormatException(file, "bad Parquet footer length " + footerLength);
            }
            byte[] footer = read(ch, size - 8 - footerLength, footerLength);
            ParquetReader r = parseFooter(file, ch, footer, size);
            ok = true;
            return r;
        } finally {
            if (!ok) {
                ch.close();
            }
        }
    }

    private static ParquetReader parseFooter(Path file, FileChannel ch, byte[] footer, long size)
            throws IOException {
        List<Column> columns = new ArrayList<>();
        List<List<long[]>> groups = new ArrayList<>();
        List<Long> groupRows = new ArrayList<>();
        long rows = -1;
        try {
            ThriftReader t = new ThriftReader(footer, 0, footer.length);
            t.beginStruct();
            for (int id; (id = t.nextField()) >= 0; ) {
                if (id == 2 && t.fieldType() == CompactType.LIST) {
                    int n = t.list();
                    for (int i = 0; i < n; i++) {
                        Column c = schemaElement(t, file, i);
                        if (i > 0) {
                            columns.add(c);
                        }
                    }
                } else if (id == 3) {
                    rows = t.i64();
                } else if (id == 4 && t.fieldType() == CompactType.LIST) {
                    int n = t.list();
                    for (int g = 0; g < n; g++) {
                        rowGroup(t, groups, groupRows);
                    }
                } else {
                    t.skip();
                }
            }
        } catch (InputFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InputFormatException(file, "corrupt Parquet footer (" + e.getMessage() + ")", e);
        }
        for (List<long[]> g : groups) {
            if (g.size() != columns.size()) {
                throw new InputFormatException(file, "a row group has " + g.size() + " column chunks for "
                        + columns.size() + " columns");
            }
            for (long[] c : g) {
                if (c[1] < 4 || c[2] < 0 || c[1] + c[2] > size) {
                    throw new InputFormatException(file, "a column chunk lies outside the file");
                }
            }
        }
        return new ParquetReader(file, ch, List.copyOf(columns), rows, groups, groupRows);
    }

    private static Column schemaElement(ThriftReader t, Path file, int index) throws IOException {
        t.beginStruct();
        int type = -1;
        int repetition = 0;
        String name = null;
        int children = 0;
        for (int id; (id = t.nextField()) >= 0; ) {
            switch (id) {
                case 1 -> type = t.i32();
                case 3 -> repetition = t.i32();
                case 4 -> name = t.string();
                case 5 -> children = t.i32();
                default -> t.skip();
            }
        }
        if (index > 0 && (children > 0 || repetition == 2)) {
            throw new InputFormatException(file, "column '" + name + "' is nested or repeated (only flat tables "
                    + "are read)");
        }
        return new Column(name, type, repetition == 1);
    }

    private static void rowGroup(ThriftReader t, List<List<long[]>> groups, List<Long> groupRows)
            throws IOException {
        t.beginStruct();
        List<long[]> chunks = new ArrayList<>();
        long n = 0;
        for (int id; (id = t.nextField()) >= 0; ) {
            if (id == 1 && t.fieldType() == CompactType.LIST) {
                int k = t.list();
                for (int c = 0; c < k; c++) {
                    chunks.add(columnChunk(t));
                }
            } else if (id == 3) {
                n = t.i64();
            } else {
                t.skip();
            }
        }
        groups.add(chunks);
        groupRows.add(n);
    }

    /** {codec, first page offset, total compressed bytes, value count}. */
    private static long[] columnChunk(ThriftReader t) throws IOException {
        long[] c = {0, -1, 0, 0};
        long dictionary = -1;
        long data = -1;
        t.beginStruct();
        for (int id; (id = t.nextField()) >= 0; ) {
            if (id == 3 && t.fieldType() == CompactType.STRUCT) {
                t.beginStruct();
                for (int m; (m = t.nextField()) >= 0; ) {
                    switch (m) {
                        case 4 -> c[0] = t.i32();
                        case 5 -> c[3] = t.i64();
                        case 7 -> c[2] = t.i64();
                        case 9 -> data = t.i64();
                        case 11 -> dictionary = t.i64();
                        default -> t.skip();
                    }
                }
            } else {
                t.skip();
            }
        }
        c[1] = dictionary > 0 && (data < 0 || dictionary < data) ? dictionary : data;
        return c;
    }

    /** The top-level columns. */
    public List<Column> columns() {
        return columns;
    }

    /** Rows in the table. */
    public long rows() {
        return rows;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /**
     * Decodes the named columns, one row group at a time.
     *
     * @param names the columns wanted (strings come back as {@code String[]}, numbers as {@code double[]})
     * @throws InputFormatException if a column is missing, of another type, or stored in a way not handled
     * @throws IOException          if the file cannot be read
     */
    public void read(List<String> names, RowGroupVisitor visitor) throws IOException {
        int[] index = new int[names.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(names.get(i))) {
                    index[i] = c;
                }
            }
            if (index[i] < 0) {
                throw new InputFormatException(file, "no column '" + names.get(i) + "' (found "
                        + columns.stream().map(Column::name).toList() + ")");
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            long n = groupRows.get(g);
            if (n > Integer.MAX_VALUE - 8) {
                throw new InputFormatException(file, "row group " + g + " has " + n + " rows");
            }
            Object[] out = new Object[index.length];
            for (int i = 0; i < index.length; i++) {
                Column col = columns.get(index[i]);
                long[] chunk = groups.get(g).get(index[i]);
                out[i] = new ColumnChunkDecoder(file, col, (int) chunk[0], (int) n)
                        .decode(readChunk(chunk[1], chunk[2], col));
            }
            visitor.accept((int) n, out);
        }
    }

    private byte[] readChunk(long offset, long bytes, Column col) throws IOException {
        if (bytes > MAX_PAGE * 4L) {
            throw new InputFormatException(file, "column '" + col.name() + "': a " + bytes
                    + "-byte column chunk is more than this reader takes");
        }
        return read(channel, offset, (int) bytes);
    }

    static byte[] read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (offset + b.position()));
            }
        }
        return b.array();
    }

    /** Decompresses one page body. */
    static byte[] decompress(int codec, byte[] in, int from, int length, int uncompressed) throws IOException {
        return switch (codec) {
            case 0 -> java.util.Arrays.copyOfRange(in, from, from + length);
            case 1 -> Snappy.decompress(in, from, from + length, uncompressed);
            case 2 -> {
                try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(in, from, length))) {
                    byte[] out = z.readNBytes(uncompressed);
                    if (out.length != uncompressed) {
                        throw new IOException("gzip page holds " + out.length + " bytes, the header says "
                                + uncompressed);
                    }
                    yield out;
                }
            }
            default -> throw new IOException("compression codec " + codecName(codec) + " is not supported (write "
                    + "the file with snappy, gzip or no compression)");
        };
    }

    private static String codecName(int codec) {
        String[] names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"};
        return codec >= 0 && codec < names.length ? names[codec] : Integer.toString(codec);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
