package org.flashdeconv.io.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Barcode to spot index, compact enough for millions of spots: the barcodes' UTF-8 bytes in one pooled array,
 * an int start offset per spot and an open-addressing table of spot numbers (about 30 bytes per spot for
 * 20-character barcodes, no object per barcode). Used to reject duplicate barcodes and to match coordinates
 * to spots by barcode. Not thread-safe.
 */
public final class BarcodeIndex {
    private byte[] pool = new byte[1 << 16];
    private int poolBytes;
    private int[] starts = new int[1025];
    private int[] table = new int[2048];
    private int size;

    /** An empty index. */
    public BarcodeIndex() {
    }

    /** Number of barcodes added. */
    public long size() {
        return size;
    }

    /**
     * Adds the barcode of the next spot (spot number {@link #size()}), unless it is already present.
     *
     * @return -1 if the barcode was new (it now has the next spot number), else the spot that already has it
     *         (nothing is added)
     * @throws IllegalArgumentException past 2^31 - 2 spots or 2 GiB of barcode bytes
     */
    public long add(String barcode) {
        byte[] b = barcode.getBytes(StandardCharsets.UTF_8);
        int slot = slot(b, table);
        if (table[slot] != 0) {
            return table[slot] - 1L;
        }
        if (size == Integer.MAX_VALUE - 2 || poolBytes > Integer.MAX_VALUE - 16 - b.length) {
            throw new IllegalArgumentException("barcode index: too many barcodes (" + size + ")");
        }
        if (poolBytes + b.length > pool.length) {
            pool = Arrays.copyOf(pool, (int) Math.min(Integer.MAX_VALUE - 16L,
                    Math.max(2L * pool.length, (long) poolBytes + b.length)));
        }
        System.arraycopy(b, 0, pool, poolBytes, b.length);
        poolBytes += b.length;
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * starts.length));
        }
        starts[size + 1] = poolBytes;
        size++;
        table[slot] = size;
        if (2L * size > table.length) {
            rehash();
        }
        return -1;
    }

    /** The spot with {@code barcode}, or -1. */
    public long find(String barcode) {
        int slot = slot(barcode.getBytes(StandardCharsets.UTF_8), table);
        return table[slot] - 1L;
    }

    /** The slot that holds {@code b}, or the empty slot where it would go. */
    private int slot(byte[] b, int[] t) {
        int mask = t.length - 1;
        int i = (int) hash(b, 0, b.length) & mask;
        while (t[i] != 0) {
            int spot = t[i] - 1;
            if (Arrays.equals(pool, starts[spot], starts[spot + 1], b, 0, b.length)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int spot = 0; spot < size; spot++) {
            int i = (int) hash(pool, starts[spot], starts[spot + 1]) & mask;
            while (t[i] != 0) {
                i = (i + 1) & mask;
            }
            t[i] = spot + 1;
        }
        table = t;
    }

    /** FNV-1a over the bytes, then a 64-bit finaliser so the low bits mix well. */
    private static long hash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
