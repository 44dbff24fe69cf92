package org.flashdeconv.engine.counts;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * One spot's non-zero counts on the model genes: profile rows and values (> 0), with their total. The row is read
 * straight from the CSR segments in bulk, through one map from stored column to profile row (the view's column map
 * followed by the model genes' positions). Reused per worker; not thread-safe.
 */
final class ModelRow {
    private final int[] storedPosition; // stored column -> profile row, or -1
    private int[] cols = new int[64];
    private float[] f32 = new float[0];
    private double[] f64 = new double[0];
    int[] pos = new int[64];
    double[] y = new double[64];
    int nnz;
    double total;

    /**
     * @param counts   the counts the rows will be read from (their column map is composed with {@code position})
     * @param position model gene → profile row, or -1
     */
    ModelRow(CsrView counts, int[] position) {
        ColumnMap map = counts.columnMap();
        if (map == null) {
            storedPosition = position;
        } else {
            storedPosition = new int[map.storedColumns()];
            for (int c = 0; c < storedPosition.length; c++) {
                int model = map.get(c);
                storedPosition[c] = model < 0 ? -1 : position[model];
            }
        }
    }

    /** Loads {@code spot}; returns the number of non-zero model genes. */
    int load(CsrView counts, long spot) {
        long start = counts.rowStart(spot);
        int n = Math.toIntExact(counts.rowEnd(spot) - start);
        if (n > cols.length) {
            cols = new int[Math.max(n, 2 * cols.length)];
        }
        if (n > pos.length) {
            pos = new int[Math.max(n, 2 * pos.length)];
            y = new double[pos.length];
        }
        MemorySegment.copy(counts.colIdx(), Layouts.I32, start * Integer.BYTES, cols, 0, n);
        nnz = 0;
        total = 0;
        if (counts.valueType() == ValueType.F32) {
            if (n > f32.length) {
                f32 = new float[Math.max(n, 2 * f32.length)];
            }
            MemorySegment.copy(counts.values(), Layouts.F32, start * Float.BYTES, f32, 0, n);
            for (int j = 0; j < n; j++) {
                keep(storedPosition[cols[j]], f32[j]);
            }
        } else {
            if (n > f64.length) {
                f64 = new double[Math.max(n, 2 * f64.length)];
            }
            MemorySegment.copy(counts.values(), Layouts.F64, start * Double.BYTES, f64, 0, n);
            for (int j = 0; j < n; j++) {
                keep(storedPosition[cols[j]], f64[j]);
            }
        }
        return nnz;
    }

    private void keep(int p, double v) {
        if (p >= 0 && v > 0) {
            pos[nnz] = p;
            y[nnz++] = v;
            total += v;
        }
    }
}
