package org.flashdeconv.io.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flashdeconv.io.source.CountSource;

/**
 * Per-cell-type mean expression from single cells (docs/algorithm.md §15): the types are the distinct
 * labels sorted by name, and each signature is the mean over that type's cells of the values supplied (no
 * normalisation). Streams the cells once, accumulating a K x G table of sums; the cell matrix is never
 * densified.
 */
public final class CellTypeMeans {
    /** The default least number of cells a type needs to be kept. */
    public static final int DEFAULT_MIN_CELLS = 10;
    /** The part of the warning for non-integer values after their count. */
    static final String NON_INTEGER = " reference values are not integers";

    private CellTypeMeans() {
    }

    /**
     * Computes the signatures.
     *
     * @param cells    the single-cell matrix (cells as spots)
     * @param labels   the label of each cell; null or blank = missing (the cell is left out, with a warning)
     * @param minCells types with fewer cells are left out, with a warning
     * @param warnings receives the warnings (cells without a label, types left out, non-integer values)
     * @throws IllegalArgumentException if there are not as many labels as cells, or minCells is below 1
     * @throws ReferenceFormatException if no type has at least minCells cells
     * @throws IOException              on a read error of the cells
     */
    public static Reference compute(CountSource cells, String[] labels, int minCells, List<String> warnings)
            throws IOException {
        if (labels.length != cells.spots()) {
            throw new IllegalArgumentException("cell-type means: " + labels.length + " labels for " + cells.spots()
                    + " cells");
        }
        if (minCells < 1) {
            throw new IllegalArgumentException("min-cells: expected at least 1, found " + minCells);
        }
        TreeMap<String, Long> counts = new TreeMap<>();
        long missing = 0;
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                missing++;
            } else {
                counts.merge(label, 1L, Long::sum);
            }
        }
        if (missing > 0) {
            warnings.add(missing + " of " + labels.length + " cells have no cell type label and are left out");
        }
        List<String> types = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (var e : counts.entrySet()) {
            if (e.getValue() >= minCells) {
                types.add(e.getKey());
                kept.add(e.getValue());
            } else {
                warnings.add("cell type '" + e.getKey() + "' has " + e.getValue() + " cells (fewer than min-cells "
                        + minCells + ") and is left out");
            }
        }
        if (types.isEmpty()) {
            throw new ReferenceFormatException(cells.name(), "no cell type has at least " + minCells
                    + " cells (found " + counts + ")");
        }
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int k = 0; k < types.size(); k++) {
            typeIndex.put(types.get(k), k);
        }
        int[] typeOfCell = new int[labels.length];
        for (int c = 0; c < labels.length; c++) {
            typeOfCell[c] = labels[c] == null ? -1 : typeIndex.getOrDefault(labels[c], -1);
        }
        int genes = cells.genes();
        double[][] sums = new double[types.size()][genes];
        long[] nonInteger = {0};
        cells.forEachEntry((cell, gene, value, location) -> {
            int k = typeOfCell[(int) cell];
            if (k >= 0) {
                if (!Double.isFinite(value) || value < 0) {
                    throw new ReferenceFormatException(cells.name(), "cell " + cell + ", gene " + gene + " ("
                            + cells.describe(location) + "): expected a finite value >= 0, found " + value);
                }
                sums[k][gene] += value;
                if (value != Math.rint(value)) {
                    nonInteger[0]++;
                }
            }
        });
        if (nonInteger[0] > 0) {
            warnings.add(nonInteger[0] + NON_INTEGER + " (normalised data?): the signatures are means of the values "
                    + "as given");
        }
        long[] cellCounts = new long[types.size()];
        for (int k = 0; k < sums.length; k++) {
            cellCounts[k] = kept.get(k);
            for (int g = 0; g < genes; g++) {
                sums[k][g] /= cellCounts[k];
            }
        }
        return new Reference(types, cells.geneNames(), cells.geneIds(), sums, cellCounts);
    }
}
