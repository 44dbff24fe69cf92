package org.flashdeconv.io.simulate;

import java.util.Arrays;

/**
 * The counts of a run of consecutive spots in CSR form: spot {@code first + s} holds entries
 * {@code [rowEnd[s-1], rowEnd[s])} (from 0 for {@code s = 0}) of {@link #genes} (ascending) and {@link #counts}.
 * Filled by one generator thread, then read by the consumer.
 */
final class SpotBlock {
    final long first;
    final int spots;
    final int[] rowEnd;
    int[] genes;
    int[] counts;
    int size;

    SpotBlock(long first, int spots, int capacity) {
        this.first = first;
        this.spots = spots;
        this.rowEnd = new int[spots];
        this.genes = new int[Math.max(16, capacity)];
        this.counts = new int[genes.length];
    }

    /** Makes room for {@code extra} more entries. */
    void ensure(int extra) {
        int needed = size + extra;
        if (needed > genes.length) {
            int grown = Math.max(needed, genes.length + (genes.length >> 1));
            genes = Arrays.copyOf(genes, grown);
            counts = Arrays.copyOf(counts, grown);
        }
    }
}
