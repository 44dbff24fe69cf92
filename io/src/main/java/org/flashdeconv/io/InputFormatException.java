package org.flashdeconv.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file that cannot be read as its format says: a malformed line, a missing column, group or file, a
 * truncated stream. The message is one line that starts with the input and, for line-based formats, the 1-based
 * line: {@code "matrix.mtx line 3: expected 3 fields, found 2"}, {@code "x.h5ad: X/indptr: not increasing"}.
 * Subclasses say which reader raised it; callers that only report it catch this type.
 */
public class InputFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final long line;

    /**
     * A problem at a line of a text input.
     *
     * @param path the file
     * @param line the 1-based line
     * @param what what is wrong (expected and found)
     */
    public InputFormatException(Path path, long line, String what) {
        this(String.valueOf(path), line, what, null);
    }

    /** A problem with {@code path} as a whole (no line). */
    public InputFormatException(Path path, String what) {
        this(String.valueOf(path), 0, what, null);
    }

    /** A problem with {@code path} as a whole, caused by a lower-level error. */
    public InputFormatException(Path path, String what, Throwable cause) {
        this(String.valueOf(path), 0, what, cause);
    }

    /**
     * The general form.
     *
     * @param input the input's name (a file, or a description such as a folder and a key)
     * @param line  the 1-based line, or 0 when the problem is not on one line
     * @param what  what is wrong
     * @param cause the lower-level error, or null
     */
    protected InputFormatException(String input, long line, String what, Throwable cause) {
        super(input + (line > 0 ? " line " + line : "") + ": " + what, cause);
        this.input = input;
        this.line = line;
    }

    /** The input's name, as the message starts. */
    public String input() {
        return input;
    }

    /** The 1-based line of the problem, or 0 when it is not on one line. */
    public long line() {
        return line;
    }
}
