package org.flashdeconv.io.h5;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The stored entries of a compressed sparse matrix (its {@code data} and {@code indices} datasets) as consecutive
 * windows of a fixed length, read ahead on worker threads ({@link ReadAhead}): while the caller works through one
 * window, the next ones are read and decompressed on the other cores, so reading overlaps with whatever the caller
 * does and a gzip file decompresses on every core. Windows are whole multiples of the data's chunk length, so no
 * chunk is decompressed twice. Not thread-safe; close it to stop the workers.
 */
final class EntryWindows implements AutoCloseable {
    /**
     * Entries per window when the data are not chunked (or the chunks are small): a window's arrays (8 bytes an
     * entry) stay below a G1 region's half, so they are ordinary young garbage, not humongous objects.
     */
    static final int TARGET = 1 << 15;

    /** Entries {@code [start, end)}: values and indices. */
    record Window(long start, long end, double[] values, long[] minor) {
    }

    private final ReadAhead<Window> ahead;

    /**
     * Starts reading ahead.
     *
     * @param length entries per window (the last one may be shorter); see {@link #lengthFor}
     */
    EntryWindows(Path file, NumericArray data, NumericArray indices, long nnz, int length) {
        long count = (nnz + length - 1) / length;
        this.ahead = new ReadAhead<>(file, data.path(), count, w -> () -> {
            long start = w * length;
            int n = (int) Math.min(length, nnz - start);
            double[] v = new double[n];
            long[] m = new long[n];
            data.readDoubles(start, n, v);
            indices.readLongs(start, n, m);
            return new Window(start, start + n, v, m);
        });
    }

    /** The window length for a data dataset: whole chunks, at least about {@link #TARGET} entries. */
    static int lengthFor(NumericArray data) {
        int chunk = data.chunkLength();
        return chunk <= 0 ? TARGET : chunk * Math.max(1, TARGET / chunk);
    }

    /**
     * The next window, waiting for it if needed.
     *
     * @throws IOException           if reading it failed
     * @throws IllegalStateException if every window was taken
     */
    Window next() throws IOException {
        return ahead.next();
    }

    @Override
    public void close() {
        ahead.close();
    }
}
