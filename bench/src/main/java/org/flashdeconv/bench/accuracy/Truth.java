package org.flashdeconv.bench.accuracy;

import java.util.List;

/**
 * The true composition of every spot of a data set, over all the types the spots hold (a superset of the
 * reference's types when the reference misses some), in one or two units.
 *
 * @param types     the truth's type names, in column order
 * @param molecules [spot][type] molecule (UMI) fractions, or null when unknown
 * @param cells     [spot][type] cell fractions, or null when unknown
 * @param unitsNote what the units are when the source does not say (MERFISH: "as shipped, units not stated")
 */
public record Truth(List<String> types, double[][] molecules, double[][] cells, String unitsNote) {

    /**
     * Checks that at least one unit is present and the shapes agree.
     *
     * @throws IllegalArgumentException if both units are null or a row has the wrong length
     */
    public Truth {
        types = List.copyOf(types);
        if (molecules == null && cells == null) {
            throw new IllegalArgumentException("truth: neither molecule nor cell fractions");
        }
        if (molecules != null && cells != null && molecules.length != cells.length) {
            throw new IllegalArgumentException("truth: " + molecules.length + " molecule rows but " + cells.length
                    + " cell rows");
        }
        for (double[][] m : new double[][][] {molecules, cells}) {
            if (m != null) {
                for (double[] row : m) {
                    if (row.length != types.size()) {
                        throw new IllegalArgumentException("truth: a row of " + row.length + " values for "
                                + types.size() + " types");
                    }
                }
            }
        }
    }

    /** Number of spots. */
    public int spots() {
        return molecules != null ? molecules.length : cells.length;
    }

    /** The truth in {@code units}, or null if this truth does not have it. */
    public double[][] in(Units units) {
        return units == Units.MOLECULES ? molecules : cells;
    }

    /** The units of a truth. */
    public enum Units {
        /** Fractions of the spot's molecules (UMIs). */
        MOLECULES,
        /** Fractions of the spot's cells. */
        CELLS
    }
}
