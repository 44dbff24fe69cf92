package org.flashdeconv.io.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Maps a store file, turning the JVM's bare "Map failed" into an actionable message, as Lucene's
 * {@code MMapDirectory} does: a failed map almost always means the process ran out of virtual address space or of
 * memory-map areas, not that the file is bad.
 */
final class MapFailure {
    private MapFailure() {
    }

    /**
     * Maps {@code size} bytes of {@code ch} read-only into {@code arena}.
     *
     * @throws IOException naming the file, the size and the limits to check if the map fails; other read errors
     *                     as thrown
     */
    static MemorySegment mapReadOnly(FileChannel ch, Path path, long size, Arena arena) throws IOException {
        try {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        } catch (IOException e) {
            if (isMapFailure(e)) {
                throw explain(path, size, e);
            }
            throw e;
        } catch (OutOfMemoryError e) {
            throw explain(path, size, e);
        }
    }

    /** True for the JVM's failed-map error: "Map failed", or an out-of-memory cause. */
    static boolean isMapFailure(IOException e) {
        String m = e.getMessage();
        return e.getCause() instanceof OutOfMemoryError
                || (m != null && m.toLowerCase(Locale.ROOT).contains("map failed"));
    }

    /** The actionable error for a failed map of {@code bytes} bytes of {@code path}. */
    static IOException explain(Path path, long bytes, Throwable cause) {
        return new IOException(path + ": could not map " + bytes + " bytes into memory (" + cause.getMessage()
                + "): the process ran out of virtual address space or of memory-map areas, not of RAM. Check that "
                + "'ulimit -v' and 'ulimit -m' print 'unlimited', raise 'sysctl vm.max_map_count' (for example "
                + "sudo sysctl -w vm.max_map_count=262144), and run a 64-bit JVM", cause);
    }
}
