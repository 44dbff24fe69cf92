package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.io.testing.SparseFixture;
import org.flashdeconv.io.testing.StoreAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {
    @TempDir
    Path dir;

    /** Adds something to a store being written, before it is finished. */
    @FunctionalInterface
    interface Extra {
        void addTo(StoreWriter w) throws IOException;
    }

    /** Writes the fixture row by row with {@link StoreWriter#addRow(String, int[], double[], int, double[])}. */
    static StoreSummary write(SparseFixture f, Path target, boolean coords) throws IOException {
        return write(f, target, coords, w -> { });
    }

    /** Writes the fixture as {@link #write(SparseFixture, Path, boolean)}, then lets {@code extra} add sections. */
    static StoreSummary write(SparseFixture f, Path target, boolean coords, Extra extra) throws IOException {
        try (StoreWriter w = StoreWriter.create(target, f.geneNames, f.geneIds, coords ? 2 : 0)) {
            addRows(f, w, coords);
            extra.addTo(w);
            return w.finish();
        }
    }

    /** Adds every spot of the fixture (barcode, row, coordinates when {@code coords}). */
    static void addRows(SparseFixture f, StoreWriter w, boolean coords) throws IOException {
        int[] cols = new int[f.genes()];
        double[] vals = new double[f.genes()];
        for (int s = 0; s < f.spots(); s++) {
            int n = 0;
            for (int g = 0; g < f.genes(); g++) {
                if (f.dense[s][g] != 0) {
                    cols[n] = g;
                    vals[n++] = f.dense[s][g];
                }
            }
            w.addRow(f.barcodes.get(s), cols, vals, n, coords ? f.coords[s] : null);
        }
    }

    @Test
    void wholeNumbersRoundTripAsF32() throws IOException {
        SparseFixture f = new SparseFixture(57, 33, 0.2, true, 1);
        Path p = dir.resolve("a.fdstore");
        StoreSummary s = write(f, p, true);
        assertEquals(ValueType.F32, s.valueType());
        assertEquals(f.nnz(), s.nnz());
        try (CountStore store = CountStore.open(p)) {
            assertTrue(store.verified());
            assertEquals(ValueType.F32, store.valueType());
            StoreAssertions.assertSameAs(f, store, true);
            for (SectionEntry e : store.header().sections()) {
                assertEquals(0, e.offset() % StoreHeader.ALIGNMENT, e.kind().label());
            }
        }
        assertEquals(List.of("a.fdstore"), listDir(), "no temporary files left");
    }

    @Test
    void valuesThatFloatsCannotHoldRoundTripAsF64() throws IOException {
        SparseFixture f = new SparseFixture(40, 70, 0.3, false, 2);
        Path p = dir.resolve("b.fdstore");
        assertEquals(ValueType.F64, write(f, p, false).valueType());
        try (CountStore store = CountStore.open(p)) {
            StoreAssertions.assertSameAs(f, store, false);
        }
    }

    @Test
    void storeWithoutSpotsOrIdsOpens() throws IOException {
        Path p = dir.resolve("empty.fdstore");
        try (StoreWriter w = StoreWriter.create(p, List.of("g1", "g2"), List.of(), 0)) {
            w.finish();
        }
        try (CountStore store = CountStore.open(p)) {
            assertEquals(0, store.spots());
            assertEquals(0, store.nnz());
            assertEquals(List.of("g1", "g2"), store.geneNames());
            assertEquals(List.of(), store.geneIds());
            assertEquals(0, store.csr().rowStart(0));
        }
    }

    @Test
    void extraSectionsAreWrittenWithTheStoreAndIgnoredByReadersThatDoNotAskForThem() throws IOException {
        SparseFixture f = new SparseFixture(10, 8, 0.5, true, 3);
        Path p = dir.resolve("x.fdstore");
        SectionKind stats = SectionKind.extra(300);
        SectionKind cache = SectionKind.extra(301);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(8L * f.genes(), 8);
            for (int g = 0; g < f.genes(); g++) {
                data.setAtIndex(Layouts.F64, g, g * 1.5);
            }
            try (StoreWriter w = StoreWriter.create(p, f.geneNames, f.geneIds, 0)) {
                for (int s = 0; s < f.spots(); s++) {
                    w.addRow(f.barcodes.get(s), new int[0], new double[0], 0, null);
                }
                w.addSection(stats, f.genes(), data);
                assertThrows(IllegalArgumentException.class, () -> w.addSection(stats, 0, data));
                assertThrows(IllegalArgumentException.class, () -> w.addSection(SectionKind.VALUES, 0, data));
                w.finish();
            }
            try (CountStore store = CountStore.open(p)) {
                assertArrayEquals(data.toArray(Layouts.F64), store.section(stats).orElseThrow().toArray(Layouts.F64));
                assertTrue(store.section(cache).isEmpty());
            }
        }
    }

    @Test
    void badRowsAreRejectedAndAnUnfinishedWriterLeavesNothing() throws IOException {
        Path p = dir.resolve("bad.fdstore");
        try (StoreWriter w = StoreWriter.create(p, List.of("a", "b", "c"), List.of(), 2)) {
            assertThrows(IllegalArgumentException.class, () -> w.addRow(new int[] {1, 1}, new double[] {1, 1}, 2));
            assertThrows(IllegalArgumentException.class, () -> w.addRow(new int[] {3}, new double[] {1}, 1));
            assertThrows(IllegalArgumentException.class, () -> w.addRow(new int[] {0}, new double[] {-1}, 1));
            assertThrows(IllegalArgumentException.class,
                    () -> w.addRow(new int[] {0}, new double[] {Double.NaN}, 1));
            assertThrows(IllegalArgumentException.class,
                    () -> w.addCoordinates(new double[] {1, Double.POSITIVE_INFINITY}, 1));
            w.addRow(new int[] {0, 2}, new double[] {1, 2}, 2);
            assertThrows(IllegalArgumentException.class, w::finish, "a row without barcode");
        }
        assertFalse(Files.exists(p));
        assertEquals(List.of(), listDir());
        assertThrows(IllegalArgumentException.class, () -> StoreWriter.create(p, List.of("a"), List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> StoreWriter.create(p, List.of("a"), List.of("x", "y"), 0));
    }

    private List<String> listDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
