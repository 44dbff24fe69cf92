package org.flashdeconv.io.store;

import java.io.IOException;

/**
 * The input of a conversion holds something a store cannot: a duplicate entry, an index out of range, a NaN,
 * infinite or negative value, a duplicate barcode, a missing coordinate. The message is one line that starts
 * with the input's location, e.g. {@code "matrix.mtx line 17: value -1.0 for spot 3, gene 12 is negative"}.
 */
public final class InputException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: location, then what is wrong */
    public InputException(String message) {
        super(message);
    }
}
