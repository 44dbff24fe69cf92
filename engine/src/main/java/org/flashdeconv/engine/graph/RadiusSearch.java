package org.flashdeconv.engine.graph;

import org.flashdeconv.engine.matrix.Layouts;

/**
 * Fixed-radius query over a {@link CellIndex}: the other spots j with squared distance ≤ r² (docs/algorithm.md §7.2,
 * which allows comparing squares). One instance per worker block; not thread-safe.
 *
 * <p>The query visits the box of cells that the ball of radius r (widened by the index slack) touches, one
 * contiguous run of sorted spots per row of cells, and skips rows whose lower bound already exceeds r.
 */
final class RadiusSearch extends CellQuery {
    private final double radius;
    private final double radiusSquared;
    private final double reach;
    private final int[] lo = new int[3];
    private final int[] hi = new int[3];
    /** Ids found by the last collecting search, in scan order; {@code count} of them are valid. */
    int[] found = new int[16];
    int count;

    RadiusSearch(CellIndex g, double radius) {
        super(g);
        this.radius = radius;
        this.radiusSquared = radius * radius;
        this.reach = radius + g.slack + 1e-10 * radius;
    }

    /**
     * Counts (and if {@code collect}, stores in {@link #found}) the other spots within the radius of the spot at
     * sorted position {@code pos}; returns that spot's id.
     */
    int search(long pos, boolean collect) {
        int self = load(pos);
        for (int a = 0; a < 3; a++) {
            lo[a] = a < g.axes ? g.cellOf(q[g.column[a]] - reach, a) : 0;
            hi[a] = a < g.axes ? g.cellOf(q[g.column[a]] + reach, a) : 0;
        }
        count = 0;
        for (int z = lo[2]; z <= hi[2]; z++) {
            double gz = g.axes > 2 ? g.gap(q[g.column[2]], 2, z, z) : 0;
            for (int y = lo[1]; y <= hi[1]; y++) {
                double gy = g.axes > 1 ? g.gap(q[g.column[1]], 1, y, y) : 0;
                if (Math.sqrt(gy * gy + gz * gz) > radius) {
                    continue;
                }
                long first = ((long) z * g.cells[1] + y) * g.cells[0];
                scan(cellStart.getAtIndex(Layouts.I32, first + lo[0]),
                        cellStart.getAtIndex(Layouts.I32, first + hi[0] + 1), self, collect);
            }
        }
        return self;
    }

    private void scan(int from, int to, int self, boolean collect) {
        for (int p = from; p < to; p++) {
            long base = (long) p * dim;
            double d2 = 0;
            for (int c = 0; c < dim; c++) {
                double diff = points.getAtIndex(Layouts.F64, base + c) - q[c];
                d2 += diff * diff;
            }
            if (d2 <= radiusSquared) {
                int j = ids.getAtIndex(Layouts.I32, p);
                if (j != self) {
                    if (collect) {
                        if (count == found.length) {
                            found = java.util.Arrays.copyOf(found, 2 * count);
                        }
                        found[count] = j;
                    }
                    count++;
                }
            }
        }
    }
}
