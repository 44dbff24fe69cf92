package org.flashdeconv.io.h5.edit;

import java.io.IOException;

/** The file uses an HDF5 layout this package does not edit (a newer superblock, object header or group format). */
public final class UnsupportedLayoutException extends IOException {
    private static final long serialVersionUID = 1L;

    /** With what was found. */
    public UnsupportedLayoutException(String message) {
        super(message);
    }
}
