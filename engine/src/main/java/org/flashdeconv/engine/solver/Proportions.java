package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.flashdeconv.engine.SpotStatus;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Normalises β into proportions and dominant types (docs/algorithm.md §11.1): P_ik = β_ik / max(Σ_k β_ik, 1e-10),
 * dominant = row argmax (first index on ties), and a status per spot.
 *
 * <p>Departures from the reference, which gives a row whose sum is 0 the uniform 1/K and the first type as its
 * dominant type (issues 7 and 11): a spot flagged as having no counts, and a spot whose abundances are all zero,
 * get a NaN proportion row, dominant {@link #NO_DOMINANT} and the status {@code no_counts} or {@code no_fit}. No
 * row is ever made up.
 */
public final class Proportions {

    /** Floor of the row sum (§11.1). */
    public static final double ROW_SUM_FLOOR = 1e-10;

    /** Dominant type of a spot without a result (no counts, or no fit). */
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
     * @param status      out: u8[N], the {@link org.flashdeconv.engine.SpotStatus} ordinal of every spot
     * @param executor    runs the spot blocks
     * @throws IllegalArgumentException if K is below 1
     */
    public static void compute(MemorySegment beta, long spots, int types, MemorySegment noCounts,
                               MemorySegment proportions, MemorySegment dominant, MemorySegment status,
                               BlockExecutor executor) {
        if (types < 1) {
            throw new IllegalArgumentException("proportions need at least one cell type, found " + types);
        }
        executor.forEachBlock(spots, BLOCK, (block, s, e) -> {
            for (long i = s; i < e; i++) {
                long base = i * types;
                boolean empty = noCounts != null && noCounts.get(ValueLayout.JAVA_BYTE, i) != 0;
                double sum = 0;
                for (int k = 0; k < types && !empty; k++) {
                    sum += beta.getAtIndex(Layouts.F64, base + k);
                }
                if (empty || !(sum > 0)) {
                    for (int k = 0; k < types; k++) {
                        proportions.setAtIndex(Layouts.F64, base + k, Double.NaN);
                    }
                    dominant.setAtIndex(Layouts.I32, i, NO_DOMINANT);
                    status.set(ValueLayout.JAVA_BYTE, i,
                            (byte) (empty ? SpotStatus.NO_COUNTS : SpotStatus.NO_FIT).ordinal());
                    continue;
                }
                status.set(ValueLayout.JAVA_BYTE, i, (byte) SpotStatus.OK.ordinal());
                double div = Math.max(sum, ROW_SUM_FLOOR);
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < types; k++) {
                    double v = beta.getAtIndex(Layouts.F64, base + k) / div;
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
