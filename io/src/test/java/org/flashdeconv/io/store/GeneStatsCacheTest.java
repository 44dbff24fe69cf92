package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneStatsCacheTest {
    @TempDir
    Path dir;

    private final SparseFixture fixture = new SparseFixture(90, 40, 0.3, true, 5);
    private Path store;

    @BeforeEach
    void write() throws IOException {
        store = dir.resolve("s.fdstore");
        StoreWriterTest.write(fixture, store, true);
    }

    /** Model columns: every other stored gene, in reverse order (a reference sharing 20 of the 40 genes). */
    private static int[] everyOtherReversed(int genes) {
        int[] map = new int[genes];
        for (int c = 0; c < genes; c++) {
            map[c] = c % 2 == 0 ? (genes - 2 - c) / 2 : -1;
        }
        return map;
    }

    private static GeneStats compute(CsrView y) {
        try (BlockExecutor ex = new BlockExecutor(2)) {
            return GeneStats.compute(y, ex, Progress.NONE);
        }
    }

    private static void assertSame(GeneStats want, GeneStats got) {
        assertEquals(want.spots(), got.spots());
        assertEquals(want.genes(), got.genes());
        assertEquals(want.zeroCountSpots(), got.zeroCountSpots());
        assertArrayEquals(want.sumLog(), got.sumLog(), 0.0);
        assertArrayEquals(want.sumLogSq(), got.sumLogSq(), 0.0);
        assertArrayEquals(want.sumRaw(), got.sumRaw(), 0.0);
    }

    @Test
    void aCachedSelectionReadsBackBitForBitAndAnyOtherSelectionMisses() throws IOException {
        int[] map = everyOtherReversed(fixture.genes());
        GeneStats stats;
        try (CountStore s = CountStore.open(store)) {
            CsrView y = s.csr().withColumnMap(map, 20);
            assertEquals(Optional.empty(), GeneStatsCache.read(s, y));
            stats = compute(y);
            GeneStatsCache.write(store, s.genes(), y, stats);
        }
        try (CountStore s = CountStore.open(store)) {
            assertTrue(s.verified());
            assertSame(stats, GeneStatsCache.read(s, s.csr().withColumnMap(map, 20)).orElseThrow());
            // the library sizes depend on the kept genes: any other selection is a miss
            int[] other = map.clone();
            other[1] = 19;
            other[38] = -1;
            assertEquals(Optional.empty(), GeneStatsCache.read(s, s.csr().withColumnMap(other, 20)));
            assertEquals(Optional.empty(), GeneStatsCache.read(s, s.csr()));
            int[] wider = new int[fixture.genes()];
            for (int c = 0; c < wider.length; c++) {
                wider[c] = map[c] >= 0 ? map[c] : 20 + c / 2;
            }
            assertEquals(Optional.empty(), GeneStatsCache.read(s, s.csr().withColumnMap(wider, 40)));
        }
    }

    @Test
    void theIdentitySelectionIsCachedAndReplacesAnEarlierOne() throws IOException {
        try (CountStore s = CountStore.open(store)) {
            CsrView mapped = s.csr().withColumnMap(everyOtherReversed(fixture.genes()), 20);
            GeneStatsCache.write(store, s.genes(), mapped, compute(mapped));
        }
        GeneStats full;
        try (CountStore s = CountStore.open(store)) {
            full = compute(s.csr());
            GeneStatsCache.write(store, s.genes(), s.csr(), full);
        }
        try (CountStore s = CountStore.open(store)) {
            assertSame(full, GeneStatsCache.read(s, s.csr()).orElseThrow());
            assertEquals(Optional.empty(),
                    GeneStatsCache.read(s, s.csr().withColumnMap(everyOtherReversed(fixture.genes()), 20)));
            assertEquals(1, s.header().sections().stream().filter(e -> e.kind().equals(GeneStatsCache.KIND)).count());
        }
    }

    @Test
    void aDamagedCacheIsCaughtByItsChecksumIgnoredAndDoesNotFailTheStore() throws IOException {
        long offset;
        try (CountStore s = CountStore.open(store)) {
            GeneStatsCache.write(store, s.genes(), s.csr(), compute(s.csr()));
        }
        try (CountStore s = CountStore.open(store)) {
            offset = s.header().find(GeneStatsCache.KIND).offset();
        }
        try (FileChannel ch = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            long at = offset + 100; // inside the sums
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            ch.write(b, at);
        }
        try (CountStore s = CountStore.open(store)) {
            assertTrue(s.verified());
            assertEquals(Optional.empty(), s.checkedSection(GeneStatsCache.KIND));
            assertEquals(Optional.empty(), GeneStatsCache.read(s, s.csr()));
            // recomputed and written again, the cache is whole once more
            GeneStats again = compute(s.csr());
            GeneStatsCache.write(store, s.genes(), s.csr(), again);
        }
        try (CountStore s = CountStore.open(store)) {
            assertTrue(GeneStatsCache.read(s, s.csr()).isPresent());
        }
    }

    @Test
    void passesThatReleaseTheMappedPagesBehindThemReadTheSameCounts() throws IOException {
        try (CountStore s = CountStore.open(store)) {
            assertTrue(s.csr().colIdx().isMapped());
            GeneStats first = compute(s.csr()); // releases every block behind it
            org.flashdeconv.engine.genes.MappedRows.release(s.csr(), 0, s.spots());
            assertSame(first, compute(s.csr()));
            double[] sumRaw = new double[fixture.genes()];
            for (double[] row : fixture.dense) {
                for (int g = 0; g < row.length; g++) {
                    sumRaw[g] += row[g];
                }
            }
            assertArrayEquals(sumRaw, first.sumRaw(), 1e-9);
        }
    }

    @Test
    void statisticsOfOtherCountsAreRejected() throws IOException {
        try (CountStore s = CountStore.open(store)) {
            GeneStats small = new GeneStats(3, 40, new double[40], new double[40], new double[40], 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GeneStatsCache.write(store, s.genes(), s.csr(), small));
            assertTrue(e.getMessage().contains("3 x 40"), e.getMessage());
        }
    }
}
