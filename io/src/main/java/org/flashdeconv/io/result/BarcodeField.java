package org.flashdeconv.io.result;

import java.util.function.LongFunction;
import org.flashdeconv.io.text.TextBuffer;

/**
 * Appends a spot's barcode as the first field of a result table's line (RFC 4180: quoted if it holds a comma, a
 * quote, a CR or an LF, or has a space at an end). Called from worker threads.
 */
@FunctionalInterface
public interface BarcodeField {
    /** Appends the barcode of {@code spot} to {@code out}. */
    void append(long spot, TextBuffer out);

    /** The field of each barcode {@code barcode} gives. */
    static BarcodeField of(LongFunction<String> barcode) {
        return (spot, out) -> out.appendField(barcode.apply(spot));
    }
}
