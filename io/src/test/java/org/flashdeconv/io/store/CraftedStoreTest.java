package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.9: a store whose checksums are all valid but whose section table makes two sections share bytes, or
 * whose values are negative or not finite, is refused (overlap on every open, values by {@code --verify}).
 */
class CraftedStoreTest {
    @TempDir
    Path dir;

    private Path good() throws IOException {
        Path p = dir.resolve("good.fdstore");
        StoreWriterTest.write(new SparseFixture(50, 20, 0.2, true, 3), p, true);
        return p;
    }

    /** Rewrites the header checksum after an edit of the header or table. */
    private static void resealHeader(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt((int) StoreHeader.CRC_OFFSET, StoreHeader.checksum(MemorySegment.ofArray(b)));
    }

    private static int entryOf(StoreHeader h, SectionKind kind) {
        for (int i = 0; i < h.sections().size(); i++) {
            if (h.sections().get(i).kind().equals(kind)) {
                return StoreHeader.TABLE_OFFSET + i * StoreHeader.ENTRY_BYTES;
            }
        }
        throw new AssertionError(kind.label());
    }

    @Test
    void overlappingSectionsAreRefused() throws IOException {
        Path good = good();
        StoreHeader h;
        try (CountStore s = CountStore.open(good)) {
            h = s.header();
        }
        SectionEntry values = h.find(SectionKind.VALUES);
        // three crafts: totals onto values, barcodes into the middle of values, col indices ending inside values
        SectionKind[] moved = {SectionKind.TOTALS, SectionKind.BARCODES, SectionKind.COL_IDX};
        long[] to = {values.offset(), values.offset() + 64, values.offset() - 64};
        for (int c = 0; c < moved.length; c++) {
            byte[] b = Files.readAllBytes(good);
            int at = entryOf(h, moved[c]);
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(at + 8, to[c]);
            resealHeader(b);
            Path crafted = Files.write(dir.resolve("crafted" + c + ".fdstore"), b);
            StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(crafted).close());
            assertTrue(e.getMessage().contains("overlaps section"), e.getMessage());
        }
    }

    @Test
    void negativeOrNonFiniteValuesFailVerify() throws IOException {
        Path good = good();
        StoreHeader h;
        try (CountStore s = CountStore.open(good)) {
            h = s.header();
        }
        SectionEntry values = h.find(SectionKind.VALUES);
        int width = h.valueType().bytes();
        double[] bad = {-1, Double.NaN, Double.POSITIVE_INFINITY};
        for (double v : bad) {
            byte[] b = Files.readAllBytes(good);
            ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            int at = (int) values.offset() + 2 * width;
            if (width == 4) {
                buf.putFloat(at, (float) v);
            } else {
                buf.putDouble(at, v);
            }
            // a consistent forgery: the section checksum and the header checksum are recomputed
            int crc = CountStore.crc32c(MemorySegment.ofArray(b).asSlice(values.offset(), values.length()));
            buf.putInt(entryOf(h, SectionKind.VALUES) + 4, crc);
            resealHeader(b);
            Path crafted = Files.write(dir.resolve("values.fdstore"), b);
            StoreFormatException e = assertThrows(StoreFormatException.class,
                    () -> CountStore.open(crafted, true).close());
            assertTrue(e.getMessage().contains("is negative or not finite"), e.getMessage());
        }
    }
}
