package org.flashdeconv.io.atomic;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A result folder that describes one run: everything is written into a hidden sibling folder
 * ({@code .<name>.<digits>}), which {@link #commit()} swaps in for the target in one step, so the target holds
 * either the complete earlier run or the complete new one, never a mix (no stale {@code lambda_*} folder or picture
 * of an earlier run survives). Closing without a commit deletes the staging folder.
 *
 * <p>The swap is Linux's {@code renameat2(RENAME_EXCHANGE)} through the FFM API where the platform has it and
 * native access is enabled; elsewhere the old folder is renamed aside, the new one renamed into place, and the old
 * one deleted (a crash between the two renames leaves the old folder under a hidden name, never a half-written one
 * under the target name). The replaced folder is deleted after the swap.
 *
 * <p>An existing target is replaced only if every entry in it is one a run writes ({@code ours}): a folder holding
 * anything else is refused before any work starts, so a mistyped {@code -o} cannot delete a user's files.
 */
public final class StagedFolder extends StagedOutput {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;
    private static final MethodHandle RENAMEAT2 = renameat2();

    private StagedFolder(Path target, Path stage) {
        super(target, stage, "rwxr-xr-x");
    }

    /**
     * Checks {@code target} and creates the staging folder beside it.
     *
     * @param target the result folder (created on commit; replaced if it exists)
     * @param ours   the names (of files and folders, at any depth) a run writes
     * @throws IOException if the target exists but is not a folder, or holds entries that are not {@code ours}, or
     *                     the staging folder cannot be made
     */
    public static StagedFolder create(Path target, Predicate<String> ours) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            abs = abs.toRealPath();
            if (!Files.isDirectory(abs)) {
                throw new IOException(target + ": exists and is not a folder; give a folder name for the results");
            }
            requireOurs(target, abs, ours);
        }
        Path parent = abs.getParent();
        if (parent == null) {
            throw new IOException(target + ": the results cannot replace a file system root; give a folder in it");
        }
        Files.createDirectories(parent);
        Path stage = TemporaryFiles.createFolder(parent, "." + abs.getFileName() + ".");
        return new StagedFolder(abs, stage);
    }

    private static void requireOurs(Path given, Path dir, Predicate<String> ours) throws IOException {
        List<Path> foreign;
        try (Stream<Path> all = Files.walk(dir)) {
            foreign = all.filter(p -> !p.equals(dir))
                    .filter(p -> !ours.test(p.getFileName().toString()) && !isLeftover(p.getFileName().toString()))
                    .limit(3).toList();
        }
        if (!foreign.isEmpty()) {
            throw new IOException(given + ": holds files flashdeconv did not write ("
                    + String.join(", ", foreign.stream().map(p -> dir.relativize(p).toString()).toList())
                    + "); a run replaces its whole result folder, so give a new or empty folder");
        }
    }

    /** A hidden temporary of a killed earlier run ({@code .<name>.<digits>.tmp}, {@code .<name>.<digits>}). */
    private static boolean isLeftover(String name) {
        return name.startsWith(".") && (name.endsWith(".tmp") || name.matches("\\..+\\.\\d+"));
    }

    /** The folder to write into; its content becomes the target's on commit. */
    public Path stage() {
        return staged();
    }

    /**
     * The staged folder takes the target's place (atomically where the platform allows); what the target held before
     * is deleted. A failed rename leaves the target holding the earlier run, or nothing.
     */
    @Override
    void place(Path stage, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(stage, target);
        } else if (exchange(stage, target)) {
            TemporaryFiles.deleteTree(stage); // the earlier run, now under the staging name
        } else {
            Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
            Files.delete(aside);
            move(target, aside);
            try {
                move(stage, target);
            } catch (IOException e) {
                move(aside, target);
                throw e;
            }
            TemporaryFiles.deleteTree(aside);
        }
    }

    @Override
    void discard(Path stage) throws IOException {
        TemporaryFiles.deleteTree(stage);
    }

    /** True if the platform's atomic exchange is used (Linux with native access enabled). */
    static boolean exchangeAvailable() {
        return RENAMEAT2 != null;
    }

    /** Swaps two paths with renameat2(RENAME_EXCHANGE); false if the platform or file system cannot. */
    static boolean exchange(Path a, Path b) {
        if (RENAMEAT2 == null) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) RENAMEAT2.invokeExact(AT_FDCWD, arena.allocateFrom(a.toString()), AT_FDCWD,
                    arena.allocateFrom(b.toString()), RENAME_EXCHANGE);
            return rc == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    private static MethodHandle renameat2() {
        try {
            if (!StagedFolder.class.getModule().isNativeAccessEnabled()) {
                return null; // a restricted call would print a warning; the rename-aside path is used instead
            }
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("renameat2").map(address -> linker.downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT))).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
