package org.flashdeconv.engine.graph;

import org.flashdeconv.engine.matrix.Layouts;

/**
 * Exact k-nearest-neighbour query over a {@link CellIndex}: the k other spots first in (distance, index) order
 * (docs/algorithm.md §7.1). One instance per worker block; not thread-safe.
 *
 * <p>Rings of cells (Chebyshev distance R from the query's cell) are scanned outward until the k-th best distance is
 * strictly below the distance to every unscanned cell, so a spot tied with the k-th one is always seen and the index
 * decides. Runs of cells whose lower bound exceeds the current k-th distance are skipped. A query whose rings grow
 * past the number of occupied cells (an isolated spot) finishes by visiting the occupied cells directly.
 */
final class KnnSearch extends CellQuery {
    private final int k;
    private final int[] qc = new int[3];
    /** The best candidates so far, ascending by (distance, index); {@code count} of them are valid. */
    final double[] bestDist;
    final int[] bestIdx;
    int count;
    private int self;
    private long selfPos;
    /**
     * Squared distances above this cannot tie or beat the k-th best (sqrt is monotone, and the factor exceeds the
     * rounding of w² and of sqrt by far), so they skip the square root.
     */
    private double cut;
    private static final double CUT_FACTOR = 1 + 1e-14;

    KnnSearch(CellIndex g, int k) {
        super(g);
        this.k = k;
        this.bestDist = new double[k];
        this.bestIdx = new int[k];
    }

    /** Finds the k nearest other spots of the spot at sorted position {@code pos}; returns its id. */
    int search(long pos) {
        self = load(pos);
        selfPos = pos;
        for (int a = 0; a < 3; a++) {
            qc[a] = a < g.axes ? g.cellOf(q[g.column[a]], a) : 0;
        }
        count = 0;
        double occupiedBudget = 2.0 * g.occupiedCount + 64;
        for (int r = 0; ; r++) {
            scanRing(r);
            double bound = unscannedBound(r);
            if (bound == Double.POSITIVE_INFINITY || count == k && bestDist[k - 1] < bound - g.slack) {
                return self;
            }
            if (Math.pow(2 * r + 3, g.axes) > occupiedBudget) {
                scanOccupiedOutside(r);
                return self;
            }
        }
    }

    /** Distance from the query to the nearest cell outside the box of rings 0..r (infinite if none is left). */
    private double unscannedBound(int r) {
        double bound = Double.POSITIVE_INFINITY;
        for (int a = 0; a < g.axes; a++) {
            double x = q[g.column[a]];
            if (qc[a] - r > 0) {
                bound = Math.min(bound, x - g.face(a, qc[a] - r));
            }
            if (qc[a] + r < g.cells[a] - 1) {
                bound = Math.min(bound, g.face(a, qc[a] + r + 1) - x);
            }
        }
        return bound;
    }

    private void scanRing(int r) {
        int nx = g.cells[0];
        int ny = g.cells[1];
        int nz = g.cells[2];
        int x0 = Math.max(0, qc[0] - r);
        int x1 = Math.min(nx - 1, qc[0] + r);
        for (int z = Math.max(0, qc[2] - r); z <= Math.min(nz - 1, qc[2] + r); z++) {
            boolean zEdge = Math.abs(z - qc[2]) == r;
            for (int y = Math.max(0, qc[1] - r); y <= Math.min(ny - 1, qc[1] + r); y++) {
                if (zEdge || Math.abs(y - qc[1]) == r) {
                    scanRun(x0, x1, y, z);
                } else {
                    if (qc[0] - r >= 0) {
                        scanRun(qc[0] - r, qc[0] - r, y, z);
                    }
                    if (r > 0 && qc[0] + r < nx) {
                        scanRun(qc[0] + r, qc[0] + r, y, z);
                    }
                }
            }
        }
    }

    /** Visits every occupied cell outside the box of rings 0..r. */
    private void scanOccupiedOutside(int r) {
        int nx = g.cells[0];
        int ny = g.cells[1];
        for (int i = 0; i < g.occupiedCount; i++) {
            int cell = g.occupied.getAtIndex(Layouts.I32, i);
            int x = cell % nx;
            int y = (cell / nx) % ny;
            int z = cell / nx / ny;
            if (Math.abs(x - qc[0]) > r || Math.abs(y - qc[1]) > r || Math.abs(z - qc[2]) > r) {
                scanRun(x, x, y, z);
            }
        }
    }

    /** Scans cells {@code x0..x1} of row (y, z), unless their lower bound already exceeds the k-th distance. */
    private void scanRun(int x0, int x1, int y, int z) {
        if (count == k && lowerBound(x0, x1, y, z) > bestDist[k - 1]) {
            return;
        }
        long first = ((long) z * g.cells[1] + y) * g.cells[0];
        for (long cell = first + x0; cell <= first + x1; cell++) {
            scanCell(cellStart.getAtIndex(Layouts.I32, cell), cellStart.getAtIndex(Layouts.I32, cell + 1));
        }
    }

    /** Conservative lower bound of the distance from the query to cells {@code x0..x1} of row (y, z). */
    private double lowerBound(int x0, int x1, int y, int z) {
        double lb2 = 0;
        for (int a = 0; a < g.axes; a++) {
            double gap = g.gap(q[g.column[a]], a, a == 0 ? x0 : a == 1 ? y : z, a == 0 ? x1 : a == 1 ? y : z);
            lb2 += gap * gap;
        }
        return Math.sqrt(lb2);
    }

    private void scanCell(int from, int to) {
        for (int p = from; p < to; p++) {
            if (p == selfPos) {
                continue;
            }
            long base = (long) p * dim;
            double d2 = 0;
            for (int c = 0; c < dim; c++) {
                double diff = points.getAtIndex(Layouts.F64, base + c) - q[c];
                d2 += diff * diff;
            }
            if (count == k && d2 > cut) {
                continue;
            }
            double d = Math.sqrt(d2);
            int j = ids.getAtIndex(Layouts.I32, p);
            if (count < k) {
                insert(d, j, count++);
            } else if (d < bestDist[k - 1] || d == bestDist[k - 1] && j < bestIdx[k - 1]) {
                insert(d, j, k - 1);
            } else if (bestDist[k - 1] == 0 && j > bestIdx[k - 1]) {
                // Ids ascend within a cell: nothing later in this cell can beat a k-th distance of zero
                // (keeps clusters of exact duplicates linear).
                return;
            }
        }
    }

    /** Copies the ids of the k best, ascending by id, into {@code dst}. */
    void sortedIds(int[] dst) {
        for (int i = 0; i < k; i++) {
            int v = bestIdx[i];
            int t = i;
            while (t > 0 && dst[t - 1] > v) {
                dst[t] = dst[t - 1];
                t--;
            }
            dst[t] = v;
        }
    }

    /** Inserts (d, j) into the sorted best list, whose slot {@code free} is vacant or being replaced. */
    private void insert(double d, int j, int free) {
        int i = free;
        while (i > 0 && (d < bestDist[i - 1] || d == bestDist[i - 1] && j < bestIdx[i - 1])) {
            bestDist[i] = bestDist[i - 1];
            bestIdx[i] = bestIdx[i - 1];
            i--;
        }
        bestDist[i] = d;
        bestIdx[i] = j;
        if (count == k) {
            double w = bestDist[k - 1];
            // Below 1e-150 the square may be subnormal and inexact: no shortcut there.
            cut = w < 1e-150 && w > 0 ? Double.POSITIVE_INFINITY : w * w * CUT_FACTOR;
        }
    }
}
