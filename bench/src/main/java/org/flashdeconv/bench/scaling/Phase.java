package org.flashdeconv.bench.scaling;

import java.util.List;

/**
 * One phase of a run (a stage the engine reported, or the start-up and output around them) with its figures.
 *
 * @param name        stage name ("gene statistics", "solver", ...)
 * @param startMs     start, epoch ms
 * @param endMs       end, epoch ms
 * @param cpuSeconds  process CPU time spent in it (user + system), or -1 if unknown
 * @param peakHeap    peak Java heap in it, bytes (-1 if unknown)
 * @param peakRss     peak VmRSS sampled in it, bytes
 * @param peakRssAnon peak RssAnon sampled in it, bytes
 * @param peakRssFile peak RssFile sampled in it, bytes
 */
record Phase(String name, long startMs, long endMs, double cpuSeconds, long peakHeap, long peakRss,
             long peakRssAnon, long peakRssFile) {

    /** Wall time in seconds. */
    double wallSeconds() {
        return (endMs - startMs) / 1e3;
    }

    /**
     * A phase with the memory peaks of the readings that fall in {@code [startMs, endMs]}, plus the last reading
     * before it and the first after it (so a phase shorter than the sampling period still sees its neighbours).
     */
    static Phase of(String name, long startMs, long endMs, double cpuSeconds, long peakHeap,
                    List<ProcReading> readings) {
        long rss = 0;
        long anon = 0;
        long file = 0;
        int first = 0;
        int last = readings.size() - 1;
        for (int i = 0; i < readings.size(); i++) {
            long t = readings.get(i).epochMs();
            if (t <= startMs) {
                first = i;
            }
            if (t >= endMs) {
                last = i;
                break;
            }
        }
        for (int i = first; i <= last; i++) {
            ProcReading r = readings.get(i);
            rss = Math.max(rss, r.rss());
            anon = Math.max(anon, r.rssAnon());
            file = Math.max(file, r.rssFile());
        }
        return new Phase(name, startMs, endMs, cpuSeconds, peakHeap, rss, anon, file);
    }

    /** This phase followed by {@code next}: one phase named as this one, spanning both. */
    Phase merge(Phase next) {
        double cpu = cpuSeconds < 0 || next.cpuSeconds < 0 ? -1 : cpuSeconds + next.cpuSeconds;
        return new Phase(name, startMs, next.endMs, cpu, Math.max(peakHeap, next.peakHeap),
                Math.max(peakRss, next.peakRss), Math.max(peakRssAnon, next.peakRssAnon),
                Math.max(peakRssFile, next.peakRssFile));
    }
}
