package org.flashdeconv.engine.matrix;

import java.lang.foreign.MemorySegment;

/**
 * Spot coordinates: {@code n x dim} little-endian f64, row-major (spot i's coordinates are at elements
 * {@code i*dim ... i*dim+dim-1}). A view: it owns nothing.
 *
 * @param n       number of spots
 * @param dim     coordinate columns (usually 2 or 3), at least 1
 * @param data    f64[n * dim]
 */
public record CoordsView(long n, int dim, MemorySegment data) {

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if dim is below 1 or the segment is too small
     */
    public CoordsView {
        if (n < 0 || dim < 1) {
            throw new IllegalArgumentException("coordinates need n >= 0 and at least one column, found n=" + n
                    + " dim=" + dim);
        }
        long need = Math.multiplyExact(Math.multiplyExact(n, (long) dim), Double.BYTES);
        if (data.byteSize() < need) {
            throw new IllegalArgumentException("coordinates of " + n + " x " + dim + " need " + need
                    + " bytes, found " + data.byteSize());
        }
    }

    /** Coordinate {@code c} of spot {@code i}. */
    public double get(long i, int c) {
        return data.getAtIndex(Layouts.F64, i * dim + c);
    }
}
