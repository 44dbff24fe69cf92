package org.flashdeconv.bench.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code /proc/<pid>/status} and {@code /proc/<pid>/stat} of a running process every {@code periodMs} on a
 * daemon thread until the process ends, keeping every reading. The readings are what the harness reports peaks
 * and CPU time from; a peak between two readings can be missed (RssAnon changes slowly, so little is).
 */
final class ProcessSampler implements AutoCloseable {
    private final Path status;
    private final Path stat;
    private final ProcessHandle process;
    private final long periodMs;
    private final List<ProcReading> readings = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    /** Starts sampling {@code process} (it must be running on Linux). */
    ProcessSampler(ProcessHandle process, long periodMs) {
        this.process = process;
        this.periodMs = periodMs;
        Path dir = Path.of("/proc", Long.toString(process.pid()));
        this.status = dir.resolve("status");
        this.stat = dir.resolve("stat");
        thread = Thread.ofPlatform().daemon().name("proc-sampler-" + process.pid()).start(this::loop);
    }

    private void loop() {
        while (!stop && process.isAlive()) {
            readOnce();
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readOnce() {
        try {
            long now = System.currentTimeMillis();
            ProcReading r = ProcReading.parse(now, Files.readString(status), Files.readString(stat));
            synchronized (readings) {
                readings.add(r);
            }
        } catch (IOException | IllegalArgumentException e) {
            // the process ended between the check and the read (a zombie's status has no RSS lines)
        }
    }

    /** Stops sampling and returns the readings, in time order. */
    List<ProcReading> finish() {
        stop = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (readings) {
            return List.copyOf(readings);
        }
    }

    @Override
    public void close() {
        finish();
    }
}
