package org.flashdeconv.io.atomic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
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
     * @throws IOException if {@code target} exists and is not a regular file (after symbolic links), or the folder
     *                     cannot be created or written
     */
    public static AtomicOutput create(Path target) throws IOException {
        String notAFile = notAFile(target);
        if (notAFile != null) {
            throw new IOException(notAFile);
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path temp = TemporaryFiles.createFile(dir, "." + abs.getFileName() + ".", ".tmp");
        return new AtomicOutput(abs, temp);
    }

    /**
     * Why {@code target} cannot be an output file, or null: it exists and is not a regular file (after symbolic
     * links). Renaming over a device or a pipe would replace it (run as root, {@code /dev/full} would become a
     * plain file), and a folder is not a file.
     */
    public static String notAFile(Path target) {
        if (!Files.exists(target) || Files.isRegularFile(target)) {
            return null;
        }
        return target + ": exists and is not a regular file (" + (Files.isDirectory(target) ? "a folder"
                : "a device, pipe or socket") + "); give the name of a file to write";
    }

    /** The temporary path to write to. */
    public Path temp() {
        return staged();
    }

    /**
     * A stream writing the temporary file from its start; its errors name the target ({@link NamedChannel}).
     *
     * @throws IOException naming the target if the file cannot be opened
     */
    public OutputStream newOutputStream() throws IOException {
        return NamedChannel.newOutputStream(staged(), target());
    }

    /**
     * A buffered UTF-8 writer of the temporary file (see {@link #newOutputStream}).
     *
     * @throws IOException naming the target if the file cannot be opened
     */
    public BufferedWriter newWriter() throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(), StandardCharsets.UTF_8));
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
