package org.flashdeconv.io.h5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Tasks 0, 1, 2, ... run on worker threads (one per core), at most {@code threads + 1} ahead of the caller, whose
 * results the caller takes back strictly in order ({@link #next}). Not thread-safe; close it to stop the workers.
 *
 * @param <T> a task's result
 */
final class ReadAhead<T> implements AutoCloseable {
    private final Path file;
    private final String object;
    private final LongFunction<Callable<T>> tasks;
    private final long count;
    private final ExecutorService pool;
    private final ArrayDeque<Future<T>> pending = new ArrayDeque<>();
    private long submitted;

    /**
     * Starts running {@code tasks.apply(i)} for i in {@code [0, count)}.
     *
     * @param file   the file read, for error messages
     * @param object the dataset read, for error messages
     */
    ReadAhead(Path file, String object, long count, LongFunction<Callable<T>> tasks) {
        this.file = file;
        this.object = object;
        this.tasks = tasks;
        this.count = count;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "flashdeconv-h5-reader");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads + 1; i++) {
            submit();
        }
    }

    private void submit() {
        if (submitted < count) {
            pending.add(pool.submit(tasks.apply(submitted++)));
        }
    }

    /**
     * The next task's result, waiting for it if needed.
     *
     * @throws IOException           as the task threw it
     * @throws IllegalStateException if every result was taken
     */
    T next() throws IOException {
        Future<T> f = pending.poll();
        if (f == null) {
            throw new IllegalStateException("read-ahead: no task left (" + count + " in all)");
        }
        submit();
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new H5FormatException(file, object, "interrupted while reading", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        for (Future<T> f : pending) {
            f.cancel(true);
        }
        pending.clear();
        pool.shutdownNow();
    }
}
