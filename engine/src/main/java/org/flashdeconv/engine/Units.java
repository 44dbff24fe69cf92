package org.flashdeconv.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the proportions of the count model are fractions of ({@code units} option, {@code --units}). */
public enum Units {
    /** Fractions of the spot's molecules (the default; what the FLASHDECONV model's normalisation implies too). */
    MOLECULES,

    /**
     * Fractions of cells: each type's molecules divided by its molecules per cell on the model genes (the signature's
     * sum over them, so the signatures must be per-cell mean counts). COUNTS model only.
     */
    CELLS;

    /** The option value ("molecules", "cells"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The units named {@code value}.
     *
     * @throws IllegalArgumentException if value is none of molecules, cells
     */
    public static Units parse(String value) {
        for (Units u : values()) {
            if (u.id().equals(value)) {
                return u;
            }
        }
        throw new IllegalArgumentException("units must be one of "
                + Arrays.stream(values()).map(Units::id).collect(Collectors.joining(", ")) + ", found '" + value + "'");
    }
}
