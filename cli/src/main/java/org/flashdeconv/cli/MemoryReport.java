package org.flashdeconv.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.io.json.JsonWriter;

/**
 * The memory a run used: peak Java heap (sum of the heap pools' peaks), peak resident set (VmHWM) and current
 * anonymous and file-backed resident memory (RssAnon, RssFile; Linux only, else absent). Off-heap data (the
 * engine's arrays) shows in RssAnon; the mapped store's pages in RssFile.
 */
final class MemoryReport {
    private MemoryReport() {
    }

    /** Writes a {@code memory} object into {@code json}. */
    static void write(JsonWriter json) {
        json.name("memory").beginObject();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        json.field("peak_heap_bytes", heap);
        json.field("max_heap_bytes", Runtime.getRuntime().maxMemory());
        proc("VmHWM", "peak_rss_bytes", json);
        proc("RssAnon", "rss_anon_bytes", json);
        proc("RssFile", "rss_file_bytes", json);
        json.endObject();
    }

    private static void proc(String key, String name, JsonWriter json) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    String[] t = line.substring(key.length() + 1).trim().split("\\s+");
                    json.field(name, Long.parseLong(t[0]) * 1024);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: the field is left out
        }
    }
}
