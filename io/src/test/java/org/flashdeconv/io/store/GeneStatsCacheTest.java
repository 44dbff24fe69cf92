package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

    /** The statistics of {@code map} (null: every gene) over the fixture's store. */
    private GeneStats statsOf(int[] map, int genes) throws IOException {
        try (CountStore s = CountStore.open(store)) {
            return compute(map == null ? s.csr() : s.csr().withColumnMap(map, genes));
        }
    }

    /** A second store of the same counts, written with the statistics of {@code map} as its section. */
    private Path storeWithStats(String name, int[] map, int genes, GeneStats stats) throws IOException {
        Path p = dir.resolve(name);
        try (CountStore s = CountStore.open(store); Arena arena = Arena.ofConfined()) {
            CsrView y = map == null ? s.csr() : s.csr().withColumnMap(map, genes);
            MemorySegment section = GeneStatsCache.encode(s.genes(), y, stats, arena);
            StoreWriterTest.write(fixture, p, true, w -> w.addSection(GeneStatsCache.KIND, genes, section));
        }
        return p;
    }

    @Test
    void aStoredSelectionReadsBackBitForBitAndAnyOtherSelectionMisses() throws IOException {
        int[] map = everyOtherReversed(fixture.genes());
        GeneStats stats = statsOf(map, 20);
        try (CountStore s = CountStore.open(store)) {
            assertEquals(Optional.empty(), GeneStatsCache.read(s, s.csr().withColumnMap(map, 20)));
        }
        try (CountStore s = CountStore.open(storeWithStats("with.fdstore", map, 20, stats))) {
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
    void theIdentitySelectionIsStoredWithoutAMap() throws IOException {
        GeneStats full = statsOf(null, fixture.genes());
        try (CountStore s = CountStore.open(storeWithStats("full.fdstore", null, fixture.genes(), full))) {
            assertSame(full, GeneStatsCache.read(s, s.csr()).orElseThrow());
            assertEquals(Optional.empty(),
                    GeneStatsCache.read(s, s.csr().withColumnMap(everyOtherReversed(fixture.genes()), 20)));
        }
    }

    @Test
    void aDamagedSectionIsCaughtByItsChecksumIgnoredAndDoesNotFailTheStore() throws IOException {
        Path p = storeWithStats("damaged.fdstore", null, fixture.genes(), statsOf(null, fixture.genes()));
        long offset;
        try (CountStore s = CountStore.open(p)) {
            offset = s.header().find(GeneStatsCache.KIND).offset();
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            long at = offset + 100; // inside the sums
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            ch.write(b, at);
        }
        try (CountStore s = CountStore.open(p)) {
            assertTrue(s.verified());
            assertEquals(Optional.empty(), s.checkedSection(GeneStatsCache.KIND));
            assertEquals(Optional.empty(), GeneStatsCache.read(s, s.csr()));
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
        try (CountStore s = CountStore.open(store); Arena arena = Arena.ofConfined()) {
            GeneStats small = new GeneStats(3, 40, new double[40], new double[40], new double[40], 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GeneStatsCache.encode(s.genes(), s.csr(), small, arena));
            assertTrue(e.getMessage().contains("3 x 40"), e.getMessage());
        }
    }
}
