package org.flashdeconv.io.reference;

import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;

/** A reference input that cannot be used: a malformed signatures CSV or cells.csv, or no usable cell type. */
public final class ReferenceFormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    /** A problem at 1-based {@code line} of {@code file}. */
    public ReferenceFormatException(Path file, long line, String problem) {
        super(file, line, problem);
    }

    /** A problem with the input as a whole. */
    public ReferenceFormatException(String input, String problem) {
        super(input, 0, problem, null);
    }
}
