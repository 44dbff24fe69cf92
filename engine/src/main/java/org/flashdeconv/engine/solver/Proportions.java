package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Normalises β into proportions and dominant types (docs/algorithm.md §11.1): P_ik = β_ik / max(Σ_k β_ik, 1e-10), a row
 * whose sum is exactly 0 gets the uniform 1/K, dominant = row argmax (first index on ties).
 *
 * <p>Departure from the reference (issue 7): a spot flagged as having no counts gets a NaN proportion row and
 * dominant −1 instead of a made-up uniform row.
 */
public final class Proportions {

    /** Floor of the row sum (§11.1). */
    public static final double ROW_SUM_FLOOR = 1e-10;

    /** Dominant type of a spot without counts. */
    public static final int NO_DOMINANT = -1;

    private static final long BLOCK = 8192;

    private Proportions() {
    }

    /**
     * Computes proportions and dominant types.
     *
     * @param beta        in: N x K f64 spot-major
     * @param spots       N
     * @param types       K (≥ 1)
     * @param noCounts    u8[N], non-zero for a spot without counts, or null if there are none
     * @param proportions out: N x K f64 spot-major (may be the same segment as beta)
     * @param dominant    out: i32[N]
     * @param executor    runs the spot blocks
     * @throws IllegalArgumentException if K is below 1
     */
    public static void compute(MemorySegment beta, long spots, int types, MemorySegment noCounts,
                               MemorySegment proportions, MemorySegment dominant, BlockExecutor executor) {
        if (types < 1) {
            throw new IllegalArgumentException("proportions need at least one cell type, found " + types);
        }
        executor.forEachBlock(spots, BLOCK, (block, s, e) -> {
            for (long i = s; i < e; i++) {
                long base = i * types;
                if (noCounts != null && noCounts.get(ValueLayout.JAVA_BYTE, i) != 0) {
                    for (int k = 0; k < types; k++) {
                        proportions.setAtIndex(Layouts.F64, base + k, Double.NaN);
                    }
                    dominant.setAtIndex(Layouts.I32, i, NO_DOMINANT);
                    continue;
                }
                double sum = 0;
                for (int k = 0; k < types; k++) {
                    sum += beta.getAtIndex(Layouts.F64, base + k);
                }
                double div = Math.max(sum, ROW_SUM_FLOOR);
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < types; k++) {
                    double v = sum == 0 ? 1.0 / types : beta.getAtIndex(Layouts.F64, base + k) / div;
                    proportions.setAtIndex(Layouts.F64, base + k, v);
                    if (v > bestValue) {
                        bestValue = v;
                        best = k;
                    }
                }
                dominant.setAtIndex(Layouts.I32, i, best);
            }
        });
    }
}
