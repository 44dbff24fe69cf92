package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files must raise the specific exception with the path, section and offset, never crash. */
class CountStoreCorruptionTest {
    @TempDir
    Path dir;
    Path good;
    byte[] bytes;
    StoreHeader header;

    @BeforeEach
    void writeGoodStore() throws IOException {
        good = dir.resolve("good.fdstore");
        StoreWriterTest.write(new SparseFixture(30, 20, 0.3, true, 7), good, true);
        bytes = Files.readAllBytes(good);
        try (CountStore s = CountStore.open(good)) {
            header = s.header();
        }
    }

    private Path damaged(byte[] content) throws IOException {
        return Files.write(dir.resolve("bad.fdstore"), content);
    }

    private SectionEntry section(SectionKind kind) {
        return header.find(kind);
    }

    private ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Rewrites the header's checksums (section {@code kind}'s and the header's) so only the structure is wrong. */
    private byte[] resealed(byte[] b, SectionKind kind) {
        SectionEntry e = section(kind);
        List<SectionEntry> table = new ArrayList<>(header.sections());
        int crc = CountStore.crc32c(MemorySegment.ofArray(b).asSlice(e.offset(), e.length()));
        table.set(table.indexOf(e), new SectionEntry(kind, crc, e.offset(), e.length(), e.items()));
        StoreHeader h = new StoreHeader(header.version(), header.flags(), header.spots(), header.genes(),
                header.nnz(), header.valueType(), header.coordDim(), header.fileLength(), table);
        byte[] out = b.clone();
        System.arraycopy(h.encode(), 0, out, 0, StoreHeader.HEADER_BYTES);
        return out;
    }

    @Test
    void truncatedFile() throws IOException {
        Path p = damaged(Arrays.copyOf(bytes, bytes.length - 100));
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertEquals(bytes.length - 100, e.offset());
        Path tiny = damaged(Arrays.copyOf(bytes, 100));
        StoreFormatException e2 = assertThrows(StoreFormatException.class, () -> CountStore.open(tiny, false));
        assertEquals(100, e2.offset());
        assertEquals("header", e2.section());
    }

    @Test
    void flippedMagic() throws IOException {
        byte[] b = bytes.clone();
        b[0] ^= 0x20;
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(damaged(b)));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
        assertTrue(e.getMessage().contains("offset 0"), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void bumpedVersion() throws IOException {
        byte[] b = bytes.clone();
        le(b).putInt(8, StoreHeader.VERSION + 1);
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(damaged(b), false));
        assertTrue(e.getMessage().contains("unsupported format version 2"), e.getMessage());
        assertEquals(8, e.offset());
    }

    @Test
    void damagedHeaderFailsItsChecksum() throws IOException {
        byte[] b = bytes.clone();
        b[20] ^= 1;
        StoreChecksumException e = assertThrows(StoreChecksumException.class,
                () -> CountStore.open(damaged(b), false));
        assertEquals("header", e.section());
    }

    @Test
    void brokenLastRowPointer() throws IOException {
        SectionEntry ptr = section(SectionKind.ROW_PTR);
        byte[] b = bytes.clone();
        long at = ptr.offset() + header.spots() * 8;
        le(b).putLong((int) at, header.nnz() + 5);
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(damaged(b), false));
        assertTrue(e.getMessage().contains("broken row pointer"), e.getMessage());
        assertEquals(at, e.offset());
        assertEquals("rowPtr", e.section());
    }

    @Test
    void brokenMiddleRowPointerIsFoundByVerify() throws IOException {
        SectionEntry ptr = section(SectionKind.ROW_PTR);
        byte[] b = bytes.clone();
        long at = ptr.offset() + 10 * 8;
        le(b).putLong((int) at, header.nnz() + 1);
        Path p = damaged(b);
        try (CountStore s = CountStore.open(p, false)) {
            StoreChecksumException e = assertThrows(StoreChecksumException.class, s::verify);
            assertEquals(ptr.offset(), e.offset());
        }
        Path resealed = damaged(resealed(b, SectionKind.ROW_PTR));
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(resealed));
        assertTrue(e.getMessage().contains("broken row pointer: rowPtr[10]"), e.getMessage());
        assertEquals(at, e.offset());
    }

    @Test
    void flippedValueByte() throws IOException {
        SectionEntry values = section(SectionKind.VALUES);
        byte[] b = bytes.clone();
        b[(int) values.offset() + 13] ^= 0x40;
        Path p = damaged(b);
        StoreChecksumException e = assertThrows(StoreChecksumException.class, () -> CountStore.open(p));
        assertEquals("values", e.section());
        assertEquals(values.offset(), e.offset());
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("stored "), e.getMessage());
        try (CountStore s = CountStore.open(p, false)) {
            assertEquals(header.nnz(), s.nnz());
        }
    }

    @Test
    void columnOutOfRangeIsFoundByVerify() throws IOException {
        SectionEntry cols = section(SectionKind.COL_IDX);
        byte[] b = bytes.clone();
        le(b).putInt((int) cols.offset() + 4, 1000);
        StoreFormatException e = assertThrows(StoreFormatException.class,
                () -> CountStore.open(damaged(resealed(b, SectionKind.COL_IDX))));
        assertEquals(cols.offset() + 4, e.offset());
        assertTrue(e.getMessage().contains("column index 1000"), e.getMessage());
    }

    @Test
    void sectionOutsideTheFile() throws IOException {
        List<SectionEntry> table = new ArrayList<>(header.sections());
        SectionEntry v = section(SectionKind.VALUES);
        table.set(table.indexOf(v), new SectionEntry(v.kind(), v.crc(), v.offset(), header.fileLength(), v.items()));
        StoreHeader h = new StoreHeader(header.version(), header.flags(), header.spots(), header.genes(),
                header.nnz(), header.valueType(), header.coordDim(), header.fileLength(), table);
        byte[] b = bytes.clone();
        System.arraycopy(h.encode(), 0, b, 0, StoreHeader.HEADER_BYTES);
        StoreFormatException e = assertThrows(StoreFormatException.class, () -> CountStore.open(damaged(b), false));
        assertEquals("values", e.section());
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void unknownSectionKindsAreIgnored() throws IOException {
        Path p = dir.resolve("extra.fdstore");
        StoreWriterTest.write(new SparseFixture(30, 20, 0.3, true, 7), p, true,
                w -> w.addSection(SectionKind.extra(999), 1, MemorySegment.ofArray(new byte[] {1, 2, 3})));
        try (CountStore s = CountStore.open(p)) {
            assertEquals(header.nnz(), s.nnz());
            assertEquals(3, s.section(SectionKind.extra(999)).orElseThrow().byteSize());
        }
    }
}
