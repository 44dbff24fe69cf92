package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * The work of {@link BlockBcd} on one block of spots during one colour phase: every spot of the block that
 * has the phase's colour is either left as it is (its neighbours have not moved enough) or replaced by the
 * exact minimiser of its block problem. One instance per block task; holds the worker's scratch.
 */
final class BlockPhase {

    /** The data every block of a solve shares (read-only apart from the per-spot entries a phase owns). */
    record Shared(BcdProblem problem, BcdSettings settings, double[] gramColumns, MemorySegment beta,
                  MemorySegment color, MemorySegment moved, MemorySegment pending) {
    }

    private final Shared d;
    private final int kk;
    private final SpotQp qp;
    private final double[] nsum;
    private final double[] old;
    private final double[] lin;
    private final double[] x;
    private final double[] r;
    private final double[] lastSolution;
    private boolean solvedOne;
    private double diff;
    private double top;

    BlockPhase(Shared shared) {
        this.d = shared;
        this.kk = shared.problem().types();
        this.qp = new SpotQp(kk, shared.problem().gram());
        this.nsum = new double[kk];
        this.old = new double[kk];
        this.lin = new double[kk];
        this.x = new double[kk];
        this.r = new double[kk];
        this.lastSolution = new double[kk];
    }

    /**
     * Visits the spots of colour {@code phase} in {@code [s, e)}.
     *
     * @param warm      start each spot's active set from its current support (false in a first sweep from 1/K)
     * @param skipBelow neighbour movement up to which a spot keeps its value; negative: visit every spot
     * @param maxDiff   per block: running max |Δβ| of this sweep
     * @param maxNew    per block: running max |β| after this sweep (skipped spots included)
     */
    void run(int phase, boolean warm, double skipBelow, long s, long e, double[] maxDiff, double[] maxNew, int block) {
        // kept small on purpose: the per-spot work lives in settled() and update(), compiled on their own, so
        // that the JIT's recompilation when a branch first turns (the first skip, the first warm sweep) is cheap
        MemorySegment color = d.color();
        MemorySegment rowPtr = d.problem().rowPtr();
        boolean skipping = d.moved() != null;
        diff = maxDiff[block];
        top = maxNew[block];
        for (long i = s; i < e; i++) {
            if (color.getAtIndex(Layouts.I32, i) != phase) {
                continue;
            }
            long first = rowPtr.getAtIndex(Layouts.I64, i);
            long last = rowPtr.getAtIndex(Layouts.I64, i + 1);
            if (!skipping || !settled(i, first, last, skipBelow)) {
                update(i, first, last, warm);
            }
        }
        maxDiff[block] = diff;
        maxNew[block] = top;
    }

    /**
     * Adds the neighbours' last movements to the spot's pending movement; if the total is at most
     * {@code skipBelow} the spot keeps its value (and is recorded as not moving) and this returns true. With a
     * negative {@code skipBelow} (the first sweep) it never does; the scratch is zero then, so the arithmetic is
     * the same in every sweep.
     */
    private boolean settled(long i, long first, long last, double skipBelow) {
        MemorySegment moved = d.moved();
        MemorySegment pending = d.pending();
        MemorySegment nbr = d.problem().neighbors();
        double drift = pending.getAtIndex(Layouts.F32, i);
        for (long q = first; q < last; q++) {
            drift += moved.getAtIndex(Layouts.F32, nbr.getAtIndex(Layouts.I32, q));
        }
        boolean keep = drift <= skipBelow;
        if (keep) {
            pending.setAtIndex(Layouts.F32, i, (float) drift);
            moved.setAtIndex(Layouts.F32, i, 0f);
            MemorySegment beta = d.beta();
            long base = i * kk;
            for (int k = 0; k < kk; k++) {
                top = Math.max(top, Math.abs(beta.getAtIndex(Layouts.F64, base + k)));
            }
        }
        return keep;
    }

    /** Replaces spot i by the exact minimiser of its block problem (or one coordinate pass, see SpotQp). */
    private void update(long i, long first, long last, boolean warm) {
        BcdProblem p = d.problem();
        MemorySegment beta = d.beta();
        MemorySegment h = p.h();
        MemorySegment nbr = p.neighbors();
        double lambda = d.settings().lambda();
        double rho = d.settings().rhoEff();
        long base = i * kk;
        int deg = (int) (last - first);
        for (int k = 0; k < kk; k++) {
            nsum[k] = 0;
            old[k] = beta.getAtIndex(Layouts.F64, base + k);
        }
        for (long q = first; q < last; q++) {
            long nb = (long) nbr.getAtIndex(Layouts.I32, q) * kk;
            for (int k = 0; k < kk; k++) {
                nsum[k] += beta.getAtIndex(Layouts.F64, nb + k);
            }
        }
        for (int k = 0; k < kk; k++) {
            double c = h.getAtIndex(Layouts.F64, base + k);
            if (deg > 0) {
                c = c + lambda * nsum[k];
            }
            lin[k] = c - rho;
            x[k] = warm || !solvedOne ? old[k] : lastSolution[k];
        }
        // cold: the support of the previous spot solved in this block (spatially close) is a good guess
        boolean exact = qp.solve(lin, lambda * deg, x, warm || solvedOne);
        if (exact) {
            System.arraycopy(x, 0, lastSolution, 0, kk);
            solvedOne = true;
        } else {
            coordinatePass(lambda * deg, rho, deg > 0);
        }
        double spotDiff = 0;
        for (int k = 0; k < kk; k++) {
            beta.setAtIndex(Layouts.F64, base + k, x[k]);
            spotDiff = Math.max(spotDiff, Math.abs(x[k] - old[k]));
            top = Math.max(top, Math.abs(x[k]));
        }
        diff = Math.max(diff, spotDiff);
        MemorySegment moved = d.moved();
        if (moved != null) {
            moved.setAtIndex(Layouts.F32, i, (float) spotDiff);
            // an inexact update must be revisited even if nothing around it moves
            d.pending().setAtIndex(Layouts.F32, i, exact ? 0f : Float.POSITIVE_INFINITY);
        }
    }

    /**
     * The fallback for a numerically singular block: one pass of the reference's coordinate updates (docs/algorithm.md
     * §10.2) from {@code old} into {@code x}, with {@code lin} = h + λ·nsum − ρ; never increases the objective.
     */
    private void coordinatePass(double lambdaDeg, double rho, boolean hasNeighbours) {
        double[] g = d.problem().gram();
        double[] gc = d.gramColumns();
        for (int k = 0; k < kk; k++) {
            x[k] = old[k];
            r[k] = 0;
        }
        for (int l = 0; l < kk; l++) {
            for (int k = 0; k < kk; k++) {
                r[k] += gc[l * kk + k] * x[l];
            }
        }
        for (int k = 0; k < kk; k++) {
            double gkk = g[k * kk + k];
            double c = lin[k] + rho - r[k] + gkk * x[k];
            double den = gkk + (hasNeighbours ? lambdaDeg : 0);
            double updated = den > SolverArithmetic.DEN_GUARD ? Math.max(0.0, SolverArithmetic.soft(c, rho) / den) : 0;
            double delta = updated - x[k];
            if (delta != 0) {
                for (int l = 0; l < kk; l++) {
                    r[l] += delta * gc[k * kk + l];
                }
            }
            x[k] = updated;
        }
    }
}
