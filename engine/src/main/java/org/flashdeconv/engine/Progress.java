package org.flashdeconv.engine;

/**
 * Receives progress from long-running stages. The engine calls it from the caller's thread or from worker
 * threads (implementations must be thread-safe). {@link #NONE} ignores everything.
 */
public interface Progress {

    /** A listener that ignores everything. */
    Progress NONE = new Progress() {
    };

    /**
     * A stage starts.
     *
     * @param stage short human-readable name ("gene statistics", "spatial graph", "solver")
     * @param total units of work (spots, sweeps), or -1 if unknown
     */
    default void start(String stage, long total) {
    }

    /** {@code units} more units of the current stage are done. */
    default void advance(long units) {
    }

    /** The solver finished a sweep: iteration number (from 1), the relative change of docs/algorithm.md §10.2. */
    default void sweep(int iteration, double relativeChange) {
    }

    /** The current stage is done. */
    default void end() {
    }
}
