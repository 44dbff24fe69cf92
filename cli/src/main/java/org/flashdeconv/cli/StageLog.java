package org.flashdeconv.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.json.JsonWriter;

/**
 * A {@link Progress} decorator that times the run's phases for {@code summary.json}: each stage the engine
 * reports (from {@code start} to {@code end}) and the gaps around them ("startup" before the first stage,
 * "after &lt;stage&gt;" between stages), each with its start (epoch milliseconds), wall time, process CPU time and
 * peak Java heap (the heap pools' peaks, reset at each phase boundary). Benchmarks line these phases up with
 * their own samples of the process. Calls from worker threads ({@code advance}) only delegate.
 */
final class StageLog implements Progress {

    private record Phase(String name, long startEpochMs, double wallSeconds, double cpuSeconds, long peakHeap) {
    }

    private final Progress delegate;
    private final List<Phase> phases = new ArrayList<>();
    private final com.sun.management.OperatingSystemMXBean os;
    private String current = "startup";
    private long startEpochMs;
    private long startNanos;
    private long startCpu;

    StageLog(Progress delegate) {
        this.delegate = delegate;
        var bean = ManagementFactory.getOperatingSystemMXBean();
        this.os = bean instanceof com.sun.management.OperatingSystemMXBean b ? b : null;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        this.startEpochMs = System.currentTimeMillis() - uptime;
        this.startNanos = System.nanoTime() - uptime * 1_000_000L;
        this.startCpu = 0;
    }

    @Override
    public synchronized void start(String stage, long total) {
        close(stage);
        delegate.start(stage, total);
    }

    @Override
    public void advance(long units) {
        delegate.advance(units);
    }

    @Override
    public void sweep(int iteration, double relativeChange) {
        delegate.sweep(iteration, relativeChange);
    }

    @Override
    public synchronized void end() {
        delegate.end();
        close("after " + current);
    }

    /** Closes the current phase and opens {@code next}. */
    private void close(String next) {
        long now = System.nanoTime();
        long cpu = cpuNanos();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
                pool.resetPeakUsage();
            }
        }
        phases.add(new Phase(current, startEpochMs, (now - startNanos) / 1e9,
                cpu < 0 ? -1 : (cpu - startCpu) / 1e9, heap));
        current = next;
        startEpochMs = System.currentTimeMillis();
        startNanos = now;
        startCpu = cpu;
    }

    private long cpuNanos() {
        return os == null ? -1 : os.getProcessCpuTime();
    }

    /** The largest per-phase peak heap so far (bytes). */
    synchronized long peakHeap() {
        long max = 0;
        for (Phase p : phases) {
            max = Math.max(max, p.peakHeap());
        }
        return max;
    }

    /** Writes a {@code phases} array: the closed phases in order (the open one is left out). */
    synchronized void write(JsonWriter json) {
        json.name("phases").beginArray();
        for (Phase p : phases) {
            json.beginObject();
            json.field("name", p.name());
            json.field("start_epoch_ms", p.startEpochMs());
            json.field("wall_seconds", p.wallSeconds());
            json.field("cpu_seconds", p.cpuSeconds());
            json.field("peak_heap_bytes", p.peakHeap());
            json.endObject();
        }
        json.endArray();
    }
}
