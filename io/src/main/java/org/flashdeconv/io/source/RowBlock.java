package org.flashdeconv.io.source;

import java.io.IOException;

/**
 * Consecutive spots {@code [firstSpot, firstSpot + spots)} of a spot-major source in CSR form, as the source stores
 * them (within a spot, genes in the file's order, possibly unsorted; nothing validated but the index range):
 * spot {@code firstSpot + r} holds entries {@code [rowEnd[r-1], rowEnd[r])} (from 0 for r = 0) of {@code genes}
 * and {@code values}. Entry {@code j} came from the source's location {@code firstLocation + j}, or
 * {@code firstLocation + locationOffset[j]} when {@code locationOffset} is not null (a source that dropped
 * entries). The arrays may be longer than the block needs, and a source may reuse them for a later block once
 * the sink has taken this one's result. See {@link CountSource#forEachRowBlock}.
 *
 * @param firstSpot      first spot of the block
 * @param spots          number of spots
 * @param rowEnd         end of each spot's entries, relative to the block
 * @param genes          gene indices
 * @param values         stored values, as read
 * @param firstLocation  the source location of entry 0 (see {@link CountSource#describe})
 * @param locationOffset null, or each entry's location relative to {@code firstLocation}
 */
public record RowBlock(long firstSpot, int spots, int[] rowEnd, int[] genes, double[] values, long firstLocation,
                       int[] locationOffset) {

    /** Start of spot {@code firstSpot + r}'s entries. */
    public int rowStart(int r) {
        return r == 0 ? 0 : rowEnd[r - 1];
    }

    /** The source location of entry {@code j}. */
    public long location(int j) {
        return firstLocation + (locationOffset == null ? j : locationOffset[j]);
    }

    /**
     * Work on a block, run on a reader thread as soon as the block is read.
     *
     * @param <T> what it makes of the block
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Turns the block into a result.
         *
         * @throws IOException to stop the read (for example on invalid input)
         */
        T apply(RowBlock block) throws IOException;
    }

    /**
     * Receives the results of {@link Work}, on the calling thread, in spot order.
     *
     * @param <T> a block's result
     */
    @FunctionalInterface
    public interface Sink<T> {
        /**
         * Takes the next block's result.
         *
         * @throws IOException to stop the read
         */
        void accept(T result) throws IOException;
    }
}
