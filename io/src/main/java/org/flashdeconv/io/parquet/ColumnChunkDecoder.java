package org.flashdeconv.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.flashdeconv.io.InputFormatException;

/**
 * Decodes the pages of one column chunk into {@code String[]} or {@code double[]}: an optional dictionary page,
 * then data pages v1 or v2, with definition levels (max level 1) for optional columns and PLAIN or dictionary
 * values.
 */
final class ColumnChunkDecoder {
    private static final int PAGE_DATA = 0;
    private static final int PAGE_DICTIONARY = 2;
    private static final int PAGE_DATA_V2 = 3;
    private static final int PLAIN = 0;
    private static final int PLAIN_DICTIONARY = 2;
    private static final int RLE_DICTIONARY = 8;

    private final java.nio.file.Path file;
    private final ParquetReader.Column column;
    private final int codec;
    private final int rows;
    private final String[] strings;
    private final double[] numbers;
    private Object dictionary;
    private int filled;

    ColumnChunkDecoder(java.nio.file.Path file, ParquetReader.Column column, int codec, int rows) {
        this.file = file;
        this.column = column;
        this.codec = codec;
        this.rows = rows;
        boolean text = column.type() == ParquetReader.BYTE_ARRAY;
        this.strings = text ? new String[rows] : null;
        this.numbers = text ? null : new double[rows];
    }

    private InputFormatException error(String what) {
        return new InputFormatException(file, "column '" + column.name() + "': " + what);
    }

    /** Decodes every page of {@code chunk}; returns the column's values. */
    Object decode(byte[] chunk) throws IOException {
        int type = column.type();
        if (type != ParquetReader.BYTE_ARRAY && type != ParquetReader.INT32 && type != ParquetReader.INT64
                && type != ParquetReader.FLOAT && type != ParquetReader.DOUBLE) {
            throw error("physical type " + type + " is not read (expected strings, integers or floating point)");
        }
        int pos = 0;
        try {
            while (filled < rows) {
                if (pos >= chunk.length) {
                    throw error("the column chunk ends after " + filled + " of " + rows + " values");
                }
                ThriftReader t = new ThriftReader(chunk, pos, chunk.length);
                int[] h = pageHeader(t);
                int bodyStart = t.position();
                int compressed = h[2];
                if (compressed < 0 || bodyStart + compressed > chunk.length) {
                    throw error("a page runs past its column chunk");
                }
                page(h, chunk, bodyStart);
                pos = bodyStart + compressed;
            }
        } catch (InputFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw error("corrupt page (" + e.getMessage() + ")");
        }
        return strings != null ? strings : numbers;
    }

    /**
     * {type, uncompressed, compressed, numValues, encoding, defLevelBytes(v2), repLevelBytes(v2), isCompressed(v2)}.
     */
    private static int[] pageHeader(ThriftReader t) throws IOException {
        int[] h = new int[8];
        h[7] = 1;
        t.beginStruct();
        for (int id; (id = t.nextField()) >= 0; ) {
            switch (id) {
                case 1 -> h[0] = t.i32();
                case 2 -> h[1] = t.i32();
                case 3 -> h[2] = t.i32();
                case 5, 7 -> {
                    t.beginStruct();
                    for (int f; (f = t.nextField()) >= 0; ) {
                        switch (f) {
                            case 1 -> h[3] = t.i32();
                            case 2 -> h[4] = t.i32();
                            default -> t.skip();
                        }
                    }
                }
                case 8 -> {
                    t.beginStruct();
                    for (int f; (f = t.nextField()) >= 0; ) {
                        switch (f) {
                            case 1 -> h[3] = t.i32();
                            case 4 -> h[4] = t.i32();
                            case 5 -> h[5] = t.i32();
                            case 6 -> h[6] = t.i32();
                            case 7 -> h[7] = t.bool() ? 1 : 0;
                            default -> t.skip();
                        }
                    }
                }
                default -> t.skip();
            }
        }
        return h;
    }

    private void page(int[] h, byte[] chunk, int start) throws IOException {
        int kind = h[0];
        if (kind == PAGE_DICTIONARY) {
            byte[] body = ParquetReader.decompress(codec, chunk, start, h[2], h[1]);
            if (h[4] != PLAIN && h[4] != PLAIN_DICTIONARY) {
                throw error("dictionary encoding " + h[4] + " is not read");
            }
            Object values = column.type() == ParquetReader.BYTE_ARRAY ? new String[h[3]] : new double[h[3]];
            plain(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN), values, 0, h[3]);
            dictionary = values;
            return;
        }
        if (kind != PAGE_DATA && kind != PAGE_DATA_V2) {
            return; // index pages: nothing to read
        }
        int count = h[3];
        if (count < 0 || count > rows - filled) {
            throw error("a page holds " + count + " values, more than the " + (rows - filled) + " rows left");
        }
        byte[] body;
        int p;
        boolean[] present = null;
        if (kind == PAGE_DATA) {
            body = ParquetReader.decompress(codec, chunk, start, h[2], h[1]);
            p = 0;
            if (column.optional()) {
                int n = ByteBuffer.wrap(body, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                present = levels(body, 4, 4 + n, count);
                p = 4 + n;
            }
        } else {
            int levels = h[5] + h[6];
            if (h[6] != 0) {
                throw error("repetition levels in a flat column");
            }
            byte[] values = h[7] == 1
                    ? ParquetReader.decompress(codec, chunk, start + levels, h[2] - levels, h[1] - levels)
                    : Arrays.copyOfRange(chunk, start + levels, start + h[2]);
            if (column.optional()) {
                present = levels(chunk, start, start + h[5], count);
            }
            body = values;
            p = 0;
        }
        int nonNull = count;
        if (present != null) {
            nonNull = 0;
            for (boolean b : present) {
                nonNull += b ? 1 : 0;
            }
        }
        Object dense = column.type() == ParquetReader.BYTE_ARRAY ? new String[nonNull] : new double[nonNull];
        int encoding = h[4];
        if (encoding == PLAIN) {
            plain(ByteBuffer.wrap(body, p, body.length - p).order(ByteOrder.LITTLE_ENDIAN), dense, 0, nonNull);
        } else if (encoding == PLAIN_DICTIONARY || encoding == RLE_DICTIONARY) {
            if (dictionary == null) {
                throw error("dictionary-encoded page without a dictionary page");
            }
            int width = body[p] & 0xff;
            int[] idx = Rle.decode(body, p + 1, body.length, width, nonNull);
            int size = dictionary instanceof String[] s ? s.length : ((double[]) dictionary).length;
            for (int i = 0; i < nonNull; i++) {
                if (idx[i] < 0 || idx[i] >= size) {
                    throw error("dictionary index " + idx[i] + " outside a dictionary of " + size);
                }
                if (dense instanceof String[] s) {
                    s[i] = ((String[]) dictionary)[idx[i]];
                } else {
                    ((double[]) dense)[i] = ((double[]) dictionary)[idx[i]];
                }
            }
        } else {
            throw error("value encoding " + encoding + " is not read (PLAIN and dictionary encodings are)");
        }
        int d = 0;
        for (int i = 0; i < count; i++) {
            boolean has = present == null || present[i];
            if (strings != null) {
                strings[filled + i] = has ? ((String[]) dense)[d++] : null;
            } else {
                numbers[filled + i] = has ? ((double[]) dense)[d++] : Double.NaN;
            }
        }
        filled += count;
    }

    private static boolean[] levels(byte[] b, int from, int to, int count) throws IOException {
        int[] l = Rle.decode(b, from, to, 1, count);
        boolean[] present = new boolean[count];
        for (int i = 0; i < count; i++) {
            present[i] = l[i] == 1;
        }
        return present;
    }

    private void plain(ByteBuffer b, Object out, int from, int n) throws IOException {
        for (int i = from; i < from + n; i++) {
            switch (column.type()) {
                case ParquetReader.INT32 -> ((double[]) out)[i] = b.getInt();
                case ParquetReader.INT64 -> ((double[]) out)[i] = b.getLong();
                case ParquetReader.FLOAT -> ((double[]) out)[i] = b.getFloat();
                case ParquetReader.DOUBLE -> ((double[]) out)[i] = b.getDouble();
                default -> {
                    int len = b.getInt();
                    if (len < 0 || len > b.remaining()) {
                        throw error("a string of " + len + " bytes runs past its page");
                    }
                    ((String[]) out)[i] = new String(b.array(), b.arrayOffset() + b.position(), len,
                            StandardCharsets.UTF_8);
                    b.position(b.position() + len);
                }
            }
        }
    }
}
