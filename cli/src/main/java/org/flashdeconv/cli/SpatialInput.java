package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.mex.CoordinatesCsv;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreConverter;

/**
 * The spatial data of a run as an open store: a {@code .fdstore} file as given, or any input {@code convert}
 * reads, converted once into a temporary store beside the outputs and deleted on close.
 */
final class SpatialInput implements AutoCloseable {
    private final CountStore store;
    private final Path temporary;

    private SpatialInput(CountStore store, Path temporary) {
        this.store = store;
        this.temporary = temporary;
    }

    /**
     * Opens {@code path}.
     *
     * @param path    a store, or an input that {@link InputFormats} reads
     * @param coords  a coordinates CSV to attach, or null
     * @param options how to read non-store inputs
     * @param workDir where a temporary store may go
     * @throws IOException              if the input cannot be read or converted
     * @throws IllegalArgumentException if coordinates are given for a store (they are fixed at conversion)
     */
    static SpatialInput open(Path path, Path coords, InputFormats.Options options, Path workDir, Progress progress)
            throws IOException {
        if (InputFormats.isStore(path)) {
            if (coords != null) {
                throw new IllegalArgumentException("--coords: " + path + " is a store, whose coordinates were fixed"
                        + " by 'flashdeconv convert'; convert the input again with --coords " + coords);
            }
            return new SpatialInput(CountStore.open(path), null);
        }
        Files.createDirectories(workDir);
        Path temp = Files.createTempFile(workDir, ".flashdeconv-input-", ".fdstore.tmp");
        boolean ok = false;
        try {
            try (CountSource raw = InputFormats.open(path, options);
                 CountSource src = coords == null ? raw : CoordinatesCsv.attach(raw, coords)) {
                StoreConverter.convert(src, temp, progress);
            }
            CountStore store = CountStore.open(temp, false);
            ok = true;
            return new SpatialInput(store, temp);
        } finally {
            if (!ok) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** True if the store is the user's file (not a temporary conversion deleted on close). */
    boolean persistent() {
        return temporary == null;
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
        }
    }
}
