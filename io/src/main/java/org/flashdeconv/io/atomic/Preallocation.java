package org.flashdeconv.io.atomic;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Reserves the disk blocks of a file that is then written through a memory mapping. A write into a mapped page
 * that the file system has no room for is not an error the program can handle: the kernel sends SIGBUS and the JVM
 * throws an {@link InternalError} at some later access. Reserving the blocks first ({@code posix_fallocate}, through
 * the FFM API) turns a full disk into an {@link IOException} naming the file, before anything is written.
 *
 * <p>Without native access (or off Linux and the BSDs) nothing is reserved; the writer then turns the
 * {@link InternalError} into an {@link IOException} itself ({@link #mappedWriteFailed}).
 */
public final class Preallocation {
    private static final int O_WRONLY = 1;
    private static final MethodHandle OPEN;
    private static final MethodHandle FALLOCATE;
    private static final MethodHandle CLOSE;
    private static final MethodHandle STRERROR;

    static {
        MethodHandle open = null;
        MethodHandle fallocate = null;
        MethodHandle close = null;
        MethodHandle strerror = null;
        try {
            if (Preallocation.class.getModule().isNativeAccessEnabled()) {
                Linker linker = Linker.nativeLinker();
                var lookup = linker.defaultLookup();
                open = lookup.find("open").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT))).orElse(null);
                fallocate = lookup.find("posix_fallocate").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG)))
                        .orElse(null);
                close = lookup.find("close").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT))).orElse(null);
                strerror = lookup.find("strerror").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(
                        ValueLayout.ADDRESS, ValueLayout.JAVA_INT))).orElse(null);
            }
        } catch (RuntimeException | LinkageError e) {
            open = null;
        }
        boolean all = open != null && fallocate != null && close != null && strerror != null;
        OPEN = all ? open : null;
        FALLOCATE = all ? fallocate : null;
        CLOSE = all ? close : null;
        STRERROR = all ? strerror : null;
    }

    private Preallocation() {
    }

    /** True if {@link #reserve} reserves blocks on this platform and JVM. */
    public static boolean available() {
        return FALLOCATE != null;
    }

    /**
     * Reserves the first {@code bytes} bytes of {@code file} (an existing file; its length grows to at least that).
     * No-op where not {@link #available()}, or where the file cannot be opened by name (the caller's own writes then
     * report it).
     *
     * @throws IOException naming the file and the reason (e.g. {@code No space left on device}) if the blocks
     *                     cannot be reserved
     */
    public static void reserve(Path file, long bytes) throws IOException {
        if (FALLOCATE == null || bytes <= 0) {
            return;
        }
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_WRONLY);
            if (fd < 0) {
                return;
            }
            try {
                rc = (int) FALLOCATE.invokeExact(fd, 0L, bytes);
            } finally {
                int unused = (int) CLOSE.invokeExact(fd); // a descriptor that only reserved: nothing to flush
            }
            if (rc != 0) {
                MemorySegment text = (MemorySegment) STRERROR.invokeExact(rc);
                throw new IOException(NamedChannel.describe(file, text.reinterpret(256).getString(0)
                        + " (reserving " + bytes + " bytes)"));
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            // a failed downcall reserves nothing; the writes report any problem themselves
        }
    }

    /**
     * The {@link IOException} for a fault while writing {@code file} through a memory mapping (the JVM's
     * {@link InternalError} for SIGBUS): almost always a full file system.
     */
    public static IOException mappedWriteFailed(Path file, InternalError e) {
        return new IOException(NamedChannel.describe(file, "a write through a memory mapping failed ("
                + e.getMessage() + "); is the file system full?"), e);
    }
}
