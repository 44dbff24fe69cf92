package org.flashdeconv.engine.genes;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Combines per-block partial results into a running total strictly in block order, with memory that does not
 * grow with the number of blocks.
 *
 * <p>A block may start only while it is fewer than {@code window} blocks ahead of the oldest block not yet
 * merged; so at most {@code window} partials exist, and the oldest block can always start (it never waits).
 * Because the total is always {@code ((p0 + p1) + p2) + ...}, the result has the same bits for any number of
 * threads. If a block fails, every waiting and later block is skipped instead of waiting forever, so the only
 * exception the caller sees is the failing block's own.
 *
 * @param <P> a partial result, reused after its merge
 */
final class OrderedMerge<P> {

    private final int window;
    private final Supplier<P> factory;
    private final Consumer<P> absorb;
    private final Object[] pending;
    private final ArrayDeque<P> free = new ArrayDeque<>();
    private long next;
    private boolean failed;

    /**
     * @param window  how many blocks may be in flight or waiting, at least 1
     * @param factory creates an empty partial
     * @param absorb  adds a partial to the total and resets it to empty
     */
    OrderedMerge(int window, Supplier<P> factory, Consumer<P> absorb) {
        this.window = Math.max(1, window);
        this.factory = factory;
        this.absorb = absorb;
        this.pending = new Object[this.window];
    }

    /**
     * Runs {@code work} on an empty partial for {@code block}, then merges it in block order. Does nothing if an
     * earlier call failed (the total is then meaningless and that call's exception reaches the caller).
     */
    void run(long block, Consumer<P> work) {
        P partial = acquire(block);
        if (partial == null) {
            return;
        }
        try {
            work.accept(partial);
        } catch (RuntimeException | Error e) {
            fail();
            throw e;
        }
        submit(block, partial);
    }

    /** An empty partial once {@code block} may start, or null if the pass failed. */
    private synchronized P acquire(long block) {
        while (!failed && block >= next + window) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
                notifyAll();
                throw new IllegalStateException("interrupted while block " + block + " waited for its merge", e);
            }
        }
        if (failed) {
            return null;
        }
        P p = free.poll();
        return p != null ? p : factory.get();
    }

    @SuppressWarnings("unchecked")
    private synchronized void submit(long block, P partial) {
        pending[(int) (block % window)] = partial;
        Object ready;
        while ((ready = pending[(int) (next % window)]) != null) {
            pending[(int) (next % window)] = null;
            absorb.accept((P) ready);
            free.push((P) ready);
            next++;
        }
        notifyAll();
    }

    private synchronized void fail() {
        failed = true;
        notifyAll();
    }
}
