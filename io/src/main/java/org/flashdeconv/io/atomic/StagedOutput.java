package org.flashdeconv.io.atomic;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An output written under a hidden temporary name beside its target (a registered temporary, see
 * {@link TemporaryFiles}) and put in place by {@link #commit()}; closing without a commit deletes the temporary. What
 * {@link AtomicOutput} (a file) and {@link StagedFolder} (a folder) have in common; each says how it is put in place
 * and deleted.
 */
abstract sealed class StagedOutput implements AutoCloseable permits AtomicOutput, StagedFolder {
    private final Path target;
    private final Path staged;
    private final String newPermissions;
    private boolean committed;

    /**
     * @param newPermissions what a new target gets (as {@code rw-r--r--}); one that replaces another keeps its
     *                       permissions
     */
    StagedOutput(Path target, Path staged, String newPermissions) {
        this.target = target;
        this.staged = staged;
        this.newPermissions = newPermissions;
    }

    /** The final path. */
    public final Path target() {
        return target;
    }

    final Path staged() {
        return staged;
    }

    /**
     * {@code e} with the temporary shown as the target in its message ({@link NamedChannel#shownAs}): a failed
     * write names {@code out/proportions.csv}, not the hidden {@code .out.123/proportions.csv} deleted on close.
     */
    public final IOException shownAsTarget(IOException e) {
        return NamedChannel.shownAs(e, staged, target);
    }

    /**
     * Puts the temporary in place of the target.
     *
     * @throws IOException if a rename fails (the temporary is then deleted on close)
     */
    public final void commit() throws IOException {
        shareable();
        place(staged, target);
        committed = true;
        TemporaryFiles.unregister(staged);
    }

    /** Moves {@code staged} to {@code target}, replacing what is there. */
    abstract void place(Path staged, Path target) throws IOException;

    /** Deletes the uncommitted {@code staged}. */
    abstract void discard(Path staged) throws IOException;

    /** Deletes the temporary unless committed. */
    @Override
    public final void close() throws IOException {
        if (!committed) {
            discard(staged);
            TemporaryFiles.unregister(staged);
        }
    }

    /** Renames {@code from} to {@code to} atomically where the file system can, plainly otherwise. */
    static void move(Path from, Path to, CopyOption... options) throws IOException {
        try {
            Files.move(from, to, Stream.concat(Stream.of(StandardCopyOption.ATOMIC_MOVE), Stream.of(options))
                    .toArray(CopyOption[]::new));
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, options);
        }
    }

    /**
     * Gives the temporary, which was made owner-only, the permissions of what it replaces, or the new ones, as a
     * plain creation would. No-op where the file system has no POSIX permissions.
     */
    private void shareable() throws IOException {
        if (!Files.getFileStore(staged).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(target);
        } catch (NoSuchFileException e) {
            perms = PosixFilePermissions.fromString(newPermissions);
        }
        Files.setPosixFilePermissions(staged, perms);
    }
}
