package org.flashdeconv.io.spaceranger;

import java.io.IOException;
import java.nio.file.Path;

/** A Space Ranger output that is missing a file or holds a malformed one; the message names the file. */
public final class SpaceRangerFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code file} at 1-based {@code line}. */
    public SpaceRangerFormatException(Path file, long line, String problem) {
        super(file + " line " + line + ": " + problem);
    }

    /** A problem with a file or folder as a whole. */
    public SpaceRangerFormatException(Path path, String problem) {
        super(path + ": " + problem);
    }
}
