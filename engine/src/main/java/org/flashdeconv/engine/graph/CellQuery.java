package org.flashdeconv.engine.graph;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * What a neighbour query over a {@link CellIndex} reads: the index's sorted spots and cells, and the coordinates of
 * the spot being queried. One instance per worker block; not thread-safe.
 */
abstract sealed class CellQuery permits KnnSearch, RadiusSearch {
    final CellIndex g;
    final MemorySegment ids;
    final MemorySegment points;
    final MemorySegment cellStart;
    final int dim;
    /** The coordinates of the spot being queried. */
    final double[] q;

    CellQuery(CellIndex g) {
        this.g = g;
        this.ids = g.ids;
        this.points = g.points;
        this.cellStart = g.cellStart;
        this.dim = g.dim;
        this.q = new double[dim];
    }

    /** Copies the coordinates of the spot at sorted position {@code pos} into {@link #q}; returns the spot's id. */
    final int load(long pos) {
        MemorySegment.copy(points, Layouts.F64, pos * dim * Double.BYTES, q, 0, dim);
        return ids.getAtIndex(Layouts.I32, pos);
    }
}
