package org.flashdeconv.io.store;

import org.flashdeconv.engine.genes.GeneStats;

/**
 * The per-gene statistics of the rows a converter writes, summed as they go by in spot order, so that a store
 * written one row at a time (the one-pass and two-pass paths of {@link StoreConverter}) is born with the
 * statistics of the first pass over its counts ({@link GeneStatsCache}), as the block path's stores are. Blocks of
 * {@link GeneStats#BLOCK_SPOTS} spots are summed and added in order: the bits of {@link GeneStats#compute} on the
 * written store. Not thread-safe.
 */
final class RowStats {
    private final GeneStats.BlockSums block;
    private final GeneStats.Totals totals;
    private long spots;

    /** Empty statistics over {@code genes} genes. */
    RowStats(int genes) {
        block = new GeneStats.BlockSums(genes);
        totals = new GeneStats.Totals(genes);
    }

    /**
     * Adds the next spot's entries ({@code cols[0..n)}, ascending, with their values).
     *
     * @throws IllegalArgumentException if a value is NaN, infinite or negative (the converter checks before)
     */
    void add(int[] cols, double[] values, int n) {
        block.addRow(spots, cols, values, 0, n);
        spots++;
        if (spots % GeneStats.BLOCK_SPOTS == 0) {
            totals.add(block); // clears the block for the next one
        }
    }

    /** The statistics of every spot added. */
    GeneStats finish() {
        if (spots % GeneStats.BLOCK_SPOTS != 0) {
            totals.add(block);
        }
        return totals.finish(spots);
    }
}
