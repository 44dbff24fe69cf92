package org.flashdeconv.engine.represent;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.flashdeconv.engine.genes.ScaledLog;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * The per-spot work of the projection pass (ALGORITHM §5, §6, §14.1): gather a spot's entries on S, preprocess
 * them, represent them, and write h_i = Xr·yr_i. One instance per block; it holds the worker's scratch, so the
 * spots of a block allocate nothing.
 */
final class SpotProjector {

    private static final double SCALE = 1e4;

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
    private int[] entryPos = new int[64];
    private double[] entryVal = new double[64];

    /**
     * @param preprocess the spot transformation
     * @param types      K
     * @param position   stored column (before the view's column map) -> position in S, or -1
     * @param sigma      pearson: σY per position in S, else null
     * @param coef       p x K, position-major: Xrᵀ (expected) or Mᵀ = (Xr·Ωᵀ)ᵀ (countsketch)
     * @param weight     expected: w per position, else null
     * @param sketch     countsketch: the draws, else null
     */
    SpotProjector(Preprocess preprocess, int types, int[] position, double[] sigma, double[] coef, double[] weight,
                  SketchDraws sketch) {
        this.preprocess = preprocess;
        this.types = types;
        this.position = position;
        this.sigma = sigma;
        this.coef = coef;
        this.weight = weight;
        this.bucket = sketch == null ? null : sketch.bucket();
        this.omega = sketch == null ? null : sketch.value();
        this.h = new double[types];
        this.bucketSum = sketch == null ? null : new double[sketch.dim()];
    }

    /** Projects spots {@code [start, end)} into {@code hOut} and returns Σ ‖yr_i‖² over them, in spot order. */
    double run(CsrView y, long start, long end, MemorySegment hOut) {
        double norm = 0;
        for (long spot = start; spot < end; spot++) {
            int m = gather(y, spot);
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
        if (y.valueType() == ValueType.F32) {
            for (int j = 0; j < n; j++) {
                int q = position[cols.getAtIndex(Layouts.I32, start + j)];
                entryPos[m] = q;
                entryVal[m] = values.getAtIndex(Layouts.F32, start + j);
                m += ~q >>> 31;
            }
        } else {
            for (int j = 0; j < n; j++) {
                int q = position[cols.getAtIndex(Layouts.I32, start + j)];
                entryPos[m] = q;
                entryVal[m] = values.getAtIndex(Layouts.F64, start + j);
                m += ~q >>> 31;
            }
        }
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
