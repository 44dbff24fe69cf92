package org.flashdeconv.engine.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ZeroedArrays;

/**
 * A uniform grid of cells over the spots, the spatial index of the graph builders.
 *
 * <p>Up to three coordinate columns (those of largest extent) are gridded; distances are always taken over
 * every column, so the cell bounds are valid lower bounds whatever the dimension. Cells are numbered
 * {@code (z * ny + y) * nx + x}, so a run of cells along x is one contiguous range of {@link #ids}. Spot ids are
 * counting-sorted by cell (ascending ids within a cell) and the coordinates are copied in that order, so a query
 * reads neighbouring spots from adjacent memory.
 *
 * <p>The cell size aims at {@link #POINTS_PER_CELL} spots per occupied cell: it starts from the bounding box and
 * shrinks once if the spots turn out clustered (many empty cells). Every segment lives in the scratch arena passed
 * to {@link #build}; the build runs on the caller's thread (so a confined coordinate segment works) and reads the
 * coordinates sequentially.
 */
final class CellIndex {
    /**
     * Target number of spots per occupied cell. On a square lattice of spacing s this gives cells of 1.73 s, so the
     * first ring of cells already bounds the 6th neighbour (at √2 s, tied four ways); with 2 per cell the cell size
     * would equal √2 s and the tie would force a second ring.
     */
    static final double POINTS_PER_CELL = 3.0;

    final long spots;
    final int dim;
    /** Gridded axes: coordinate column, origin, cell count; {@code axes} of them are used (0..3). */
    final int axes;
    final int[] column = new int[3];
    final double[] origin = new double[3];
    final int[] cells = {1, 1, 1};
    final double cellSize;
    final double invCellSize;
    /**
     * Distance slack that makes every cell bound conservative despite rounding in the cell assignment (far larger
     * than the rounding, far smaller than a cell).
     */
    final double slack;
    /** i32[cellCount + 1]: first sorted position of each cell. */
    final MemorySegment cellStart;
    /** i32[spots]: spot ids sorted by cell. */
    final MemorySegment ids;
    /** f64[spots * dim]: coordinates in sorted order. */
    final MemorySegment points;
    /** i32[occupiedCount]: ids of the non-empty cells, ascending. */
    final MemorySegment occupied;
    final int occupiedCount;

    private CellIndex(CoordsView coords, Bounds bounds, Arena scratch) {
        this.spots = coords.n();
        this.dim = coords.dim();
        Integer[] order = new Integer[dim];
        for (int c = 0; c < dim; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(bounds.extent(b), bounds.extent(a)));
        int m = 0;
        while (m < Math.min(3, dim) && bounds.extent(order[m]) > 0 && Double.isFinite(bounds.extent(order[m]))) {
            column[m] = order[m];
            origin[m] = bounds.min()[order[m]];
            m++;
        }
        double size = fit(bounds, m, initialCellSize(bounds, m));
        long cellCount = layout(bounds, m, size);
        MemorySegment start = ZeroedArrays.allocate(scratch, Layouts.I32, cellCount + 1);
        int occ = count(coords, m, size, start, cellCount);
        double clustered = spots / (occ * POINTS_PER_CELL);
        if (m > 0 && clustered > 4) {
            // Most cells are empty: shrink the cells so that occupied ones hold about POINTS_PER_CELL spots.
            double finer = fit(bounds, m, size / Math.pow(clustered, 1.0 / m));
            if (finer < 0.8 * size) {
                size = finer;
                cellCount = layout(bounds, m, size);
                start = ZeroedArrays.allocate(scratch, Layouts.I32, cellCount + 1);
                occ = count(coords, m, size, start, cellCount);
            }
        }
        this.axes = m;
        this.cellSize = size;
        this.invCellSize = m == 0 ? 0 : 1 / size;
        double scale = 0;
        for (int a = 0; a < m; a++) {
            scale = Math.max(scale, Math.max(Math.abs(bounds.min()[column[a]]), Math.abs(bounds.max()[column[a]])));
        }
        this.slack = 1e-10 * (scale + size);
        this.cellStart = start;
        this.occupiedCount = occ;
        this.occupied = ZeroedArrays.allocate(scratch, Layouts.I32, Math.max(1, occ));
        this.ids = ZeroedArrays.allocate(scratch, Layouts.I32, Math.max(1, spots));
        this.points = ZeroedArrays.allocate(scratch, Layouts.F64, Math.max(1, spots * dim));
        place(coords, cellCount);
    }

    /**
     * Builds the index over {@code coords} (checked finite by {@code bounds}) in {@code scratch}.
     */
    static CellIndex build(CoordsView coords, Bounds bounds, Arena scratch) {
        return new CellIndex(coords, bounds, scratch);
    }

    /**
     * {@code coords} scaled by 2^{@code exponent} into {@code scratch} (exact; the same view for exponent 0).
     */
    static CoordsView scaled(CoordsView coords, int exponent, Arena scratch) {
        if (exponent == 0) {
            return coords;
        }
        long values = Math.multiplyExact(coords.n(), (long) coords.dim());
        MemorySegment data = ZeroedArrays.allocate(scratch, Layouts.F64, Math.max(1, values));
        for (long i = 0; i < coords.n(); i++) {
            for (int c = 0; c < coords.dim(); c++) {
                data.setAtIndex(Layouts.F64, i * coords.dim() + c, Math.scalb(coords.get(i, c), exponent));
            }
        }
        return new CoordsView(coords.n(), coords.dim(), data);
    }

    private long maxCells() {
        return Math.min(Integer.MAX_VALUE - 1L, Math.max(16, 4 * spots));
    }

    private double initialCellSize(Bounds bounds, int m) {
        if (m == 0) {
            return 1;
        }
        double targetCells = Math.max(1, spots / POINTS_PER_CELL);
        // Axes much thinner than a cell get one cell; the others share the target count.
        for (int used = m; ; used--) {
            double volume = 1;
            for (int a = 0; a < used; a++) {
                volume *= bounds.extent(column[a]);
            }
            double size = Math.pow(volume / targetCells, 1.0 / used);
            if (used == 1 || bounds.extent(column[used - 1]) >= size) {
                return size;
            }
        }
    }

    /** The smallest size from {@code size} up (in steps of 1.25) whose grid has at most {@link #maxCells}. */
    private double fit(Bounds bounds, int m, double size) {
        double s = size;
        if (!(s > 0) || !Double.isFinite(s)) {
            // GraphBuilder scales the coordinates so that this cannot happen; never loop on a zero size
            throw new IllegalArgumentException("spatial graph: coordinates spanning " + Arrays.toString(bounds.min())
                    + " to " + Arrays.toString(bounds.max()) + " cannot be indexed (cell size " + s + ")");
        }
        while (cellTotal(bounds, m, s) > maxCells()) {
            s *= 1.25;
        }
        return s;
    }

    private double cellTotal(Bounds bounds, int m, double size) {
        double total = 1;
        for (int a = 0; a < m; a++) {
            total *= Math.floor(bounds.extent(column[a]) / size) + 1;
        }
        return total;
    }

    /** Sets the per-axis cell counts for a cell size that {@link #fit} accepted; returns the cell total. */
    private long layout(Bounds bounds, int m, double size) {
        long count = 1;
        for (int a = 0; a < m; a++) {
            cells[a] = (int) (Math.floor(bounds.extent(column[a]) / size) + 1);
            count *= cells[a];
        }
        return count;
    }

    private int count(CoordsView coords, int m, double size, MemorySegment start, long cellCount) {
        start.fill((byte) 0);
        double inv = m == 0 ? 0 : 1 / size;
        for (long i = 0; i < spots; i++) {
            long c = cellOfSpot(coords, i, m, inv);
            start.setAtIndex(Layouts.I32, c, start.getAtIndex(Layouts.I32, c) + 1);
        }
        int occ = 0;
        for (long c = 0; c < cellCount; c++) {
            occ += start.getAtIndex(Layouts.I32, c) > 0 ? 1 : 0;
        }
        return occ;
    }

    private long cellOfSpot(CoordsView coords, long i, int m, double inv) {
        long id = 0;
        for (int a = m - 1; a >= 0; a--) {
            id = id * cells[a] + cellOf(coords.get(i, column[a]), a, inv);
        }
        return id;
    }

    private int cellOf(double x, int a, double inv) {
        double t = (x - origin[a]) * inv;
        return t <= 0 ? 0 : t >= cells[a] ? cells[a] - 1 : (int) t;
    }

    /** Cell coordinate along gridded axis {@code a} of a coordinate value (monotone in x). */
    int cellOf(double x, int a) {
        return cellOf(x, a, invCellSize);
    }

    /** Lower face of cell {@code c} along gridded axis {@code a}. */
    double face(int a, int c) {
        return origin[a] + c * cellSize;
    }

    /** Gap from {@code x} to the cells {@code [c0, c1]} of axis {@code a}, made conservative by the slack. */
    double gap(double x, int a, int c0, int c1) {
        double g = Math.max(face(a, c0) - x, x - face(a, c1 + 1)) - slack;
        return g > 0 ? g : 0;
    }

    private void place(CoordsView coords, long cellCount) {
        // Inclusive prefix sums, then fill backwards with pre-decrement: starts end up in place, ids ascending.
        int run = 0;
        int occ = 0;
        for (long c = 0; c < cellCount; c++) {
            int k = cellStart.getAtIndex(Layouts.I32, c);
            if (k > 0) {
                occupied.setAtIndex(Layouts.I32, occ++, (int) c);
            }
            run += k;
            cellStart.setAtIndex(Layouts.I32, c, run);
        }
        cellStart.setAtIndex(Layouts.I32, cellCount, run);
        for (long i = spots - 1; i >= 0; i--) {
            long c = cellOfSpot(coords, i, axes, invCellSize);
            int p = cellStart.getAtIndex(Layouts.I32, c) - 1;
            cellStart.setAtIndex(Layouts.I32, c, p);
            ids.setAtIndex(Layouts.I32, p, (int) i);
            for (int col = 0; col < dim; col++) {
                points.setAtIndex(Layouts.F64, (long) p * dim + col, coords.get(i, col));
            }
        }
    }

    /**
     * Per-column bounding box of finite coordinates.
     *
     * @param min per-column minimum
     * @param max per-column maximum
     */
    record Bounds(double[] min, double[] max) {
        double extent(int c) {
            return max[c] - min[c];
        }

        /**
         * The power of two that brings the largest |coordinate| into [1, 2) when it lies outside [2⁻⁶⁴, 2⁶⁴], else
         * 0: scaling by it is exact and keeps every distance comparison, while squared distances and cell sizes
         * stay far from overflow and underflow (coordinates of 1e200 or 1e-200, issue 11.8).
         */
        int scaleExponent() {
            double top = 0;
            for (int c = 0; c < min.length; c++) {
                top = Math.max(top, Math.max(Math.abs(min[c]), Math.abs(max[c])));
            }
            if (top == 0) {
                return 0;
            }
            int e = Math.getExponent(top);
            return e >= -64 && e <= 64 ? 0 : -e;
        }

        /** These bounds scaled by 2^{@code exponent} (exact). */
        Bounds scaled(int exponent) {
            if (exponent == 0) {
                return this;
            }
            double[] lo = min.clone();
            double[] hi = max.clone();
            for (int c = 0; c < lo.length; c++) {
                lo[c] = Math.scalb(lo[c], exponent);
                hi[c] = Math.scalb(hi[c], exponent);
            }
            return new Bounds(lo, hi);
        }

        /**
         * Scans the coordinates once on the caller's thread.
         *
         * @throws IllegalArgumentException naming the first spot and column that is NaN or infinite
         */
        static Bounds of(CoordsView coords) {
            int dim = coords.dim();
            double[] min = new double[dim];
            double[] max = new double[dim];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (long i = 0; i < coords.n(); i++) {
                for (int c = 0; c < dim; c++) {
                    double x = coords.get(i, c);
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException("spatial graph: coordinate of spot " + i + " column " + c
                                + " is " + x + " (expected a finite number)");
                    }
                    min[c] = Math.min(min[c], x);
                    max[c] = Math.max(max[c], x);
                }
            }
            return new Bounds(min, max);
        }
    }
}
