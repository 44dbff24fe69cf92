package org.flashdeconv.io.store;

/**
 * The kind of a section of a {@code .fdstore} file, a 32-bit code in the section table. Codes 1 to 255 are the
 * format's own; codes from {@link #FIRST_EXTRA} up are free for extra sections (cached per-gene statistics,
 * cached results) that later versions add with {@link StoreWriter#addSection} when the store is written. Readers
 * ignore kinds they do not know, so adding a kind never breaks an old reader.
 *
 * @param code the code stored in the section table, at least 1
 */
public record SectionKind(int code) {
    /** Row pointers: i64[n_spots + 1]. */
    public static final SectionKind ROW_PTR = new SectionKind(1);
    /** Column (gene) indices: i32[nnz], strictly increasing within a row. */
    public static final SectionKind COL_IDX = new SectionKind(2);
    /** Values: f32[nnz] or f64[nnz], as the header's value type says. */
    public static final SectionKind VALUES = new SectionKind(3);
    /** Per-spot totals (library sizes): f64[n_spots]. */
    public static final SectionKind TOTALS = new SectionKind(4);
    /** Barcodes: a string table of n_spots entries. */
    public static final SectionKind BARCODES = new SectionKind(5);
    /** Gene names: a string table of n_genes entries. */
    public static final SectionKind GENE_NAMES = new SectionKind(6);
    /** Gene ids: a string table of n_genes entries, or of none when the input had no ids. */
    public static final SectionKind GENE_IDS = new SectionKind(7);
    /** Coordinates: f64[n_spots * dim], row-major; present when the header's coordinate dimension is not 0. */
    public static final SectionKind COORDS = new SectionKind(8);
    /** The first code free for extra sections. */
    public static final int FIRST_EXTRA = 256;

    /**
     * Checks the code.
     *
     * @throws IllegalArgumentException if the code is below 1
     */
    public SectionKind {
        if (code < 1) {
            throw new IllegalArgumentException("section kind code must be >= 1, found " + code);
        }
    }

    /**
     * An extra section kind.
     *
     * @throws IllegalArgumentException if {@code code} is below {@link #FIRST_EXTRA}
     */
    public static SectionKind extra(int code) {
        if (code < FIRST_EXTRA) {
            throw new IllegalArgumentException("extra section kinds start at " + FIRST_EXTRA + ", found " + code);
        }
        return new SectionKind(code);
    }

    /** True for the format's own kinds (codes below {@link #FIRST_EXTRA}). */
    public boolean builtIn() {
        return code < FIRST_EXTRA;
    }

    /** A name for messages: "values", "barcodes", ..., or "section 300" for other kinds. */
    public String label() {
        return switch (code) {
            case 1 -> "rowPtr";
            case 2 -> "colIdx";
            case 3 -> "values";
            case 4 -> "totals";
            case 5 -> "barcodes";
            case 6 -> "geneNames";
            case 7 -> "geneIds";
            case 8 -> "coords";
            default -> "section " + code;
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
