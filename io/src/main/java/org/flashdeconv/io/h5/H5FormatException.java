package org.flashdeconv.io.h5;

import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;

/**
 * An HDF5 file (AnnData, 10x) that cannot be read as expected: a missing group or dataset, a wrong shape, an
 * unsupported encoding, or a low-level HDF5 error. The message starts with the file and names the object.
 */
public final class H5FormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code object} (an HDF5 path such as {@code X/indptr}) in {@code file}. */
    public H5FormatException(Path file, String object, String problem) {
        super(file, object + ": " + problem);
    }

    /** A problem with {@code object} in {@code file}, caused by a lower-level error. */
    public H5FormatException(Path file, String object, String problem, Throwable cause) {
        super(file, object + ": " + problem, cause);
    }

    /** A problem with the file as a whole. */
    public H5FormatException(Path file, String problem) {
        super(file, problem);
    }
}
