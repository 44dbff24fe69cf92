package org.flashdeconv.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The transformation applied to the spatial counts and the reference on the selected genes (docs/algorithm.md §5). */
public enum Preprocess {
    /** log1p of counts per 10 thousand, library over the selected genes (§5.1; the default). */
    LOG_CPM("log_cpm"),
    /** Uncentred Pearson residuals with θ = 100 (§5.2). */
    PEARSON("pearson"),
    /** No transformation (§5.3). */
    RAW("raw");

    private final String id;

    Preprocess(String id) {
        this.id = id;
    }

    /** The parameter value of the specification ("log_cpm", "pearson", "raw"). */
    public String id() {
        return id;
    }

    /**
     * The method named {@code value}.
     *
     * @throws IllegalArgumentException if value is none of log_cpm, pearson, raw
     */
    public static Preprocess parse(String value) {
        for (Preprocess p : values()) {
            if (p.id.equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("preprocess must be one of "
                + Arrays.stream(values()).map(Preprocess::id).collect(Collectors.joining(", ")) + ", found '"
                + value + "'");
    }
}
