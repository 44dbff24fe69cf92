package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The converter's one-pass and two-pass paths ({@link RowStats}): the store is born with the per-gene statistics of
 * all its genes, with the bits {@link GeneStats#compute} gives on the store, across block boundaries and with empty
 * spots (the fixture's density leaves some spots without an entry).
 */
class RowStatsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"0, true, 9000", "7, false, 9000", "0, true, 4096", "3, false, 1"})
    void everyPathGivesTheStatisticsOfTheStore(long shuffleSeed, boolean spotMajor, int spots) throws IOException {
        SparseFixture f = new SparseFixture(spots, 25, 0.1, true, 21);
        Path p = dir.resolve("s.fdstore");
        StoreConverter.convert(f.source(shuffleSeed, spotMajor, true), p, Progress.NONE);
        try (CountStore store = CountStore.open(p); BlockExecutor ex = new BlockExecutor(2)) {
            GeneStats want = GeneStats.compute(store.csr(), ex, Progress.NONE);
            GeneStats got = GeneStatsCache.read(store, store.csr()).orElseThrow();
            assertEquals(spots, got.spots());
            assertEquals(want.zeroCountSpots(), got.zeroCountSpots());
            assertArrayEquals(want.sumLog(), got.sumLog(), 0.0);
            assertArrayEquals(want.sumLogSq(), got.sumLogSq(), 0.0);
            assertArrayEquals(want.sumRaw(), got.sumRaw(), 0.0);
        }
    }
}
