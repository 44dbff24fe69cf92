package org.flashdeconv.io.reference;

import java.util.List;

/**
 * A reference as read, with the warnings collected while reading (cells without a label, types left out for
 * having too few cells, non-integer values, ...). The io module never prints: the caller shows the warnings.
 *
 * @param reference     the signatures
 * @param warnings      one line each, in the order they arose
 * @param notes         what was read from where (the count matrix, the gene names and ids), one line each
 * @param countsProblem why the values behind single-cell signatures do not look like raw counts (naming where
 *                      they were looked for), or null when they do or the reference is not single cells
 */
public record LoadedReference(Reference reference, List<String> warnings, List<String> notes,
                              String countsProblem) {
    /** Copies the lists. */
    public LoadedReference {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** No notes, no counts problem. */
    public LoadedReference(Reference reference, List<String> warnings) {
        this(reference, warnings, List.of(), null);
    }
}
