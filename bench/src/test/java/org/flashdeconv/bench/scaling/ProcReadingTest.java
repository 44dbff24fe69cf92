package org.flashdeconv.bench.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcReadingTest {

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            VmPeak:\t 8123456 kB
            VmHWM:\t  812340 kB
            VmRSS:\t  700000 kB
            RssAnon:\t  600000 kB
            RssFile:\t   99000 kB
            RssShmem:\t    1000 kB
            Threads:\t23
            """;

    /** A stat line whose command name holds a space and a parenthesis. */
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 "
            + "1234 567 0 0 20 0 23 0 987654 8318234624 175000 18446744073709551615 1 1 0 0 0 0 0 4096 17103 0 0 0 "
            + "17 1 0 0 0 0 0\n";

    @Test
    void parsesMemoryAndCpu() {
        ProcReading r = ProcReading.parse(99, STATUS, STAT);
        assertEquals(99, r.epochMs());
        assertEquals(700000L * 1024, r.rss());
        assertEquals(600000L * 1024, r.rssAnon());
        assertEquals(99000L * 1024, r.rssFile());
        assertEquals(1234 + 567, r.cpuTicks());
        assertEquals(18.01, r.cpuSeconds(), 1e-12);
    }

    @Test
    void readsTheLiveProcessOfThisTest() throws Exception {
        java.nio.file.Path self = java.nio.file.Path.of("/proc/self");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(self), "Linux only");
        ProcReading r = ProcReading.parse(0, java.nio.file.Files.readString(self.resolve("status")),
                java.nio.file.Files.readString(self.resolve("stat")));
        assertTrue(r.rss() > 0 && r.rssAnon() > 0 && r.rssAnon() <= r.rss(), r.toString());
        assertTrue(r.cpuTicks() > 0, r.toString());
    }

    @Test
    void rejectsMissingOrMalformedFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcReading.statusBytes(STATUS, "RssHuge"));
        assertTrue(e.getMessage().contains("no RssHuge line"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProcReading.statusBytes("VmRSS:\t12 MB\n", "VmRSS"));
        assertTrue(e.getMessage().contains("'VmRSS: <n> kB'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcReading.cpuTicks("4242 java S 1 2 3"));
        assertThrows(IllegalArgumentException.class, () -> ProcReading.cpuTicks("4242 (java) S 1 2 3"));
    }
}
