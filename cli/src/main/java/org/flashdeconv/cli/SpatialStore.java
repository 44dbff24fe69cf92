package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.atomic.TemporaryFiles;
import org.flashdeconv.io.coords.CoordinatesCsv;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreConverter;

/**
 * The spatial counts of a run as an open, read-only store: a {@code .fdstore} file as given, or any input
 * {@code convert} reads, converted once into a temporary store beside the outputs and deleted on close.
 */
final class SpatialStore implements AutoCloseable {
    private final CountStore store;
    private final Path temporary;

    private SpatialStore(CountStore store, Path temporary) {
        this.store = store;
        this.temporary = temporary;
    }

    /**
     * Opens {@code path}.
     *
     * @param path    a store, or an input that {@link ReadOptions#open} reads
     * @param coords  a coordinates CSV to attach, or null
     * @param options how to read non-store inputs
     * @param workDir where a temporary store may go
     * @throws IOException              if the input cannot be read or converted
     * @throws IllegalArgumentException if coordinates are given for a store (they are fixed at conversion)
     */
    static SpatialStore open(Path path, Path coords, ReadOptions options, Path workDir, Progress progress)
            throws IOException {
        if (isStore(path)) {
            if (coords != null) {
                throw new IllegalArgumentException("--coords: " + path + " is a store, whose coordinates were fixed"
                        + " by 'flashdeconv convert'; convert the input again with --coords " + coords);
            }
            return new SpatialStore(CountStore.open(path), null);
        }
        Files.createDirectories(workDir);
        Path temp = TemporaryFiles.createFile(workDir, ".flashdeconv-input-", ".fdstore.tmp");
        boolean ok = false;
        try {
            try (CountSource raw = options.open(path);
                 CountSource src = coords == null ? raw : CoordinatesCsv.attach(raw, coords)) {
                StoreConverter.convert(src, temp, progress);
            }
            CountStore store = CountStore.open(temp, false);
            ok = true;
            return new SpatialStore(store, temp);
        } finally {
            if (!ok) {
                Files.deleteIfExists(temp);
                TemporaryFiles.unregister(temp);
            }
        }
    }

    /** True for a {@code .fdstore} file. */
    static boolean isStore(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fdstore");
    }

    /** The open store. */
    CountStore store() {
        return store;
    }

    @Override
    public void close() throws IOException {
        store.close();
        if (temporary != null) {
            Files.deleteIfExists(temporary);
            TemporaryFiles.unregister(temporary);
        }
    }
}
