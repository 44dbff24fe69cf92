package org.flashdeconv.engine.counts;

import org.flashdeconv.engine.genes.SpotRow;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;

/**
 * One spot's non-zero counts on the model genes: profile rows and values (> 0), with their total. The row's stored
 * entries are read in bulk ({@link SpotRow#loadStored}) and taken through one map from stored column to profile row
 * (the view's column map followed by the model genes' positions). Reused per worker; not thread-safe.
 */
final class ModelRow {
    private final int[] storedPosition; // stored column -> profile row, or -1
    private final ColumnMap map; // the view's stored column -> model column, or null
    private int stored; // stored entries of the last loaded spot
    private final SpotRow row = new SpotRow();
    int[] pos = new int[64];
    double[] y = new double[64];
    int nnz;
    double total;

    /**
     * @param counts   the counts the rows will be read from (their column map is composed with {@code position})
     * @param position model gene → profile row, or -1
     */
    ModelRow(CsrView counts, int[] position) {
        map = counts.columnMap();
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
        int n = row.loadStored(counts, spot);
        stored = n;
        if (n > pos.length) {
            pos = new int[Math.max(n, 2 * pos.length)];
            y = new double[pos.length];
        }
        int[] cols = row.cols();
        double[] values = row.values();
        // compacted without a branch: every entry is written at the next free place, which only a kept one advances
        // (a branch on the kept model genes, about half the entries, mispredicted often enough to take 2.3x as long)
        int kept = 0;
        for (int j = 0; j < n; j++) {
            int p = storedPosition[cols[j]];
            double v = values[j];
            pos[kept] = p;
            y[kept] = v;
            kept += (~p >>> 31) & (v > 0 ? 1 : 0);
        }
        double sum = 0;
        for (int j = 0; j < kept; j++) {
            sum += y[j];
        }
        nnz = kept;
        total = sum;
        return kept;
    }

    /**
     * True if the last loaded spot has a non-zero count in a column the view keeps (not only on the model genes): false
     * marks a spot without counts, as {@link NoCounts} does.
     */
    boolean anyKeptCount() {
        int[] cols = row.cols();
        double[] values = row.values();
        for (int j = 0; j < stored; j++) {
            if (values[j] != 0 && (map == null || map.get(cols[j]) >= 0)) {
                return true;
            }
        }
        return false;
    }
}
