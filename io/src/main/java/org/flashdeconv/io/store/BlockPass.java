package org.flashdeconv.io.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.io.source.RowBlock;

/**
 * The block path of {@link StoreConverter} for a source that reads itself in blocks of spots on reader threads
 * ({@link org.flashdeconv.io.source.CountSource#forEachRowBlock}): on the reader thread, {@link #check} validates
 * every entry (as the one-pass path does), sorts the rows whose genes are out of order and sums the per-gene
 * statistics of each block of {@link GeneStats#BLOCK_SPOTS} spots; on the converting thread, {@link #write} hands
 * the rows to the writer and adds the sums in spot order. The store is thus born with the statistics of the first
 * pass over the counts ({@link GeneStatsCache}), with the bits {@link GeneStats#compute} gives.
 */
final class BlockPass {
    /** A checked block and its statistics, one sum per block of {@link GeneStats#BLOCK_SPOTS} spots. */
    record Checked(RowBlock block, List<GeneStats.BlockSums> sums) {
    }

    private final StoreConverter conv;
    private final StoreWriter writer;
    private final Progress progress;
    private final GeneStats.Totals totals;
    private long spots;

    BlockPass(StoreConverter conv, StoreWriter writer, Progress progress) {
        this.conv = conv;
        this.writer = writer;
        this.progress = progress;
        this.totals = new GeneStats.Totals(conv.genes());
    }

    /** Validates and sorts the block's rows and sums their statistics (on a reader thread). */
    Checked check(RowBlock b) throws InputException {
        int[] genes = b.genes();
        double[] values = b.values();
        long[] keys = null;
        List<GeneStats.BlockSums> sums = new ArrayList<>();
        GeneStats.BlockSums current = null;
        for (int r = 0; r < b.spots(); r++) {
            long spot = b.firstSpot() + r;
            int from = b.rowStart(r);
            int to = b.rowEnd()[r];
            boolean sorted = true;
            for (int j = from; j < to; j++) {
                conv.check(spot, genes[j], values[j], b.location(j));
                if (j > from && genes[j] <= genes[j - 1]) {
                    if (genes[j] == genes[j - 1]) {
                        throw conv.duplicate(spot, genes[j], b.location(j - 1), b.location(j));
                    }
                    sorted = false;
                }
            }
            if (!sorted) {
                keys = sortRow(b, spot, from, to, keys);
            }
            if (spot % GeneStats.BLOCK_SPOTS == 0 || current == null) {
                current = new GeneStats.BlockSums(conv.genes());
                sums.add(current);
            }
            current.addRow(spot, genes, values, from, to - from);
        }
        return new Checked(b, sums);
    }

    /** Sorts one row by gene (values along), rejecting a repeated gene; returns the (grown) scratch. */
    private long[] sortRow(RowBlock b, long spot, int from, int to, long[] keys) throws InputException {
        int n = to - from;
        long[] k = keys == null || keys.length < n ? new long[Math.max(n, 64)] : keys;
        int[] genes = b.genes();
        double[] values = b.values();
        for (int i = 0; i < n; i++) {
            k[i] = (long) genes[from + i] << 32 | i;
        }
        Arrays.sort(k, 0, n);
        double[] v = Arrays.copyOfRange(values, from, to);
        for (int i = 0; i < n; i++) {
            int g = (int) (k[i] >>> 32);
            if (i > 0 && g == genes[from + i - 1]) {
                throw conv.duplicate(spot, g, b.location(from + (int) k[i - 1]), b.location(from + (int) k[i]));
            }
            genes[from + i] = g;
            values[from + i] = v[(int) k[i]];
        }
        return k;
    }

    /** Writes a checked block's rows and adds its statistics (on the converting thread, in spot order). */
    void write(Checked c) throws IOException {
        RowBlock b = c.block();
        for (int r = 0; r < b.spots(); r++) {
            int from = b.rowStart(r);
            writer.addRow(b.genes(), b.values(), from, b.rowEnd()[r] - from);
        }
        for (GeneStats.BlockSums s : c.sums()) {
            totals.add(s);
        }
        spots += b.spots();
        progress.advance(b.spots() == 0 ? 0 : b.rowEnd()[b.spots() - 1]);
    }

    /** The statistics of every spot written. */
    GeneStats stats() {
        return totals.finish(spots);
    }
}
