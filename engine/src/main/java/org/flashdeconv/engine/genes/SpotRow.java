package org.flashdeconv.engine.genes;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * Reusable scratch holding the stored entries of one spot (a CSR row), model column indices as ints (through
 * the view's column map: left-out columns are dropped, the others keep their stored order) and values widened
 * to double. One instance per worker; the arrays grow to the longest row seen and are then reused, so
 * loading a row allocates nothing in the steady state. Not thread-safe.
 */
public final class SpotRow {
    private int[] cols = new int[64];
    private double[] values = new double[64];
    private float[] f32 = new float[0];

    /**
     * Copies the stored entries of {@code spot} into {@link #cols()} and {@link #values()}, keeping the columns the
     * view's column map keeps, as model columns.
     *
     * @return the number of entries; entries {@code [0, n)} of the arrays are valid until the next load
     */
    public int load(CsrView y, long spot) {
        int n = loadStored(y, spot);
        ColumnMap map = y.columnMap();
        if (map == null) {
            return n;
        }
        int kept = 0;
        for (int j = 0; j < n; j++) {
            int c = map.get(cols[j]);
            if (c >= 0) {
                cols[kept] = c;
                values[kept++] = values[j];
            }
        }
        return kept;
    }

    /**
     * Copies every stored entry of {@code spot}, with its stored column index (the view's column map not applied),
     * in bulk from the CSR segments.
     *
     * @return the number of entries; entries {@code [0, n)} of the arrays are valid until the next load
     */
    public int loadStored(CsrView y, long spot) {
        long start = y.rowStart(spot);
        int n = Math.toIntExact(y.rowEnd(spot) - start);
        if (n > cols.length) {
            int cap = Math.max(n, cols.length * 2);
            cols = new int[cap];
            values = new double[cap];
        }
        MemorySegment.copy(y.colIdx(), Layouts.I32, start * Integer.BYTES, cols, 0, n);
        if (y.valueType() == ValueType.F64) {
            MemorySegment.copy(y.values(), Layouts.F64, start * Double.BYTES, values, 0, n);
        } else {
            if (n > f32.length) {
                f32 = new float[Math.max(n, f32.length * 2)];
            }
            MemorySegment.copy(y.values(), Layouts.F32, start * Float.BYTES, f32, 0, n);
            for (int j = 0; j < n; j++) {
                values[j] = f32[j];
            }
        }
        return n;
    }

    /** Column (gene) indices of the last loaded row; valid up to the count {@link #load} returned. */
    public int[] cols() {
        return cols;
    }

    /** Values of the last loaded row, as double; valid up to the count {@link #load} returned. */
    public double[] values() {
        return values;
    }
}
