package org.flashdeconv.io.atomic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears under its final name only when complete. Write to {@link #temp()}, then
 * {@link #commit()}: the temporary file (in the target's folder, so the rename stays on one file system) is
 * renamed over the target atomically. Closing without a commit deletes the temporary file, so a failed or
 * interrupted write leaves either the old target or nothing, never a partial file under the final name. The
 * temporary file has a hidden name, {@code .<name>.<digits>.tmp}; only a killed process (SIGKILL, power loss)
 * leaves one behind, and it can be deleted. The committed file gets the permissions of the file it replaced, or
 * {@code rw-r--r--}.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.create(target)) {
 *     write(out.temp());
 *     out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput extends StagedOutput {

    private AtomicOutput(Path target, Path temp) {
        super(target, temp, "rw-r--r--");
    }

    /**
     * Reserves a temporary file beside {@code target} (created empty; parent folders are created).
     *
     * @throws IOException if the folder cannot be created or written
     */
    public static AtomicOutput create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path temp = TemporaryFiles.createFile(dir, "." + abs.getFileName() + ".", ".tmp");
        return new AtomicOutput(abs, temp);
    }

    /** The temporary path to write to. */
    public Path temp() {
        return staged();
    }

    @Override
    void place(Path temp, Path target) throws IOException {
        move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    void discard(Path temp) throws IOException {
        Files.deleteIfExists(temp);
    }
}
