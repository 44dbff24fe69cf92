package org.flashdeconv.io.h5;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The stored entries of a compressed sparse matrix (its {@code data} and {@code indices} datasets) as consecutive
 * windows of a fixed length, read ahead on worker threads: while the caller works through one window, the next
 * ones are read and decompressed on the other cores (several chunks at once, each by one thread), so reading
 * overlaps with whatever the caller does and a gzip file decompresses on every core. Windows are whole multiples
 * of the data's chunk length, so no chunk is decompressed twice. Windows come back in order; at most
 * {@code ahead} are held (each {@code length} x 16 bytes). Not thread-safe; close it to stop the workers.
 */
final class EntryWindows implements AutoCloseable {
    /** Entries per window when the data are not chunked (or the chunks are small). */
    static final int TARGET = 1 << 18;

    /** Entries {@code [start, end)}: values and indices. */
    record Window(long start, long end, double[] values, long[] minor) {
    }

    private final Path file;
    private final NumericArray data;
    private final NumericArray indices;
    private final long nnz;
    private final int length;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Window>> pending = new ArrayDeque<>();
    private final int ahead;
    private long nextStart;

    /**
     * Starts reading ahead.
     *
     * @param length entries per window (the last one may be shorter); see {@link #lengthFor}
     */
    EntryWindows(Path file, NumericArray data, NumericArray indices, long nnz, int length) {
        this.file = file;
        this.data = data;
        this.indices = indices;
        this.nnz = nnz;
        this.length = length;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.ahead = 2 * threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "flashdeconv-h5-reader");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < ahead; i++) {
            submit();
        }
    }

    /** The window length for a data dataset: whole chunks, at least about {@link #TARGET} entries. */
    static int lengthFor(NumericArray data) {
        int chunk = data.chunkLength();
        return chunk <= 0 ? TARGET : chunk * Math.max(1, TARGET / chunk);
    }

    private void submit() {
        if (nextStart >= nnz) {
            return;
        }
        long start = nextStart;
        int n = (int) Math.min(length, nnz - start);
        nextStart += n;
        pending.add(pool.submit(() -> {
            double[] v = new double[n];
            long[] m = new long[n];
            data.readDoubles(start, n, v);
            indices.readLongs(start, n, m);
            return new Window(start, start + n, v, m);
        }));
    }

    /**
     * The next window, waiting for it if needed.
     *
     * @throws H5FormatException     if reading it failed
     * @throws IllegalStateException if every window was taken
     */
    Window next() throws H5FormatException {
        Future<Window> f = pending.poll();
        if (f == null) {
            throw new IllegalStateException("entry windows: read past the last entry (" + nnz + ")");
        }
        submit();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new H5FormatException(file, data.path(), "interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof H5FormatException h) {
                throw h;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        for (Future<Window> f : pending) {
            f.cancel(true);
        }
        pending.clear();
        pool.shutdownNow();
    }
}
