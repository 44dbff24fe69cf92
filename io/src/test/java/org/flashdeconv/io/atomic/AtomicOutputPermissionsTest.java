package org.flashdeconv.io.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed files get ordinary permissions, not the owner-only mode of a temporary file. */
class AtomicOutputPermissionsTest {
    @TempDir
    Path dir;

    private void posixOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
    }

    private static void write(Path target, String text) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.temp())),
                    "the temporary file stays private while it is written");
            Files.writeString(out.temp(), text);
            out.commit();
        }
    }

    @Test
    void aNewFileIsReadableByAll() throws IOException {
        posixOnly();
        Path target = dir.resolve("new.csv");
        write(target, "a\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        posixOnly();
        Path target = Files.writeString(dir.resolve("old.csv"), "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        write(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
}
