package org.flashdeconv.io.simulate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Produces fixed-size blocks of a range on worker threads and hands them to one consumer, on the caller's thread,
 * in range order. At most two blocks per worker are in flight, so memory stays bounded however long the range.
 * Block boundaries depend only on the range and the block size; since every block is a pure function of its
 * range, the consumer sees the same data for any thread count.
 */
final class OrderedBlocks {

    /** Makes the block for elements {@code [first, first + count)} using one worker's scratch space. */
    @FunctionalInterface
    interface Producer<S, T> {
        T produce(S scratch, long first, int count);
    }

    /** Receives the blocks in order. */
    @FunctionalInterface
    interface Consumer<T> {
        void accept(T block) throws IOException;
    }

    private OrderedBlocks() {
    }

    /**
     * Runs the producer over {@code [0, total)} in blocks of {@code blockSize} and feeds the consumer in order.
     *
     * @throws IOException as thrown by the consumer, or if interrupted
     */
    static <S, T> void run(long total, int blockSize, int threads, Supplier<S> scratch, Producer<S, T> producer,
                           Consumer<T> consumer) throws IOException {
        long blocks = (total + blockSize - 1) / blockSize;
        if (threads == 1 || blocks <= 1) {
            S s = scratch.get();
            for (long b = 0; b < blocks; b++) {
                long first = b * blockSize;
                consumer.accept(producer.produce(s, first, (int) Math.min(blockSize, total - first)));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "flashdeconv-simulate");
            t.setDaemon(true);
            return t;
        });
        try {
            BlockingQueue<S> scratches = new ArrayBlockingQueue<>(threads);
            for (int i = 0; i < threads; i++) {
                scratches.add(scratch.get());
            }
            ArrayDeque<Future<T>> pending = new ArrayDeque<>();
            long next = 0;
            while (next < blocks && pending.size() < 2 * threads) {
                pending.add(submit(pool, scratches, producer, next++ * blockSize, blockSize, total));
            }
            while (!pending.isEmpty()) {
                T block = await(pending.poll());
                if (next < blocks) {
                    pending.add(submit(pool, scratches, producer, next++ * blockSize, blockSize, total));
                }
                consumer.accept(block);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <S, T> Future<T> submit(ExecutorService pool, BlockingQueue<S> scratches,
                                           Producer<S, T> producer, long first, int blockSize, long total) {
        int count = (int) Math.min(blockSize, total - first);
        return pool.submit(() -> {
            S s = scratches.take();
            try {
                return producer.produce(s, first, count);
            } finally {
                scratches.put(s);
            }
        });
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating the simulated slide");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
