package org.flashdeconv.io.reference;

import java.util.List;

/**
 * A reference as read, with the warnings collected while reading (cells without a label, types left out for
 * having too few cells, non-integer values, ...). The io module never prints: the caller shows the warnings.
 *
 * @param reference the signatures
 * @param warnings  one line each, in the order they arose
 */
public record LoadedReference(Reference reference, List<String> warnings) {
    /** Copies the warnings. */
    public LoadedReference {
        warnings = List.copyOf(warnings);
    }
}
