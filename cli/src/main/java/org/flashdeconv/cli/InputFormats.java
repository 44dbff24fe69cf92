package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flashdeconv.io.mex.MexSource;
import org.flashdeconv.io.source.CountSource;

/** Recognises input files by name and opens them as count sources. */
final class InputFormats {
    /** How to read an input whose layout the file does not say. */
    record Options(boolean transpose) {
    }

    private InputFormats() {
    }

    /** True for a {@code .fdstore} file. */
    static boolean isStore(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fdstore");
    }

    /**
     * Opens a spatial or single-cell count input: a 10x MEX folder or a Matrix Market file.
     *
     * @throws IOException if it cannot be read, naming the file
     */
    static CountSource open(Path path, Options options) throws IOException {
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        return MexSource.open(path, options.transpose());
    }
}
