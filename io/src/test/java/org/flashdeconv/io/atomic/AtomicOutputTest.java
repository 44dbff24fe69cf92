package org.flashdeconv.io.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void commitReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            Files.writeString(out.temp(), "new");
            assertEquals("old", Files.readString(target));
            out.commit();
        }
        assertEquals("new", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void closeWithoutCommitKeepsTheOldTargetAndDeletesTheTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/out.csv");
        Path temp;
        try (AtomicOutput out = AtomicOutput.create(target)) {
            temp = out.temp();
            Files.writeString(temp, "partial");
        }
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(temp));
        assertTrue(Files.isDirectory(dir.resolve("sub")));
    }
}
