package org.flashdeconv.engine;

/** The transformation applied to the spatial counts and the reference on the selected genes (docs/algorithm.md §5). */
public enum Preprocess implements OptionValue {
    /** log1p of counts per 10 thousand, library over the selected genes (§5.1; the default). */
    LOG_CPM,
    /** Uncentred Pearson residuals with θ = 100 (§5.2). */
    PEARSON,
    /** No transformation (§5.3). */
    RAW;

    /**
     * The method named {@code value}.
     *
     * @throws IllegalArgumentException if value is none of log_cpm, pearson, raw
     */
    public static Preprocess parse(String value) {
        return OptionValue.parse("preprocess", values(), value);
    }
}
