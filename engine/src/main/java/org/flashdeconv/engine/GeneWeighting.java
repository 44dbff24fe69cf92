package org.flashdeconv.engine;

/** How the selected genes are represented (docs/algorithm.md §6). */
public enum GeneWeighting implements OptionValue {
    /** Every gene kept, scaled by its expected CountSketch weight (§6.2; the default). */
    EXPECTED,
    /** The legacy seeded CountSketch projection to sketch_dim columns (§6.3; 0.1.x behaviour). */
    COUNTSKETCH;

    /**
     * The weighting named {@code value}.
     *
     * @throws IllegalArgumentException if value is neither expected nor countsketch
     */
    public static GeneWeighting parse(String value) {
        return OptionValue.parse("gene_weighting", values(), value);
    }
}
