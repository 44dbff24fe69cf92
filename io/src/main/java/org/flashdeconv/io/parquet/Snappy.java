package org.flashdeconv.io.parquet;

import java.io.IOException;

/**
 * Decompresses a raw Snappy block (the format Parquet's SNAPPY codec stores a page in: a varint of the
 * uncompressed length, then literals and back-references). A block that does not decode to exactly its declared
 * length is an error.
 */
final class Snappy {
    private Snappy() {
    }

    /**
     * Decompresses {@code in[from, to)}.
     *
     * @param expected the uncompressed size the page header declares
     * @throws IOException if the block is malformed or its length differs from {@code expected}
     */
    static byte[] decompress(byte[] in, int from, int to, int expected) throws IOException {
        int p = from;
        long length = 0;
        for (int shift = 0; ; shift += 7) {
            if (p >= to || shift > 28) {
                throw new IOException("snappy: bad length header");
            }
            int b = in[p++] & 0xff;
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
        }
        if (length != expected) {
            throw new IOException("snappy: block holds " + length + " bytes, the page header says " + expected);
        }
        byte[] out = new byte[expected];
        int o = 0;
        while (p < to) {
            int tag = in[p++] & 0xff;
            int kind = tag & 3;
            if (kind == 0) {
                int n = tag >>> 2;
                if (n >= 60) {
                    int bytes = n - 59;
                    if (p + bytes > to) {
                        throw new IOException("snappy: truncated literal length");
                    }
                    n = 0;
                    for (int i = 0; i < bytes; i++) {
                        n |= (in[p++] & 0xff) << (8 * i);
                    }
                }
                n++;
                if (n <= 0 || p + n > to || o + n > out.length) {
                    throw new IOException("snappy: literal runs past the end");
                }
                System.arraycopy(in, p, out, o, n);
                p += n;
                o += n;
                continue;
            }
            int len;
            int offset;
            if (kind == 1) {
                if (p >= to) {
                    throw new IOException("snappy: truncated copy");
                }
                len = 4 + ((tag >>> 2) & 7);
                offset = (tag & 0xe0) << 3 | in[p++] & 0xff;
            } else {
                int bytes = kind == 2 ? 2 : 4;
                if (p + bytes > to) {
                    throw new IOException("snappy: truncated copy");
                }
                len = 1 + (tag >>> 2);
                offset = 0;
                for (int i = 0; i < bytes; i++) {
                    offset |= (in[p++] & 0xff) << (8 * i);
                }
            }
            if (offset <= 0 || offset > o || o + len > out.length) {
                throw new IOException("snappy: bad copy (offset " + offset + ", length " + len + ")");
            }
            for (int i = 0; i < len; i++) { // copies may overlap their own output
                out[o] = out[o - offset];
                o++;
            }
        }
        if (o != out.length) {
            throw new IOException("snappy: block ends after " + o + " of " + out.length + " bytes");
        }
        return out;
    }
}
