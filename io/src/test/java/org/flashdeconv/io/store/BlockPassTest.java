package org.flashdeconv.io.store;

import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.CountSources;
import org.flashdeconv.io.source.RowBlock;
import org.flashdeconv.io.testing.SparseFixture;
import org.flashdeconv.io.testing.StoreAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The converter's block path ({@link BlockPass}): the rows land as in the one-pass path, unsorted rows are sorted,
 * bad entries are named, and the store is born with the per-gene statistics of all its genes, with the bits of
 * {@link GeneStats#compute} on the store.
 */
class BlockPassTest {
    @TempDir
    Path dir;

    /** The fixture delivered in aligned blocks of two alignment units, every odd spot's genes in reverse order. */
    private static CountSource inBlocks(SparseFixture f, int[] duplicateAt) {
        return new DelegatingSource(f.source(0, true, true)) {
            @Override
            public <T> boolean forEachRowBlock(int align, RowBlock.Work<T> work, RowBlock.Sink<T> sink)
                    throws IOException {
                for (int first = 0; first < f.spots(); first += 2 * align) {
                    int rows = Math.min(2 * align, f.spots() - first);
                    List<Integer> genes = new ArrayList<>();
                    List<Double> values = new ArrayList<>();
                    int[] rowEnd = new int[rows];
                    for (int r = 0; r < rows; r++) {
                        int s = first + r;
                        for (int k = 0; k < f.genes(); k++) {
                            int g = s % 2 == 1 ? f.genes() - 1 - k : k;
                            if (f.dense[s][g] != 0) {
                                genes.add(s == duplicateAt[0] && genes.size() > rowEnd[Math.max(0, r - 1)]
                                        && k == duplicateAt[1] ? genes.getLast() : g);
                                values.add(f.dense[s][g]);
                            }
                        }
                        rowEnd[r] = genes.size();
                    }
                    sink.accept(work.apply(new RowBlock(first, rows, rowEnd,
                            genes.stream().mapToInt(Integer::intValue).toArray(),
                            values.stream().mapToDouble(Double::doubleValue).toArray(), 1000L * first, null)));
                }
                return true;
            }
        };
    }

    private static GeneStats compute(CsrView y) {
        try (BlockExecutor ex = new BlockExecutor(2)) {
            return GeneStats.compute(y, ex, Progress.NONE);
        }
    }

    @Test
    void blocksLandInOrderAndTheStoreHoldsTheStatisticsOfEveryGene() throws IOException {
        SparseFixture f = new SparseFixture(9000, 30, 0.2, true, 11);
        Path p = dir.resolve("b.fdstore");
        StoreConverter.convert(inBlocks(f, new int[] {-1, -1}), p, Progress.NONE);
        try (CountStore store = CountStore.open(p)) {
            StoreAssertions.assertSameAs(f, store, true);
            GeneStats want = compute(store.csr());
            int[] identity = new int[f.genes()];
            for (int g = 0; g < identity.length; g++) {
                identity[g] = g;
            }
            for (CsrView view : List.of(store.csr(), store.csr().withColumnMap(identity, f.genes()))) {
                GeneStats got = GeneStatsCache.read(store, view).orElseThrow();
                assertEquals(want.zeroCountSpots(), got.zeroCountSpots());
                assertArrayEquals(want.sumLog(), got.sumLog(), 0.0);
                assertArrayEquals(want.sumLogSq(), got.sumLogSq(), 0.0);
                assertArrayEquals(want.sumRaw(), got.sumRaw(), 0.0);
            }
            identity[0] = -1; // a reference without gene 0: other statistics, so no cache
            assertTrue(GeneStatsCache.read(store, store.csr().withColumnMap(identity, f.genes())).isEmpty());
        }
    }

    @Test
    void aRepeatedGeneInABlockIsNamed() {
        SparseFixture f = new SparseFixture(300, 20, 0.5, true, 12);
        InputException e = assertThrows(InputException.class, () -> StoreConverter.convert(
                inBlocks(f, new int[] {5, 12}), dir.resolve("d.fdstore"), Progress.NONE));
        assertTrue(e.getMessage().contains("duplicate entry for spot 5"), e.getMessage());
    }

    @Test
    void aTemporaryStoreHasTheBytesOfADurableOne() throws IOException {
        Path durable = dir.resolve("durable.fdstore");
        Path temporary = dir.resolve("temporary.fdstore");
        try (CountSource s = CountSources.open(path("tenx/filtered_feature_bc_matrix.h5"),
                CountSources.ReadOptions.DEFAULT)) {
            StoreConverter.convert(s, durable, Progress.NONE);
        }
        try (CountSource s = CountSources.open(path("tenx/filtered_feature_bc_matrix.h5"),
                CountSources.ReadOptions.DEFAULT)) {
            StoreConverter.convertTemporary(s, temporary, Progress.NONE);
        }
        assertArrayEquals(Files.readAllBytes(durable), Files.readAllBytes(temporary));
    }

    @Test
    void anH5adInBlocksGivesTheStoreOfTheEntryByEntryPath() throws IOException {
        Path blocks = dir.resolve("blocks.fdstore");
        Path entries = dir.resolve("entries.fdstore");
        try (CountSource s = CountSources.open(path("h5ad/csr_gzip.h5ad"), CountSources.ReadOptions.DEFAULT)) {
            StoreConverter.convert(s, blocks, Progress.NONE);
        }
        try (CountSource s = CountSources.open(path("h5ad/csr_gzip.h5ad"), CountSources.ReadOptions.DEFAULT)) {
            StoreConverter.convert(new DelegatingSource(s), entries, Progress.NONE);
        }
        try (CountStore a = CountStore.open(blocks); CountStore b = CountStore.open(entries)) {
            assertEquals(b.nnz(), a.nnz());
            CsrView x = a.csr();
            CsrView y = b.csr();
            assertArrayEquals(y.rowPtr().toArray(Layouts.I64), x.rowPtr().toArray(Layouts.I64));
            assertArrayEquals(y.colIdx().toArray(Layouts.I32), x.colIdx().toArray(Layouts.I32));
            for (long k = 0; k < a.nnz(); k++) {
                assertEquals(y.value(k), x.value(k), 0.0);
            }
            GeneStats fromBlocks = GeneStatsCache.read(a, x).orElseThrow();
            GeneStats fromEntries = GeneStatsCache.read(b, y).orElseThrow(); // RowStats on the one-pass path
            assertArrayEquals(fromBlocks.sumLog(), fromEntries.sumLog(), 0.0);
            assertArrayEquals(fromBlocks.sumLogSq(), fromEntries.sumLogSq(), 0.0);
            assertArrayEquals(fromBlocks.sumRaw(), fromEntries.sumRaw(), 0.0);
        }
    }
}
