package org.flashdeconv.cli.progress;

import java.io.Console;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.flashdeconv.engine.Progress;

/**
 * Chooses how commands report progress: bars on stderr when a person is watching, nothing otherwise.
 *
 * <pre>{@code
 * try (ProgressBars.Handle progress = ProgressBars.create(quiet)) {
 *     StoreConverter.convert(source, target, progress.listener());
 * }
 * }</pre>
 */
public final class ProgressBars {

    private ProgressBars() {
    }

    /** A progress listener and its display, closed when the command ends. */
    public interface Handle extends AutoCloseable {
        /** The listener to pass to the engine and the converters. */
        Progress listener();

        /** Closes any bar still drawn. */
        @Override
        void close();
    }

    /**
     * Bars on stderr, or a silent listener when {@code quiet} is set or the process is not attached to a terminal
     * (output redirected to a file or a pipe, CI logs).
     */
    public static Handle create(boolean quiet) {
        if (quiet || !interactive()) {
            return silent();
        }
        TerminalProgress bars = new TerminalProgress(() -> new ConsoleProgressBarConsumer(System.err));
        return new Handle() {
            @Override
            public Progress listener() {
                return bars;
            }

            @Override
            public void close() {
                bars.close();
            }
        };
    }

    /** A handle whose listener ignores everything. */
    public static Handle silent() {
        return new Handle() {
            @Override
            public Progress listener() {
                return Progress.NONE;
            }

            @Override
            public void close() {
            }
        };
    }

    /** True when standard input and output are a terminal (JDK 22+ returns a console even when redirected). */
    static boolean interactive() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
