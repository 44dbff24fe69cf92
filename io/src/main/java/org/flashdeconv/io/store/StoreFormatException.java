package org.flashdeconv.io.store;

import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;

/**
 * A {@code .fdstore} file is not a valid store: bad magic, unknown version, a section out of bounds, an
 * inconsistent row pointer, a truncated file. The message is one line naming the file, the section and the byte
 * offset, e.g. {@code "x.fdstore: bad magic at offset 0 (section header): expected 46445354..., found 00000000..."}.
 */
public class StoreFormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;
    private final String section;
    private final long offset;

    /**
     * @param path    the store file
     * @param section the section (label) where the problem was found, "header" for the header
     * @param offset  byte offset in the file
     * @param detail  what was expected and found
     */
    public StoreFormatException(Path path, String section, long offset, String detail) {
        super(path, detail + " (section " + section + ", offset " + offset + ")");
        this.section = section;
        this.offset = offset;
    }

    /** The section where the problem was found ("header" for the header). */
    public String section() {
        return section;
    }

    /** Byte offset in the file. */
    public long offset() {
        return offset;
    }
}
