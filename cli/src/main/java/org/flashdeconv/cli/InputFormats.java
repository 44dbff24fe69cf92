package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.SpatialInputs;
import picocli.CommandLine.Option;

/** Recognises inputs by name and content and opens them as count sources; the options that steer reading. */
final class InputFormats {

    /** The reading options shared by {@code convert}, {@code deconvolve} and {@code validate}. */
    static final class Options {
        @Option(names = "--transpose", description = "A Matrix Market input is spots x genes (default: genes x spots).")
        boolean transpose;

        @Option(names = "--layer", paramLabel = "NAME", description = "AnnData layer to read instead of X.")
        String layer;

        @Option(names = "--spatial-key", paramLabel = "KEY",
                description = "AnnData obsm key of the coordinates (default: spatial, X_spatial, obs x/y, "
                        + "array_row/array_col).")
        String spatialKey;

        @Option(names = "--bin-size", paramLabel = "UM",
                description = "Visium HD bin size to read from a Space Ranger outs/ folder: 2, 8 or 16 (default: 8).")
        Integer binSize;

        SpatialInputs.Options toIo() {
            return new SpatialInputs.Options(layer, spatialKey, binSize, transpose);
        }
    }

    private InputFormats() {
    }

    /** True for a {@code .fdstore} file. */
    static boolean isStore(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fdstore");
    }

    /**
     * Opens a count input: an AnnData .h5ad, a 10x .h5, a Space Ranger folder, a MEX folder or a Matrix Market
     * file.
     *
     * @throws IOException if it cannot be read, naming the file
     */
    static CountSource open(Path path, Options options) throws IOException {
        return SpatialInputs.open(path, options.toIo());
    }
}
