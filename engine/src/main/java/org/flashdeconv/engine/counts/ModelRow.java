package org.flashdeconv.engine.counts;

import org.flashdeconv.engine.genes.SpotRow;
import org.flashdeconv.engine.matrix.CsrView;

/**
 * One spot's non-zero counts on the model genes: profile rows and values (> 0), with their total. Reused per worker;
 * not thread-safe.
 */
final class ModelRow {
    private final SpotRow row = new SpotRow();
    private final int[] position;
    int[] pos = new int[64];
    double[] y = new double[64];
    int nnz;
    double total;

    ModelRow(int[] position) {
        this.position = position;
    }

    /** Loads {@code spot}; returns the number of non-zero model genes. */
    int load(CsrView counts, long spot) {
        int n = row.load(counts, spot);
        if (n > pos.length) {
            pos = new int[Math.max(n, 2 * pos.length)];
            y = new double[pos.length];
        }
        int[] cols = row.cols();
        double[] vals = row.values();
        nnz = 0;
        total = 0;
        for (int j = 0; j < n; j++) {
            int p = position[cols[j]];
            double v = vals[j];
            if (p >= 0 && v > 0) {
                pos[nnz] = p;
                y[nnz++] = v;
                total += v;
            }
        }
        return nnz;
    }
}
