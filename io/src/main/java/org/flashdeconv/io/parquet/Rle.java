package org.flashdeconv.io.parquet;

import java.io.IOException;

/** Parquet's RLE / bit-packed hybrid encoding of small integers (definition levels, dictionary indices). */
final class Rle {
    private Rle() {
    }

    /**
     * Decodes {@code count} values of {@code width} bits from {@code b[from, to)}.
     *
     * @throws IOException if the runs end before {@code count} values
     */
    static int[] decode(byte[] b, int from, int to, int width, int count) throws IOException {
        if (width < 0 || width > 32) {
            throw new IOException("bit width " + width);
        }
        int[] out = new int[count];
        int n = 0;
        int p = from;
        int valueBytes = (width + 7) / 8;
        while (n < count) {
            long header = 0;
            for (int shift = 0; ; shift += 7) {
                if (p >= to || shift > 35) {
                    throw new IOException("levels end after " + n + " of " + count + " values");
                }
                int x = b[p++] & 0xff;
                header |= (long) (x & 0x7f) << shift;
                if (x < 0x80) {
                    break;
                }
            }
            if ((header & 1) == 0) {
                long run = header >>> 1;
                if (p + valueBytes > to) {
                    throw new IOException("truncated run");
                }
                int v = 0;
                for (int i = 0; i < valueBytes; i++) {
                    v |= (b[p++] & 0xff) << (8 * i);
                }
                for (long i = 0; i < run && n < count; i++) {
                    out[n++] = v;
                }
            } else {
                long values = (header >>> 1) * 8;
                long bits = values * width;
                if (p + (bits + 7) / 8 > to) {
                    throw new IOException("truncated bit-packed run");
                }
                long bit = (long) p * 8;
                for (long i = 0; i < values; i++) {
                    int v = 0;
                    for (int k = 0; k < width; k++, bit++) {
                        v |= ((b[(int) (bit >>> 3)] >>> (bit & 7)) & 1) << k;
                    }
                    if (n < count) {
                        out[n++] = v;
                    }
                }
                p += (int) ((bits + 7) / 8);
            }
        }
        return out;
    }
}
