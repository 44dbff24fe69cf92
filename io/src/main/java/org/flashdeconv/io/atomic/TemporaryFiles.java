package org.flashdeconv.io.atomic;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of the temporary files and folders this process has made and not yet deleted or renamed into place,
 * deleted by a shutdown hook when the JVM ends early: Ctrl-C (SIGINT), a cluster's time limit (SIGTERM, SIGHUP) or
 * an uncaught error. Only a killed process (SIGKILL) or power loss can leave a temporary behind.
 *
 * <p>Every writer makes its temporaries with {@link #createFile} or {@link #createFolder} (which register them) and
 * unregisters them after renaming or deleting them. Once the hook has started, no temporary can be created, so none
 * appears after it. Thread-safe. The hook is installed with the first registration.
 */
public final class TemporaryFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final Object HOOK_LOCK = new Object();
    private static boolean hooked;
    private static volatile boolean ending;

    private TemporaryFiles() {
    }

    /**
     * Creates an empty temporary file {@code dir/<prefix><digits><suffix>} (and {@code dir} if missing) and registers
     * it; once the JVM has begun to end, creates nothing and throws (so no temporary can appear after the hook has
     * run).
     *
     * @throws IOException if the file cannot be created, or the JVM is ending
     */
    public static Path createFile(Path dir, String prefix, String suffix) throws IOException {
        synchronized (HOOK_LOCK) {
            requireRunning(dir);
            Files.createDirectories(dir);
            Path p = Files.createTempFile(dir, prefix, suffix);
            register(p);
            return p;
        }
    }

    /**
     * Creates an empty temporary folder {@code dir/<prefix><digits>} and registers it (see {@link #createFile}).
     *
     * @throws IOException if the folder cannot be created, or the JVM is ending
     */
    public static Path createFolder(Path dir, String prefix) throws IOException {
        synchronized (HOOK_LOCK) {
            requireRunning(dir);
            Files.createDirectories(dir);
            Path p = Files.createTempDirectory(dir, prefix);
            register(p);
            return p;
        }
    }

    /**
     * Creates {@code dir} and its missing parents, unless the JVM has begun to end: a writer making a folder inside a
     * temporary folder the hook has just deleted would otherwise make the temporary folder again, after the hook.
     *
     * @throws IOException if the folder cannot be created, or the JVM is ending
     */
    public static void createDirectories(Path dir) throws IOException {
        synchronized (HOOK_LOCK) {
            requireRunning(dir);
            Files.createDirectories(dir);
        }
    }

    private static void requireRunning(Path dir) throws IOException {
        if (ending) {
            throw new IOException(dir + ": not writing a temporary file, the program is being stopped");
        }
    }

    /** Adds {@code path} (a file, or a folder deleted with its content) to the paths deleted at an early exit. */
    public static void register(Path path) {
        LIVE.add(path.toAbsolutePath());
        synchronized (HOOK_LOCK) {
            if (!hooked) {
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll,
                            "flashdeconv-temporaries"));
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already ending: nothing can be hooked any more, and the caller cleans up itself
                }
                hooked = true;
            }
        }
    }

    /** Removes {@code path} from the registry (it was renamed into place or deleted by its owner). */
    public static void unregister(Path path) {
        LIVE.remove(path.toAbsolutePath());
    }

    /** True if {@code path} is registered (for tests). */
    static boolean isRegistered(Path path) {
        return LIVE.contains(path.toAbsolutePath());
    }

    /** Deletes every registered path, best effort (the shutdown hook; also callable from tests). */
    static void deleteAll() {
        synchronized (HOOK_LOCK) {
            ending = true;
        }
        // the other threads keep running until the JVM halts: a rename into a staged folder or a folder re-created
        // just after a pass can appear, so pass again after a moment (no new temporary can be created now)
        for (int pass = 0; pass < 3; pass++) {
            for (Path p : List.copyOf(LIVE)) {
                deleteQuietly(p);
            }
            if (pass < 2) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean deleteQuietly(Path p) {
        try {
            deleteTree(p);
            return true;
        } catch (IOException e) {
            return false; // best effort while the JVM ends; there is no one to report to
        }
    }

    /**
     * Deletes a file, or a folder with everything in it (symbolic links are deleted, never followed); no error if
     * it does not exist.
     *
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        List<IOException> failures = new ArrayList<>();
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!(e instanceof NoSuchFileException)) {
                    failures.add(e);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
