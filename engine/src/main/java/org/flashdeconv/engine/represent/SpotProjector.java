package org.flashdeconv.engine.represent;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.genes.ScaledLog;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * The per-spot work of the projection pass (docs/algorithm.md §5, §6, §14.1): gather a spot's entries on S, preprocess
 * them, represent them, and write h_i = Xr·yr_i. One instance per block; it holds the worker's scratch, so the
 * spots of a block allocate nothing.
 */
final class SpotProjector {

    private static final double SCALE = 1e4;

    /** Position of a stored column that the view's column map leaves out (below -1: a kept gene off S). */
    static final int LEFT_OUT = -2;

    private final Preprocess preprocess;
    private final int types;
    private final int[] position;
    private final double[] sigma;
    private final double[] coef;
    private final double[] weight;
    private final int[] bucket;
    private final double[] omega;
    private final ScaledLog log = new ScaledLog();
    private final double[] h;
    private final double[] bucketSum;
    private boolean counted;
    private int[] entryPos = new int[64];
    private double[] entryVal = new double[64];

    /**
     * @param preprocess the spot transformation
     * @param types      K
     * @param position   stored column (before the view's column map) -> position in S, -1 for a kept gene
     *                   off S, {@link #LEFT_OUT} for a column the view leaves out
     * @param sigma      pearson: σY per position in S, else null
     * @param coef       p x K, position-major: Xrᵀ (expected) or Mᵀ = (Xr·Ωᵀ)ᵀ (countsketch)
     * @param rep        the representation: its weights, or its sketch's buckets and Ω
     */
    SpotProjector(Preprocess preprocess, int types, int[] position, double[] sigma, double[] coef,
                  Representation rep) {
        this.preprocess = preprocess;
        this.types = types;
        this.position = position;
        this.sigma = sigma;
        this.coef = coef;
        SketchDraws sketch = rep instanceof Representation.Sketched c ? c.sketch() : null;
        this.weight = rep instanceof Representation.Weighted w ? w.weights() : null;
        this.bucket = sketch == null ? null : sketch.bucket();
        this.omega = sketch == null ? null : sketch.value();
        this.h = new double[types];
        this.bucketSum = sketch == null ? null : new double[sketch.dim()];
    }

    /**
     * Projects spots {@code [start, end)} into {@code hOut} and returns Σ ‖yr_i‖² over them, in spot order; sets
     * the byte of a spot without counts on the kept genes in {@code noCounts} (if not null).
     */
    double run(CsrView y, long start, long end, MemorySegment hOut, MemorySegment noCounts) {
        double norm = 0;
        for (long spot = start; spot < end; spot++) {
            int m = gather(y, spot);
            if (noCounts != null && !counted) {
                noCounts.set(ValueLayout.JAVA_BYTE, spot, (byte) 1);
            }
            transform(m);
            norm += weight != null ? weighted(m) : sketched(m);
            MemorySegment.copy(h, 0, hOut, Layouts.F64, spot * types * Double.BYTES, types);
            Arrays.fill(h, 0);
        }
        return norm;
    }

    /**
     * Copies the spot's entries on S into entryPos / entryVal (stored order) straight from the CSR segments:
     * {@code position} maps a stored column to its position in S, so entries off S cost one look-up and are
     * not copied (the write is unconditional and the count advances only for kept entries: no branch to
     * mispredict).
     */
    private int gather(CsrView y, long spot) {
        long start = y.rowStart(spot);
        int n = Math.toIntExact(y.rowEnd(spot) - start);
        if (n > entryPos.length) {
            entryPos = new int[Math.max(n, 2 * entryPos.length)];
            entryVal = new double[entryPos.length];
        }
        MemorySegment cols = y.colIdx();
        MemorySegment values = y.values();
        int m = 0;
        boolean any = false;
        if (y.valueType() == ValueType.F32) {
            for (int j = 0; j < n; j++) {
                int q = position[cols.getAtIndex(Layouts.I32, start + j)];
                double v = values.getAtIndex(Layouts.F32, start + j);
                entryPos[m] = q;
                entryVal[m] = v;
                m += ~q >>> 31;
                any |= q > LEFT_OUT & v != 0;
            }
        } else {
            for (int j = 0; j < n; j++) {
                int q = position[cols.getAtIndex(Layouts.I32, start + j)];
                double v = values.getAtIndex(Layouts.F64, start + j);
                entryPos[m] = q;
                entryVal[m] = v;
                m += ~q >>> 31;
                any |= q > LEFT_OUT & v != 0;
            }
        }
        counted = any;
        return m;
    }

    private void transform(int m) {
        switch (preprocess) {
            case LOG_CPM -> {
                double library = 0;
                for (int e = 0; e < m; e++) {
                    library += entryVal[e];
                }
                log.reset(SCALE / (library == 0 ? 1 : library));
                for (int e = 0; e < m; e++) {
                    entryVal[e] = log.of(entryVal[e]);
                }
            }
            case PEARSON -> {
                for (int e = 0; e < m; e++) {
                    entryVal[e] = entryVal[e] / sigma[entryPos[e]];
                }
            }
            case RAW -> {
            }
        }
    }

    /** expected: yr = yt ∘ w; h += Xr[:, q]·yr per entry. */
    private double weighted(int m) {
        double norm = 0;
        for (int e = 0; e < m; e++) {
            int q = entryPos[e];
            double yr = entryVal[e] * weight[q];
            norm += yr * yr;
            int base = q * types;
            for (int k = 0; k < types; k++) {
                h[k] += coef[base + k] * yr;
            }
        }
        return norm;
    }

    /** countsketch: h += M[:, q]·yt per entry; ‖Ωᵀ·yt‖² through the d-length bucket sums, reset as read. */
    private double sketched(int m) {
        for (int e = 0; e < m; e++) {
            int q = entryPos[e];
            double yt = entryVal[e];
            int base = q * types;
            for (int k = 0; k < types; k++) {
                h[k] += coef[base + k] * yt;
            }
            bucketSum[bucket[q]] += yt * omega[q];
        }
        double norm = 0;
        for (int e = 0; e < m; e++) {
            int b = bucket[entryPos[e]];
            double v = bucketSum[b];
            norm += v * v; // a bucket seen again was reset to 0 and adds nothing
            bucketSum[b] = 0;
        }
        return norm;
    }
}
