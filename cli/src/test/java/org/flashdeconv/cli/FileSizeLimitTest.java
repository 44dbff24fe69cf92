package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a write the kernel refuses (here EFBIG under {@code ulimit -f}, a real error of the system with no file
 * name in it, as ENOSPC on a full disk) ends each command in a child JVM with one line naming the file or folder,
 * exit 1, and no temporary left behind.
 */
class FileSizeLimitTest {
    @TempDir
    Path dir;

    private String runLimited(String name, long blocks, String... args) throws Exception {
        Path logs = dir.resolve("logs");
        Process p = ChildJvm.startWithFileLimit(logs, name, blocks, args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), name);
        String err = ChildJvm.err(logs, name).strip();
        assertEquals(1, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(f -> f.getFileName().toString().startsWith(".")).toList(), name);
        }
        return err;
    }

    @Test
    void writesPastTheLimitNameTheirFile() throws Exception {
        Path sim = dir.resolve("sim");
        // 60 KiB: the store of 3000 spots does not fit, the small signatures do
        String s = runLimited("simulate", 60, "simulate", "-o", sim.toString(), "--spots", "3000", "--genes", "200",
                "--types", "4", "-q");
        assertTrue(s.startsWith("flashdeconv simulate: " + sim + ": File too large, writing the temporary file "
                + ".slide.fdstore."), s);
        StoreCommandsTest.Result ok = StoreCommandsTest.run("simulate", "-o", sim.toString(), "--spots", "3000",
                "--genes", "200", "--types", "4", "-q");
        assertEquals(0, ok.code(), ok.err());
        Path out = dir.resolve("out");
        String d = runLimited("deconvolve", 60, "deconvolve", "--spatial", sim.resolve("slide.fdstore").toString(),
                "--reference", sim.resolve("signatures.csv").toString(), "-o", out.toString(), "-q");
        assertTrue(d.startsWith("flashdeconv deconvolve: " + out + "/") && d.endsWith(": File too large"), d);
    }
}
