package org.flashdeconv.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.io.json.JsonWriter;

/**
 * The memory a run used: peak Java heap (sum of the heap pools' peaks), peak resident set (VmHWM) and current
 * anonymous and file-backed resident memory (RssAnon, RssFile; Linux only, else absent). Off-heap data (the
 * engine's arrays) shows in RssAnon; the mapped store's pages in RssFile.
 */
final class MemoryReport {
    private MemoryReport() {
    }

    /**
     * Writes a {@code memory} object into {@code json}; the peak heap is at least {@code peakHeapFloor} (the
     * peaks of phases whose pool peaks were reset, see {@link StageLog}).
     */
    static void write(JsonWriter json, long peakHeapFloor) {
        json.name("memory").beginObject();
        long heap = peakHeapFloor;
        long current = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                current += pool.getPeakUsage().getUsed();
            }
        }
        heap = Math.max(heap, current);
        json.field("peak_heap_bytes", heap);
        json.field("max_heap_bytes", Runtime.getRuntime().maxMemory());
        List<String> status = procStatus();
        proc(status, "VmHWM", "peak_rss_bytes", json);
        proc(status, "RssAnon", "rss_anon_bytes", json);
        proc(status, "RssFile", "rss_file_bytes", json);
        json.endObject();
    }

    /** The lines of /proc/self/status, or none when it cannot be read (not Linux). */
    private static List<String> procStatus() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void proc(List<String> status, String key, String name, JsonWriter json) {
        for (String line : status) {
            if (line.startsWith(key + ":")) {
                try {
                    String[] t = line.substring(key.length() + 1).trim().split("\\s+");
                    json.field(name, Long.parseLong(t[0]) * 1024);
                } catch (RuntimeException e) {
                    // an unexpected line: the field is left out
                }
                return;
            }
        }
    }
}
