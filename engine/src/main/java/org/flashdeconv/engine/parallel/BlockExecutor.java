package org.flashdeconv.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs work over a range split into fixed-size blocks on a fixed number of threads.
 *
 * <p>Determinism contract: the block boundaries depend only on the range and the block size, never on the
 * thread count. A task that writes only its own block's outputs, and reductions that combine per-block partial
 * results in block order (see {@link #blockCount}), give bit-identical results for any thread count.
 *
 * <p>Owns its worker threads until {@link #close()}.
 */
public final class BlockExecutor implements AutoCloseable {

    /** Work on one block: elements {@code [start, end)} of the range, block number {@code block}. */
    @FunctionalInterface
    public interface BlockTask {
        /**
         * Processes one block.
         *
         * @param block block number, from 0
         * @param start first element
         * @param end   one past the last element
         */
        void run(int block, long start, long end);
    }

    /**
     * Work on one block whose result is handed on in block order ({@link #forEachBlockInOrder}).
     *
     * @param <T> the block's result
     */
    @FunctionalInterface
    public interface OrderedTask<T> {
        /**
         * Processes one block.
         *
         * @param slot  {@code block % ahead}: no two blocks of one slot are in work or waiting to be handed on at
         *              once, so a slot's buffers can be reused
         * @param block block number, from 0
         * @param start first element
         * @param end   one past the last element
         * @return the block's result
         */
        T run(int slot, int block, long start, long end);
    }

    /**
     * Takes the blocks' results in block order, on the caller's thread.
     *
     * @param <T> a block's result
     * @param <X> what it may throw
     */
    @FunctionalInterface
    public interface OrderedSink<T, X extends Exception> {
        /** Takes the result of block {@code block}. */
        void accept(int block, T result) throws X;
    }

    private final int threads;
    private final ExecutorService pool;

    /**
     * Creates an executor with {@code threads} workers ({@code 1} runs everything on the caller's thread).
     *
     * @throws IllegalArgumentException if threads is below 1
     */
    public BlockExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "flashdeconv-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Number of blocks {@code [0, n)} splits into with the given block size. */
    public static int blockCount(long n, long blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, found " + blockSize);
        }
        return Math.toIntExact((n + blockSize - 1) / blockSize);
    }

    /**
     * Runs {@code task} over every block of {@code [0, n)} and returns when all are done. Blocks are handed out
     * in ascending order; which thread runs a block is unspecified.
     *
     * @throws IllegalArgumentException if n is negative or blockSize below 1
     * @throws RuntimeException         the first exception a task threw (others are suppressed into it)
     */
    public void forEachBlock(long n, long blockSize, BlockTask task) {
        if (n < 0) {
            throw new IllegalArgumentException("range length must be >= 0, found " + n);
        }
        int blocks = blockCount(n, blockSize);
        if (pool == null || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                long start = b * blockSize;
                task.run(b, start, Math.min(n, start + blockSize));
            }
            return;
        }
        AtomicLong next = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < Math.min(threads, blocks); t++) {
            futures.add(pool.submit(() -> {
                long b;
                while ((b = next.getAndIncrement()) < blocks) {
                    long start = b * blockSize;
                    task.run((int) b, start, Math.min(n, start + blockSize));
                }
            }));
        }
        RuntimeException first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                RuntimeException re = unwrap(e.getCause());
                if (first == null) {
                    first = re;
                    next.set(blocks); // stop handing out further blocks
                } else if (re != first) {
                    first.addSuppressed(re);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(blocks);
                if (first == null) {
                    first = new IllegalStateException("interrupted while waiting for workers", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Runs {@code task} over every block of {@code [0, n)} on the workers and hands each block's result to
     * {@code sink} on the caller's thread in block order, while the workers go on with the next blocks: at most
     * {@code ahead} blocks are in work or waiting for the sink at once. With one thread, each block is run and
     * handed on in turn.
     *
     * @throws IllegalArgumentException if n is negative, blockSize or ahead below 1
     * @throws RuntimeException         the first exception a task threw
     * @throws X                        what the sink threw (no further block is handed on)
     */
    public <T, X extends Exception> void forEachBlockInOrder(long n, long blockSize, int ahead, OrderedTask<T> task,
                                                             OrderedSink<T, X> sink) throws X {
        if (n < 0) {
            throw new IllegalArgumentException("range length must be >= 0, found " + n);
        }
        if (ahead < 1) {
            throw new IllegalArgumentException("ahead must be >= 1, found " + ahead);
        }
        int blocks = blockCount(n, blockSize);
        if (pool == null || blocks <= 1) {
            for (int b = 0; b < blocks; b++) {
                long start = b * blockSize;
                sink.accept(b, task.run(b % ahead, b, start, Math.min(n, start + blockSize)));
            }
            return;
        }
        @SuppressWarnings("unchecked")
        Future<T>[] ring = new Future[ahead];
        int submitted = 0;
        try {
            for (; submitted < Math.min(ahead, blocks); submitted++) {
                ring[submitted % ahead] = submitOrdered(task, submitted, ahead, n, blockSize);
            }
            for (int b = 0; b < blocks; b++) {
                T result = await(ring[b % ahead]);
                ring[b % ahead] = null;
                sink.accept(b, result);
                if (submitted < blocks) {
                    ring[submitted % ahead] = submitOrdered(task, submitted, ahead, n, blockSize);
                    submitted++;
                }
            }
        } finally {
            drain(ring);
        }
    }

    private <T> Future<T> submitOrdered(OrderedTask<T> task, int block, int ahead, long n, long blockSize) {
        long start = block * blockSize;
        return pool.submit(() -> task.run(block % ahead, block, start, Math.min(n, start + blockSize)));
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for workers", e);
        }
    }

    /** After a failure: stops the blocks not started and waits for those in work, so none outlives the call. */
    private static void drain(Future<?>[] ring) {
        for (Future<?> f : ring) {
            if (f != null) {
                f.cancel(false);
            }
        }
        for (Future<?> f : ring) {
            if (f != null && !f.isCancelled()) {
                try {
                    f.get();
                } catch (ExecutionException | RuntimeException e) {
                    // the first failure is already on its way up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(t);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
