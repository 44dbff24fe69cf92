package org.flashdeconv.engine;

/** What the proportions of the count model are fractions of ({@code units} option, {@code --units}). */
public enum Units implements OptionValue {
    /** Fractions of the spot's molecules (the default; what the FLASHDECONV model's normalisation implies too). */
    MOLECULES,

    /**
     * Fractions of cells: each type's molecules divided by its molecules per cell on the model genes (the signature's
     * sum over them, so the signatures must be per-cell mean counts). COUNTS model only.
     */
    CELLS;

    /**
     * The units named {@code value}.
     *
     * @throws IllegalArgumentException if value is none of molecules, cells
     */
    public static Units parse(String value) {
        return OptionValue.parse("units", values(), value);
    }
}
