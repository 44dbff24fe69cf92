package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.testing.SparseFixture;
import org.flashdeconv.io.testing.StoreAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConverterTest {
    @TempDir
    Path dir;

    private final SparseFixture f = new SparseFixture(120, 45, 0.15, true, 11);

    private byte[] convert(CountSource source, String name) throws IOException {
        Path p = dir.resolve(name);
        StoreSummary s = StoreConverter.convert(source, p, Progress.NONE);
        assertEquals(f.nnz(), s.nnz());
        try (CountStore store = CountStore.open(p)) {
            StoreAssertions.assertSameAs(f, store, source.coordinates().isPresent());
        }
        return Files.readAllBytes(p);
    }

    @Test
    void onePassTwoPassAndFallbackWriteTheSameBytes() throws IOException {
        byte[] onePass = convert(f.source(0, true, true), "one.fdstore");
        byte[] twoPass = convert(f.source(0, false, true), "two.fdstore");
        byte[] shuffled = convert(f.source(99, false, true), "shuffled.fdstore");
        byte[] liar = convert(f.source(5, true, true), "liar.fdstore");
        assertArrayEquals(onePass, twoPass);
        assertArrayEquals(onePass, shuffled);
        assertArrayEquals(onePass, liar);
        convert(f.source(3, false, false), "nocoords.fdstore");
    }

    @Test
    void realValuesGiveF64() throws IOException {
        SparseFixture real = new SparseFixture(20, 10, 0.4, false, 12);
        Path p = dir.resolve("r.fdstore");
        assertEquals(ValueType.F64, StoreConverter.convert(real.source(7, false, false), p, Progress.NONE).valueType());
        try (CountStore store = CountStore.open(p)) {
            StoreAssertions.assertSameAs(real, store, false);
        }
    }

    private InputException rejects(SparseFixture bad, long shuffle, boolean spotMajor) throws IOException {
        Path target = dir.resolve("bad.fdstore");
        InputException e = assertThrows(InputException.class,
                () -> StoreConverter.convert(bad.source(shuffle, spotMajor, true), target, Progress.NONE));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing written on failure");
        }
        return e;
    }

    @Test
    void negativeNanAndInfiniteValuesAreRejectedWithTheirLocation() throws IOException {
        for (double v : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            for (boolean spotMajor : new boolean[] {true, false}) {
                SparseFixture bad = new SparseFixture(30, 12, 0.3, true, 13);
                bad.dense[4][7] = v;
                List<long[]> entries = bad.entries();
                int index = 0;
                while (entries.get(index)[0] != 4 || entries.get(index)[1] != 7) {
                    index++;
                }
                InputException e = rejects(bad, 0, spotMajor);
                assertTrue(e.getMessage().startsWith("fixture entry " + index + ": value " + v), e.getMessage());
                assertTrue(e.getMessage().contains(v < 0 ? "negative" : "not finite"), e.getMessage());
            }
        }
    }

    @Test
    void duplicateEntriesAreRejectedNamingBothLocations() throws IOException {
        for (long shuffle : new long[] {0, 17}) {
            SparseFixture dup = new SparseFixture(30, 12, 0.3, true, 14);
            CountSource inner = dup.source(shuffle, shuffle == 0, false);
            CountSource twice = new DelegatingSource(inner) {
                @Override
                public void forEachEntry(EntryConsumer c) throws IOException {
                    long[] n = {0};
                    inner.forEachEntry((s, g, v, loc) -> {
                        c.accept(s, g, v, loc);
                        if (n[0]++ == 20) {
                            c.accept(s, g, v, 1000 + loc);
                        }
                    });
                }
            };
            Path target = dir.resolve("dup.fdstore");
            InputException e = assertThrows(InputException.class,
                    () -> StoreConverter.convert(twice, target, Progress.NONE));
            assertTrue(e.getMessage().matches("fixture entry \\d+: duplicate entry for spot \\d+, gene \\d+ \\(0-based\\);"
                    + " first at fixture entry \\d+"), e.getMessage());
            assertTrue(Files.notExists(target));
        }
    }

    @Test
    void outOfRangeIndicesAreRejected() throws IOException {
        for (long[] bad : new long[][] {{30, 0}, {-1, 0}, {0, 12}, {0, -3}}) {
            CountSource inner = new SparseFixture(30, 12, 0.3, true, 15).source(0, false, false);
            CountSource src = new DelegatingSource(inner) {
                @Override
                public void forEachEntry(EntryConsumer c) throws IOException {
                    inner.forEachEntry(c);
                    c.accept(bad[0], (int) bad[1], 1, 777);
                }
            };
            InputException e = assertThrows(InputException.class,
                    () -> StoreConverter.convert(src, dir.resolve("x.fdstore"), Progress.NONE));
            assertTrue(e.getMessage().startsWith("fixture entry 777: " + (bad[1] == 0 ? "spot" : "gene")
                    + " index " + (bad[1] == 0 ? bad[0] : bad[1]) + " is outside"), e.getMessage());
        }
    }

    @Test
    void duplicateBarcodesAreRejected() throws IOException {
        SparseFixture bad = new SparseFixture(30, 12, 0.3, true, 16);
        bad.barcodes.set(21, bad.barcodes.get(3));
        InputException e = rejects(bad, 0, true);
        assertTrue(e.getMessage().contains("duplicate barcode '" + bad.barcodes.get(3) + "' for spots 4 and 22"),
                e.getMessage());
    }

    @Test
    void nonFiniteCoordinatesAreRejected() throws IOException {
        SparseFixture bad = new SparseFixture(30, 12, 0.3, true, 17);
        bad.coords[9][1] = Double.NaN;
        InputException e = rejects(bad, 0, false);
        assertTrue(e.getMessage().contains("coordinate 2 of spot 10 (1-based) is NaN"), e.getMessage());
    }
}
