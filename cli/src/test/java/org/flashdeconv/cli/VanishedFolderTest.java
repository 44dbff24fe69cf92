package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: run from a folder that no longer exists (deleted in another terminal, an unmounted file system), where
 * the JVM itself cannot start, the launcher says so in one line of its own and exits 1 for every command.
 */
class VanishedFolderTest {
    @TempDir
    Path dir;

    @Test
    void theLauncherNamesTheVanishedFolder() throws Exception {
        Path launcher = Path.of("..", "flashdeconv").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(launcher) && Files.isExecutable(Path.of("/bin/bash")), "the launcher");
        for (String command : List.of("info x.fdstore", "deconvolve --spatial s.fdstore --reference r.csv -o out",
                "simulate -o sim --spots 10")) {
            Path gone = Files.createDirectories(dir.resolve("gone"));
            Process p = new ProcessBuilder("/bin/bash", "-c", "cd " + gone + " && rmdir " + gone + " && exec "
                    + launcher + " " + command).redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), command);
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(1, p.exitValue(), out);
            // bash's own note about the folder may come first; ours is the last line
            List<String> lines = out.lines().toList();
            assertEquals("flashdeconv: the current folder " + gone + " no longer exists (deleted, or its file system "
                    + "unmounted); cd to an existing folder and run again", lines.getLast(), out);
            assertTrue(lines.size() <= 2 && !out.contains("Exception") && !out.contains("Error occurred"), out);
        }
    }
}
