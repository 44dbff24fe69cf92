package org.flashdeconv.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the selected genes are represented (docs/algorithm.md §6). */
public enum GeneWeighting {
    /** Every gene kept, scaled by its expected CountSketch weight (§6.2; the default). */
    EXPECTED("expected"),
    /** The legacy seeded CountSketch projection to sketch_dim columns (§6.3; 0.1.x behaviour). */
    COUNTSKETCH("countsketch");

    private final String id;

    GeneWeighting(String id) {
        this.id = id;
    }

    /** The parameter value of the specification ("expected", "countsketch"). */
    public String id() {
        return id;
    }

    /**
     * The weighting named {@code value}.
     *
     * @throws IllegalArgumentException if value is neither expected nor countsketch
     */
    public static GeneWeighting parse(String value) {
        for (GeneWeighting w : values()) {
            if (w.id.equals(value)) {
                return w;
            }
        }
        throw new IllegalArgumentException("gene_weighting must be one of "
                + Arrays.stream(values()).map(GeneWeighting::id).collect(Collectors.joining(", ")) + ", found '"
                + value + "'");
    }
}
