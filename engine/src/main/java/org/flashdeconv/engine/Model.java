package org.flashdeconv.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The model fitted ({@code model} option, {@code --model}). */
public enum Model {
    /** The published FlashDeconv 0.2.0 model: log-CPM least squares on a sketch (docs/algorithm.md §1-§11). */
    FLASHDECONV,

    /**
     * The count-space model of docs/algorithm.md §29: per-spot Poisson likelihood on the selected genes, a learned
     * background for missing types, a spatial prior of α pseudo-molecules; warm-started from FLASHDECONV.
     */
    COUNTS;

    /** The option value ("flashdeconv", "counts"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The model named {@code value}.
     *
     * @throws IllegalArgumentException if value is none of flashdeconv, counts
     */
    public static Model parse(String value) {
        for (Model m : values()) {
            if (m.id().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("model must be one of "
                + Arrays.stream(values()).map(Model::id).collect(Collectors.joining(", ")) + ", found '" + value + "'");
    }
}
