package org.flashdeconv.io.store;

import java.nio.file.Path;

/**
 * The CRC32C of a section (or of the header) does not match the one recorded in the header: the file changed
 * after it was written. The message names the section, its byte offset and length, and both checksums.
 */
public final class StoreChecksumException extends StoreFormatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param path     the store file
     * @param section  the section label
     * @param offset   byte offset of the section
     * @param length   byte length of the section
     * @param stored   the CRC32C recorded in the header
     * @param computed the CRC32C of the bytes now in the file
     */
    public StoreChecksumException(Path path, String section, long offset, long length, int stored, int computed) {
        super(path, section, offset, String.format("checksum mismatch over %d bytes: stored %08x, computed %08x",
                length, stored, computed));
    }
}
