package org.flashdeconv.engine;

/** The model fitted ({@code model} option, {@code --model}). */
public enum Model implements OptionValue {
    /** The published FlashDeconv 0.2.0 model: log-CPM least squares on a sketch (docs/algorithm.md §1-§11). */
    FLASHDECONV,

    /**
     * The count-space model of docs/algorithm.md §29: per-spot Poisson likelihood on the selected genes, a learned
     * background for missing types, a spatial prior of α pseudo-molecules; warm-started from FLASHDECONV.
     */
    COUNTS;

    /**
     * The model named {@code value}.
     *
     * @throws IllegalArgumentException if value is none of flashdeconv, counts
     */
    public static Model parse(String value) {
        return OptionValue.parse("model", values(), value);
    }
}
