package org.flashdeconv.cli.progress;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.flashdeconv.engine.Progress;

/**
 * A {@link Progress} that draws one progress bar per stage (me.tongfei:progressbar) with the count, rate and ETA;
 * the solver's bar also shows the sweep and its relative change, and ends full ("converged after N sweeps").
 *
 * <p>Thread-safe: {@link #advance} may be called from any number of worker threads. It only adds to an atomic
 * counter and pushes the total to the bar when about 0.1 % of the stage has accumulated, so its cost is a few
 * nanoseconds; the bar library redraws on its own timer. {@link #start} and {@link #end} are expected from one
 * coordinating thread. Close it when done (closes a bar left open).
 */
public final class TerminalProgress implements Progress, AutoCloseable {
    private static final int PUSHES_PER_STAGE = 1000;

    private final Supplier<ProgressBarConsumer> consumer;
    private final AtomicLong done = new AtomicLong();
    private volatile ProgressBar bar;
    private volatile long nextPush;
    private long step;
    private boolean sweeping;
    private double lastChange;

    /**
     * A progress display writing through consumers from {@code consumer} (one per stage), e.g. a console consumer
     * on {@code System.err}.
     */
    public TerminalProgress(Supplier<ProgressBarConsumer> consumer) {
        this.consumer = consumer;
    }

    @Override
    public synchronized void start(String stage, long total) {
        closeBar();
        done.set(0);
        sweeping = false;
        step = total > 0 ? Math.max(1, total / PUSHES_PER_STAGE) : 1;
        nextPush = step;
        bar = new ProgressBarBuilder()
                .setTaskName(stage)
                .setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .setConsumer(consumer.get())
                .setMaxRenderedLength(100)
                .build();
    }

    @Override
    public void advance(long units) {
        long now = done.addAndGet(units);
        if (now >= nextPush) {
            push(now);
        }
    }

    private synchronized void push(long now) {
        ProgressBar current = bar;
        if (current != null && now >= nextPush) {
            current.stepTo(Math.max(current.getCurrent(), done.get()));
            nextPush = now + step;
        }
    }

    @Override
    public synchronized void sweep(int iteration, double relativeChange) {
        ProgressBar current = bar;
        if (current != null) {
            sweeping = true;
            lastChange = relativeChange;
            current.stepTo(iteration);
            current.setExtraMessage(String.format(Locale.ROOT, "sweep %d, change %.2e", iteration, relativeChange));
        }
    }

    @Override
    public synchronized void end() {
        ProgressBar current = bar;
        if (current != null) {
            long max = current.getMax();
            long value = Math.max(current.getCurrent(), done.get());
            if (sweeping) {
                // the solver stops when it converges: its bar ends full, saying after how many sweeps
                current.setExtraMessage(String.format(Locale.ROOT, "%s, change %.2e", value < max
                        ? "converged after " + value + " sweeps" : "stopped at the sweep limit (" + value + ")",
                        lastChange));
                current.maxHint(Math.max(value, 1));
                value = Math.max(value, 1);
            } else if (max > 0) {
                value = max; // a counted stage that ends is complete
            } else {
                current.maxHint(value);
            }
            current.stepTo(value);
        }
        closeBar();
    }

    private void closeBar() {
        ProgressBar current = bar;
        if (current != null) {
            bar = null;
            current.close();
        }
    }

    /** Closes a bar left open. */
    @Override
    public synchronized void close() {
        closeBar();
    }
}
