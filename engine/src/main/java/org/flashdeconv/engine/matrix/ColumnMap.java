package org.flashdeconv.engine.matrix;

import java.util.Arrays;

/**
 * An immutable map from the stored columns of a CSR matrix to model columns, or -1 for a column left out (see
 * {@link CsrView}). Built once per run (gene alignment) and read in the hot loops through {@link #get}.
 */
public final class ColumnMap {
    private final int[] target;
    private final int modelColumns;

    private ColumnMap(int[] target, int modelColumns) {
        this.target = target;
        this.modelColumns = modelColumns;
    }

    /**
     * A map from {@code map.length} stored columns to {@code modelColumns} model columns (copied).
     *
     * @throws IllegalArgumentException if an entry lies outside {@code [-1, modelColumns)}
     */
    public static ColumnMap of(int[] map, long modelColumns) {
        for (int c = 0; c < map.length; c++) {
            if (map[c] < -1 || map[c] >= modelColumns) {
                throw new IllegalArgumentException("CSR column map sends stored column " + c + " to " + map[c]
                        + ", expected -1 or a model column in [0, " + modelColumns + ")");
            }
        }
        return new ColumnMap(map.clone(), Math.toIntExact(modelColumns));
    }

    /** The model column of stored column {@code storedCol}, or -1 if it is left out. */
    public int get(int storedCol) {
        return target[storedCol];
    }

    /** The number of stored columns (the map's length). */
    public int storedColumns() {
        return target.length;
    }

    /** The number of model columns. */
    public int modelColumns() {
        return modelColumns;
    }

    /**
     * This map followed by {@code next} (from this map's model columns to {@code nextColumns} columns).
     *
     * @throws IllegalArgumentException if {@code next} does not cover this map's model columns or sends a column
     *                                  outside {@code [-1, nextColumns)}
     */
    public ColumnMap then(int[] next, long nextColumns) {
        if (next.length != modelColumns) {
            throw new IllegalArgumentException("column map of length " + next.length + " for a matrix of "
                    + modelColumns + " columns");
        }
        int[] composed = new int[target.length];
        for (int c = 0; c < target.length; c++) {
            composed[c] = target[c] < 0 ? -1 : next[target[c]];
        }
        return of(composed, nextColumns);
    }

    /** A copy of the map as an array, stored column -> model column or -1. */
    public int[] toArray() {
        return target.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMap m && m.modelColumns == modelColumns && Arrays.equals(m.target, target);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(target) + modelColumns;
    }

    @Override
    public String toString() {
        return "ColumnMap[" + target.length + " stored -> " + modelColumns + " model columns]";
    }
}
