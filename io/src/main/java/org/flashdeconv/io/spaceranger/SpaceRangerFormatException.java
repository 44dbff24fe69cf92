package org.flashdeconv.io.spaceranger;

import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;

/** A Space Ranger output that is missing a file or holds a malformed one; the message names the file. */
public final class SpaceRangerFormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code file} at 1-based {@code line}. */
    public SpaceRangerFormatException(Path file, long line, String problem) {
        super(file, line, problem);
    }

    /** A problem with a file or folder as a whole. */
    public SpaceRangerFormatException(Path path, String problem) {
        super(path, problem);
    }
}
