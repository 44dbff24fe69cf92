package org.flashdeconv.io.text;

import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;

/** A CSV file that does not have the expected shape; the message names the file and the line. */
public final class CsvFormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    /** {@code file line N: problem}. */
    public CsvFormatException(Path file, long line, String problem) {
        super(file, line, problem);
    }

    /** {@code input line N: problem}, for text that is not a local file (a URI, a string). */
    public CsvFormatException(String input, long line, String problem) {
        super(input, line, problem, null);
    }
}
