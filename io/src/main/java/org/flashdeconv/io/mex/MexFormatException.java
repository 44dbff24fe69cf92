package org.flashdeconv.io.mex;

import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;

/**
 * A MEX folder or Matrix Market file that does not fit together: a missing features or barcodes file, counts that
 * disagree between the files, a missing banner or size line. The message is one line that names the file:
 * {@code "barcodes.tsv: 2 barcodes, but matrix.mtx has 3 columns"}. A malformed line is an
 * {@link InputFormatException} of the line reader, naming the line.
 */
public final class MexFormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    /** A problem with a file or folder as a whole. */
    public MexFormatException(Path path, String problem) {
        super(path, problem);
    }
}
