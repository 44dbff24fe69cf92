package org.flashdeconv.io.mex;

import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;

/**
 * A Matrix Market, features or barcodes file is malformed or truncated, or a MEX folder lacks one. The message is
 * one line that names the file and, where there is one, the line: {@code "matrix.mtx line 3: expected 3 fields,
 * found 2"}.
 */
public final class MexFormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    /** A problem at 1-based {@code line} of {@code file}. */
    public MexFormatException(Path file, long line, String problem) {
        super(file, line, problem);
    }

    /** A problem with a file or folder as a whole. */
    public MexFormatException(Path path, String problem) {
        super(path, problem);
    }
}
