package org.flashdeconv.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * Seeded inputs of benchmark size, off-heap in the caller's arena: sparse counts shaped like a Visium HD slide
 * (f32, distinct ascending genes per spot, small integer counts), coordinates, signatures.
 */
final class SyntheticData {

    private SyntheticData() {
    }

    /**
     * Counts of {@code spots} x {@code genes} with about {@code perSpot} stored entries per spot: genes drawn by
     * random gaps of mean genes/perSpot, values 1 + a geometric count (most are 1 or 2).
     */
    static CsrView counts(Arena arena, long spots, int genes, int perSpot, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int maxGap = Math.max(1, 2 * genes / perSpot - 1);
        long capacity = spots * (2L * perSpot + 8);
        MemorySegment rowPtr = arena.allocate(Layouts.I64, spots + 1);
        MemorySegment cols = arena.allocate(Layouts.I32, capacity);
        MemorySegment vals = arena.allocate(Layouts.F32, capacity);
        long k = 0;
        for (long i = 0; i < spots; i++) {
            rowPtr.setAtIndex(Layouts.I64, i, k);
            for (int g = r.nextInt(maxGap); g < genes; g += 1 + r.nextInt(maxGap)) {
                cols.setAtIndex(Layouts.I32, k, g);
                int v = 1;
                while (r.nextDouble() < 0.35) {
                    v++;
                }
                vals.setAtIndex(Layouts.F32, k, v);
                k++;
            }
        }
        rowPtr.setAtIndex(Layouts.I64, spots, k);
        return new CsrView(spots, genes, rowPtr, cols, vals, ValueType.F32);
    }

    /** A hexagonal lattice of {@code n} spots (unit spacing, rows of about √n): six nearest neighbours each. */
    static CoordsView hexLattice(Arena arena, long n) {
        long width = Math.max(1, (long) Math.ceil(Math.sqrt(n)));
        MemorySegment xy = arena.allocate(Layouts.F64, 2 * n);
        for (long i = 0; i < n; i++) {
            long row = i / width;
            long col = i % width;
            xy.setAtIndex(Layouts.F64, 2 * i, col + 0.5 * (row & 1));
            xy.setAtIndex(Layouts.F64, 2 * i + 1, row * Math.sqrt(3) / 2);
        }
        return new CoordsView(n, 2, xy);
    }

    /** {@code n} points uniform in a square of side √n (unit density). */
    static CoordsView uniformPoints(Arena arena, long n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double side = Math.sqrt(n);
        MemorySegment xy = arena.allocate(Layouts.F64, 2 * n);
        for (long i = 0; i < 2 * n; i++) {
            xy.setAtIndex(Layouts.F64, i, r.nextDouble() * side);
        }
        return new CoordsView(n, 2, xy);
    }

    /** K x G positive signatures with a few strongly expressed marker genes per type. */
    static double[][] signatures(int types, int genes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[types][genes];
        for (int k = 0; k < types; k++) {
            for (int g = 0; g < genes; g++) {
                double u = r.nextDouble();
                x[k][g] = u * u * (g % types == k ? 20 : 1);
            }
        }
        return x;
    }
}
