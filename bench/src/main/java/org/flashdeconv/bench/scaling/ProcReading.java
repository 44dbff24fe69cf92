package org.flashdeconv.bench.scaling;

import java.util.Locale;

/**
 * One reading of a Linux process from {@code /proc/<pid>/status} and {@code /proc/<pid>/stat}: resident memory
 * (total, anonymous, file-backed; bytes) and CPU time (user + system, in clock ticks).
 *
 * @param epochMs  when it was read (wall clock, ms)
 * @param rss      VmRSS in bytes
 * @param rssAnon  RssAnon in bytes
 * @param rssFile  RssFile in bytes
 * @param cpuTicks utime + stime in clock ticks (USER_HZ, 100 per second on Linux)
 */
record ProcReading(long epochMs, long rss, long rssAnon, long rssFile, long cpuTicks) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on every mainstream Linux build). */
    static final int TICKS_PER_SECOND = 100;

    /** CPU time in seconds. */
    double cpuSeconds() {
        return cpuTicks / (double) TICKS_PER_SECOND;
    }

    /**
     * Parses the texts of {@code status} and {@code stat}.
     *
     * @throws IllegalArgumentException if a field is missing or malformed (naming it)
     */
    static ProcReading parse(long epochMs, String status, String stat) {
        return new ProcReading(epochMs, statusBytes(status, "VmRSS"), statusBytes(status, "RssAnon"),
                statusBytes(status, "RssFile"), cpuTicks(stat));
    }

    /** The value of a {@code Key:   1234 kB} line of {@code /proc/<pid>/status}, in bytes. */
    static long statusBytes(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] t = line.substring(key.length() + 1).trim().split("\\s+");
                if (t.length != 2 || !t[1].toLowerCase(Locale.ROOT).equals("kb")) {
                    throw new IllegalArgumentException("/proc status: expected '" + key + ": <n> kB', found '"
                            + line + "'");
                }
                try {
                    return Long.parseLong(t[0]) * 1024;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("/proc status: " + key + " is not a number: '" + line + "'");
                }
            }
        }
        throw new IllegalArgumentException("/proc status: no " + key + " line");
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line. The command name (field 2, in
     * parentheses) may itself hold spaces and parentheses, so fields are counted after its last ')'.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("/proc stat: no ')' after the command name in '" + stat.strip() + "'");
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3]
        if (f.length < 13) {
            throw new IllegalArgumentException("/proc stat: expected at least 15 fields, found " + (f.length + 2));
        }
        try {
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("/proc stat: utime/stime are not numbers: '" + f[11] + "', '" + f[12]
                    + "'");
        }
    }
}
