package org.flashdeconv.cli.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.flashdeconv.engine.Progress;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private TerminalProgress progress() {
        return new TerminalProgress(() -> new ConsoleProgressBarConsumer(stream, 120));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void advancesFromManyThreadsAddUp() throws InterruptedException {
        try (TerminalProgress progress = progress()) {
            progress.start("gene statistics", 400_000);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread w = new Thread(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        progress.advance(1);
                    }
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
            progress.advance(200_000);
            progress.end();
        }
        String out = output();
        assertTrue(out.contains("gene statistics"), out);
        assertTrue(out.contains("400000/400000"), out);
    }

    @Test
    void solverBarShowsTheSweepAndItsChange() {
        try (TerminalProgress progress = progress()) {
            progress.start("solver", 1000);
            progress.sweep(1, 0.5);
            progress.sweep(2, 1.25e-3);
            progress.end();
        }
        String out = output();
        assertTrue(out.contains("solver"), out);
        assertTrue(out.contains("change 1.25e-03"), out);
        assertTrue(out.contains("100%") && out.contains("2/2") && out.contains("converged after 2 sweeps"),
                "a converged solver's bar ends full and says so: " + out);
        assertFalse(out.contains("1000/1000"), "a converged solver does not claim all sweeps: " + out);
    }

    @Test
    void stageOfUnknownLengthShowsItsCount() {
        try (TerminalProgress progress = progress()) {
            progress.start("reading", -1);
            progress.advance(1234);
            progress.end();
            progress.start("next stage", 10);
        }
        String out = output();
        assertTrue(out.contains("reading"), out);
        assertTrue(out.contains("1234"), out);
        assertTrue(out.contains("next stage"), "a bar left open is closed and drawn: " + out);
    }

    @Test
    void quietOrRedirectedGivesTheSilentListener() {
        try (ProgressBars.Handle handle = ProgressBars.create(true)) {
            assertSame(Progress.NONE, handle.listener());
        }
        // surefire runs the tests without a terminal
        try (ProgressBars.Handle handle = ProgressBars.create(false)) {
            assertSame(Progress.NONE, handle.listener());
        }
    }
}
