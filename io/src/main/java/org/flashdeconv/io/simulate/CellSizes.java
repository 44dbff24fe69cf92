package org.flashdeconv.io.simulate;

import java.util.SplittableRandom;

/**
 * Mean molecules per cell of each type, and the conversion of a spot's cell fractions c_k into its molecule
 * fractions m_k = c_k·size_k / Σ_j c_j·size_j. With equal sizes the two coincide and {@link #molecules} copies the
 * cell fractions unchanged. Sizes are log-uniform on the effects' range, drawn from the slide seed alone.
 */
final class CellSizes {
    private final double[] size;
    private final boolean equal;
    private final double[] share;
    private final double[] remainder;

    CellSizes(int types, SlideEffects effects, long seed) {
        size = new double[types];
        equal = !effects.cellSizes() || effects.cellSizeMin() == effects.cellSizeMax();
        SplittableRandom rng = new SplittableRandom(SpotRandom.mix(seed ^ 0x63656C6C73697A65L));
        double lo = Math.log(effects.cellSizes() ? effects.cellSizeMin() : SlideEffects.EQUAL_CELL_SIZE);
        double hi = Math.log(effects.cellSizes() ? effects.cellSizeMax() : SlideEffects.EQUAL_CELL_SIZE);
        for (int k = 0; k < types; k++) {
            size[k] = equal ? Math.exp(lo) : Math.exp(lo + (hi - lo) * rng.nextDouble());
        }
        share = new double[types];
        remainder = new double[types];
    }

    /** Mean molecules per cell of {@code type}. */
    double of(int type) {
        return size[type];
    }

    /** True if every type has the same size (molecule fractions are the cell fractions). */
    boolean equal() {
        return equal;
    }

    /**
     * Writes the molecule fractions of {@code cells} into {@code out} (types ascending, units of 1e-6 summing to
     * exactly {@link TissueLayout#UNITS}, by largest remainder; a type whose share rounds to 0 is dropped). Not
     * thread-safe (scratch arrays): one instance per thread, or {@link #copy()}.
     */
    void molecules(TissueLayout.Mix cells, TissueLayout.Mix out) {
        int n = cells.count;
        if (equal) {
            System.arraycopy(cells.type, 0, out.type, 0, n);
            System.arraycopy(cells.units, 0, out.units, 0, n);
            out.count = n;
            return;
        }
        double total = 0;
        for (int j = 0; j < n; j++) {
            share[j] = cells.units[j] * size[cells.type[j]];
            total += share[j];
        }
        int assigned = 0;
        for (int j = 0; j < n; j++) {
            double exact = share[j] / total * TissueLayout.UNITS;
            out.units[j] = (int) Math.floor(exact);
            remainder[j] = exact - out.units[j];
            assigned += out.units[j];
        }
        for (int left = TissueLayout.UNITS - assigned; left > 0; left--) {
            int best = 0;
            for (int j = 1; j < n; j++) {
                if (remainder[j] > remainder[best]) {
                    best = j;
                }
            }
            out.units[best]++;
            remainder[best] = -1;
        }
        int kept = 0;
        for (int j = 0; j < n; j++) {
            if (out.units[j] > 0) {
                out.type[kept] = cells.type[j];
                out.units[kept] = out.units[j];
                kept++;
            }
        }
        out.count = kept;
    }

    /** A copy with its own scratch space, for another thread. */
    CellSizes copy() {
        return new CellSizes(this);
    }

    private CellSizes(CellSizes other) {
        size = other.size;
        equal = other.equal;
        share = new double[size.length];
        remainder = new double[size.length];
    }
}
