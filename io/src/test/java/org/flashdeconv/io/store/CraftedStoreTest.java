package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.9: a store whose checksums are all valid but whose section table makes two sections share bytes, or
 * whose values are negative or not finite, is refused (overlap on every open, values by {@code --verify}).
 */
class CraftedStoreTest {
    @TempDir
    Path dir;

    private Path good;
    private StoreHeader header;

    @BeforeEach
    void writeAGoodStore() throws IOException {
        good = dir.resolve("good.fdstore");
        StoreWriterTest.write(new SparseFixture(50, 20, 0.2, true, 3), good, true);
        try (CountStore s = CountStore.open(good)) {
            header = s.header();
        }
    }

    /**
     * A copy of the good store, named {@code name}, whose little-endian bytes {@code edit} changed; the header
     * checksum is then rewritten, so only the checks behind it can refuse the file.
     */
    private Path craft(String name, Consumer<ByteBuffer> edit) throws IOException {
        byte[] b = Files.readAllBytes(good);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(buf);
        buf.putInt((int) StoreHeader.CRC_OFFSET, StoreHeader.checksum(MemorySegment.ofArray(b)));
        return Files.write(dir.resolve(name), b);
    }

    /** The byte offset of {@code kind}'s entry in the section table. */
    private int entryOf(SectionKind kind) {
        for (int i = 0; i < header.sections().size(); i++) {
            if (header.sections().get(i).kind().equals(kind)) {
                return StoreHeader.TABLE_OFFSET + i * StoreHeader.ENTRY_BYTES;
            }
        }
        throw new AssertionError(kind.label());
    }

    /** Opening (and verifying) {@code crafted} fails with a message holding {@code fragment}. */
    private static void assertRefused(Path crafted, String fragment) {
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(crafted).close());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void overlappingSectionsAreRefused() throws IOException {
        SectionEntry values = header.find(SectionKind.VALUES);
        // three crafts: totals onto values, barcodes into the middle of values, col indices ending inside values
        SectionKind[] moved = {SectionKind.TOTALS, SectionKind.BARCODES, SectionKind.COL_IDX};
        long[] to = {values.offset(), values.offset() + 64, values.offset() - 64};
        for (int c = 0; c < moved.length; c++) {
            int at = entryOf(moved[c]);
            long offset = to[c];
            assertRefused(craft("crafted" + c + ".fdstore", buf -> buf.putLong(at + 8, offset)), "overlaps section");
        }
    }

    @Test
    void negativeOrNonFiniteValuesFailVerify() throws IOException {
        SectionEntry values = header.find(SectionKind.VALUES);
        int width = header.valueType().bytes();
        int at = (int) values.offset() + 2 * width;
        double[] bad = {-1, Double.NaN, Double.POSITIVE_INFINITY};
        for (double v : bad) {
            Path crafted = craft("values.fdstore", buf -> {
                if (width == 4) {
                    buf.putFloat(at, (float) v);
                } else {
                    buf.putDouble(at, v);
                }
                // a consistent forgery: the section checksum is recomputed too
                int crc = CountStore.crc32c(MemorySegment.ofArray(buf.array()).asSlice(values.offset(),
                        values.length()));
                buf.putInt(entryOf(SectionKind.VALUES) + 4, crc);
            });
            assertRefused(crafted, "is negative or not finite");
        }
    }
}
