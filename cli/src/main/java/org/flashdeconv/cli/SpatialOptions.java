package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.flashdeconv.engine.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The spatial input of a run and how to read it; a picocli mixin shared by {@code deconvolve} and {@code validate}. */
final class SpatialOptions {
    @Option(names = "--spatial", required = true, paramLabel = "SPATIAL",
            description = "Spatial counts: a .fdstore, an AnnData .h5ad, a 10x .h5, a Space Ranger outs/ folder, a "
                    + "10x MEX folder or a Matrix Market file (converted to a temporary store first).")
    Path path;

    @Option(names = "--coords", paramLabel = "FILE",
            description = "Coordinates CSV 'barcode,x,y[,z]' for a spatial input that is not a store.")
    Path coords;

    @Option(names = "--library-key", paramLabel = "KEY",
            description = "obs column naming each spot's tissue section in an AnnData input (squidpy's library_key): "
                    + "the spatial graph is built per section (default: library_id or sample when present).")
    String libraryKey;

    @CommandLine.ArgGroup(exclusive = false, heading = "Reading the spatial input:%n")
    ReadOptions reading = new ReadOptions();

    /**
     * Opens the input, converting it into a temporary store in {@code workDir} unless it is a store.
     *
     * @throws IOException if it cannot be read
     */
    SpatialStore open(Path workDir, Progress progress) throws IOException {
        return SpatialStore.open(path, coords, reading, libraryKey, workDir, progress);
    }
}
