package org.flashdeconv.engine;

/**
 * What a fit could say about one spot (docs/algorithm.md §11.1 and its departures): a result, or why there is none.
 * A spot without a result has NaN proportions and no dominant type; nothing is invented for it.
 */
public enum SpotStatus {
    /** The spot has proportions (its abundances sum to more than zero). */
    OK("ok"),
    /** The spot has no counts on the genes used: nothing to fit. */
    NO_COUNTS("no_counts"),
    /** The spot has counts but every fitted abundance is zero (signatures, ρ or λ pushed it there). */
    NO_FIT("no_fit");

    private final String label;

    SpotStatus(String label) {
        this.label = label;
    }

    /** The value written in the {@code qc} column: {@code ok}, {@code no_counts} or {@code no_fit}. */
    public String label() {
        return label;
    }

    /** The status stored as byte {@code code} (its ordinal). */
    public static SpotStatus of(byte code) {
        return values()[code];
    }
}
