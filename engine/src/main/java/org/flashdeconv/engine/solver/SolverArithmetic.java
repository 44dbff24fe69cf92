package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * The arithmetic both solvers share, so that they apply the same update rule with the same guards (docs/algorithm.md
 * §10.2): the soft threshold, the denominator and relative-change guards, the start β⁰ and the column-major Gram.
 */
final class SolverArithmetic {

    /** Denominator guard of the coordinate update (§10.2). */
    static final double DEN_GUARD = 1e-10;

    /** Added to max |β| in the relative-change denominator (§10.2). */
    static final double REL_GUARD = 1e-10;

    private SolverArithmetic() {
    }

    /** β⁰ = 1/K everywhere, or the warm start clipped at 0 (NaN taken as 0). */
    static void initialise(MemorySegment start, MemorySegment beta, long cells, int kk) {
        if (start == null) {
            double v = 1.0 / kk;
            for (long c = 0; c < cells; c++) {
                beta.setAtIndex(Layouts.F64, c, v);
            }
            return;
        }
        for (long c = 0; c < cells; c++) {
            double v = start.getAtIndex(Layouts.F64, c);
            beta.setAtIndex(Layouts.F64, c, v > 0 ? v : 0.0);
        }
    }

    /** Checks that {@code seg} holds N x K doubles. */
    static void requireSize(String name, MemorySegment seg, long bytes) {
        if (seg.byteSize() < bytes) {
            throw new IllegalArgumentException(name + " needs " + bytes + " bytes for N x K doubles, found "
                    + seg.byteSize());
        }
    }

    /** Column-major copy of a K x K matrix, so that r += δ·Gram[:, k] reads contiguously. */
    static double[] transpose(double[] g, int kk) {
        double[] t = new double[kk * kk];
        for (int a = 0; a < kk; a++) {
            for (int b = 0; b < kk; b++) {
                t[b * kk + a] = g[a * kk + b];
            }
        }
        return t;
    }

    /** Soft threshold; a NaN argument gives 0 (both comparisons fail). */
    static double soft(double x, double rho) {
        if (x > rho) {
            return x - rho;
        }
        if (x < -rho) {
            return x + rho;
        }
        return 0;
    }

    /**
     * Loads spot i's β into {@code b} and the sum of its neighbours' β into {@code nsum} (in neighbour order).
     *
     * @return the spot's degree
     */
    static long gather(BcdProblem p, MemorySegment beta, long i, double[] b, double[] nsum) {
        int kk = p.types();
        long base = i * kk;
        for (int k = 0; k < kk; k++) {
            b[k] = beta.getAtIndex(Layouts.F64, base + k);
            nsum[k] = 0;
        }
        MemorySegment nbr = p.neighbors();
        long from = p.rowPtr().getAtIndex(Layouts.I64, i);
        long to = p.rowPtr().getAtIndex(Layouts.I64, i + 1);
        for (long e = from; e < to; e++) {
            long nb = (long) nbr.getAtIndex(Layouts.I32, e) * kk;
            for (int k = 0; k < kk; k++) {
                nsum[k] += beta.getAtIndex(Layouts.F64, nb + k);
            }
        }
        return to - from;
    }
}
