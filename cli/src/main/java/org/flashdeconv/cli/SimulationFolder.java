package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.flashdeconv.io.atomic.NamedChannel;
import org.flashdeconv.io.atomic.TemporaryFiles;

/**
 * The output folder of {@code simulate}, written all or nothing: every file is written into a hidden staging folder
 * inside it ({@code .simulate.<digits>}, a registered temporary: Ctrl-C and SIGTERM delete it, and the folders this
 * run created, through the shutdown hook of {@link TemporaryFiles}), and {@link #commit} renames
 * the files into place, replacing those of an earlier simulation; other files of the folder are never touched. When
 * the run fails, {@link #close} deletes the staging folder and then the folders this run created (the output folder
 * and its missing parents, only while empty): a failed run leaves the file system as it found it, and never deletes a
 * folder that existed before.
 */
final class SimulationFolder implements AutoCloseable {
    private final Path output;
    private final Path firstCreated;
    private final Path stage;
    private boolean committed;

    private SimulationFolder(Path output, Path firstCreated, Path stage) {
        this.output = output;
        this.firstCreated = firstCreated;
        this.stage = stage;
    }

    /**
     * Creates {@code output} if missing, and the staging folder in it.
     *
     * @throws IOException if a folder cannot be created (what was created is deleted again)
     */
    static SimulationFolder create(Path output) throws IOException {
        Path abs = output.toAbsolutePath().normalize();
        Path firstCreated = null;
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
            firstCreated = p;
        }
        try {
            Path stage = TemporaryFiles.createFolder(output, ".simulate.");
            if (firstCreated != null) {
                TemporaryFiles.register(firstCreated); // Ctrl-C or SIGTERM: the shutdown hook deletes it too
            }
            return new SimulationFolder(output, firstCreated, stage);
        } catch (IOException | RuntimeException e) {
            removeCreated(abs, firstCreated);
            throw e;
        }
    }

    /** The folder to write the files into. */
    Path stage() {
        return stage;
    }

    /** {@code e} with the staging folder shown as the output folder: the user never sees the hidden name. */
    IOException shownAsOutput(IOException e) {
        return NamedChannel.shownAs(e, stage, output);
    }

    /**
     * Renames the staged entries {@code names} (files, or folders such as {@code reference_cells}) into the output
     * folder, replacing earlier ones; a replaced folder is moved into the staging folder and deleted with it.
     *
     * @throws IOException if a rename fails
     */
    void commit(List<String> names) throws IOException {
        for (String name : names) {
            Path to = output.resolve(name);
            if (Files.isDirectory(stage.resolve(name)) && Files.isDirectory(to)) {
                Files.move(to, stage.resolve(".replaced-" + name));
            }
            Files.move(stage.resolve(name), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        if (firstCreated != null) {
            TemporaryFiles.unregister(firstCreated);
        }
    }

    /** Deletes the staging folder; after a failure also the folders this run created, if they are empty. */
    @Override
    public void close() throws IOException {
        try {
            TemporaryFiles.deleteTree(stage);
        } finally {
            TemporaryFiles.unregister(stage);
            if (!committed) {
                removeCreated(output.toAbsolutePath().normalize(), firstCreated);
                if (firstCreated != null) {
                    TemporaryFiles.unregister(firstCreated);
                }
            }
        }
    }

    /** Deletes {@code dir} and its parents up to {@code top}, each only while empty. */
    private static void removeCreated(Path dir, Path top) {
        if (top == null) {
            return;
        }
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return; // something else was put there meanwhile: keep it
            } catch (IOException e) {
                return;
            }
        }
    }
}
