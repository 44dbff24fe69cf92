package org.flashdeconv.io.mex;

import java.io.IOException;

/**
 * A Matrix Market, features, barcodes or coordinates file is malformed or truncated. The message is one line
 * that names the file and, where there is one, the line: {@code "matrix.mtx line 3: expected 3 fields, found 2"}.
 */
public final class MexFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: file (and line), then what is wrong */
    public MexFormatException(String message) {
        super(message);
    }

    /** @param message one line: file (and line), then what is wrong; {@code cause} the underlying error */
    public MexFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
