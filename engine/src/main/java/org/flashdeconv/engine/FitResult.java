package org.flashdeconv.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flashdeconv.engine.counts.CountModel;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ZeroedArrays;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.represent.Representation;
import org.flashdeconv.engine.represent.SketchDraws;
import org.flashdeconv.engine.solver.Proportions;

/**
 * The result of one fit (docs/algorithm.md §11): abundances β, proportions, dominant types, and the fit record.
 *
 * <p>Ownership: owns a shared {@link Arena} with β and the proportions (N x K f64, spot-major: element
 * {@code i*K + k}), the dominant types (i32[N]) and the spots-without-counts flags (u8[N]). The segments
 * returned by {@link #abundances()}, {@link #proportions()}, {@link #dominantCellType()} and
 * {@link #spotsWithoutCounts()} are views valid until {@link #close()}; the {@code copy...} methods return heap
 * copies for small results. Everything else is on the heap and stays readable after close.
 *
 * <p>Spots whose counts are all zero, and spots whose fitted β is all zero, keep their β (the solver treats them like
 * any spot), but their proportion row is NaN, their dominant type is {@link #NO_DOMINANT} and {@link #status} says
 * {@code no_counts} or {@code no_fit}: a departure from the reference, which reports a made-up uniform row.
 *
 * <p>A COUNTS-model result (docs/algorithm.md §29) holds β in molecules, proportions in the options' units over the
 * reference types and the background (so a row sums to 1 minus the background's share), and in its arena also the
 * background molecules, the per-spot quality and the poor-fit flags; a spot without counts on the model genes has
 * status {@code no_counts}, one whose reference types got no molecule (all background) {@code no_fit}.
 */
public final class FitResult implements AutoCloseable {

    /** The dominant type of a spot without a result. */
    public static final int NO_DOMINANT = Proportions.NO_DOMINANT;

    private final Arena arena;
    private final ProblemRecord prep;
    private final long spots;
    private final MemorySegment beta;
    private final MemorySegment proportions;
    private final MemorySegment dominant;
    private final MemorySegment noCounts;
    private final MemorySegment status;
    private final long noFitSpots;
    private final LambdaSpec lambdaRequested;
    private final double lambdaUsed;
    private final double rhoEff;
    private final SolveInfo info;
    private final long solverMs;
    private final CountModel.Summary counts;
    private final CountModel.Outputs countOutputsOrNull;

    private FitResult(Builder b, LambdaSpec lambdaRequested, double lambdaUsed, double rhoEff, SolveInfo info,
                      long solverMs, CountModel.Summary counts) {
        this.counts = counts;
        this.countOutputsOrNull = b.countOutputs;
        this.arena = b.arena;
        this.prep = b.prep;
        this.spots = b.spots;
        this.beta = b.beta;
        this.proportions = b.proportions;
        this.dominant = b.dominant;
        this.noCounts = b.noCounts;
        this.status = b.status;
        this.noFitSpots = b.count(SpotStatus.NO_FIT);
        this.lambdaRequested = lambdaRequested;
        this.lambdaUsed = lambdaUsed;
        this.rhoEff = rhoEff;
        this.info = info;
        this.solverMs = solverMs;
    }

    /** Allocates a result's arrays; the caller fills β and calls {@link Builder#finish} or abandons it. */
    static Builder allocate(ProblemRecord prep, long spots, MemorySegment noCounts) {
        return new Builder(prep, spots, noCounts);
    }

    /** A result under construction; owns its arena until finished or abandoned. */
    static final class Builder {
        private final Arena arena = Arena.ofShared();
        private final ProblemRecord prep;
        private final long spots;
        private final MemorySegment beta;
        private MemorySegment proportions;
        private final MemorySegment dominant;
        private final MemorySegment noCounts;
        private final MemorySegment status;
        private final CountModel.Outputs countOutputs;

        private Builder(ProblemRecord prep, long spots, MemorySegment flags) {
            this.prep = prep;
            this.spots = spots;
            boolean success = false;
            try {
                long cells = Math.multiplyExact(spots, (long) prep.types());
                beta = ZeroedArrays.allocate(arena, Layouts.F64, cells);
                // FLASHDECONV: allocated by finish, after the solver (whose caller may release its input first)
                proportions = prep.options().model() == Model.COUNTS ? ZeroedArrays.allocate(arena, Layouts.F64, cells) : null;
                dominant = ZeroedArrays.allocate(arena, Layouts.I32, spots);
                noCounts = ZeroedArrays.allocate(arena, ValueLayout.JAVA_BYTE, spots).copyFrom(flags);
                status = ZeroedArrays.allocate(arena, ValueLayout.JAVA_BYTE, spots);
                countOutputs = prep.options().model() != Model.COUNTS ? null : new CountModel.Outputs(beta,
                        ZeroedArrays.allocate(arena, Layouts.F64, spots), proportions, dominant, noCounts,
                        ZeroedArrays.allocate(arena, Layouts.F64, Math.multiplyExact(spots, (long) CountModel.QUALITY.size())),
                        ZeroedArrays.allocate(arena, ValueLayout.JAVA_BYTE, spots), status, null);
                success = true;
            } finally {
                if (!success) {
                    arena.close();
                }
            }
        }

        MemorySegment beta() {
            return beta;
        }

        FitResult finish(LambdaSpec requested, double lambdaUsed, double rhoEff, SolveInfo info,
                         BlockExecutor executor, long startNanos) {
            proportions = ZeroedArrays.allocate(arena, Layouts.F64, Math.multiplyExact(spots, (long) prep.types()));
            Proportions.compute(beta, spots, prep.types(), prep.spotsWithoutCounts() > 0 ? noCounts : null,
                    proportions, dominant, status, executor);
            return new FitResult(this, requested, lambdaUsed, rhoEff, info,
                    (System.nanoTime() - startNanos) / 1_000_000, null);
        }

        /** The count model's outputs with {@code scratch} as its N x (K + 1) scratch. */
        CountModel.Outputs countOutputs(MemorySegment scratch) {
            CountModel.Outputs o = countOutputs;
            return new CountModel.Outputs(o.beta(), o.background(), o.proportions(), o.dominant(), o.noCounts(),
                    o.quality(), o.poorFit(), o.status(), scratch);
        }

        /** Finishes a count-model result whose outputs {@link CountModel#fit} has written. */
        FitResult finishCounts(LambdaSpec requested, double alpha, SolveInfo info, CountModel.Summary summary,
                               long startNanos) {
            return new FitResult(this, requested, alpha, 0, info, (System.nanoTime() - startNanos) / 1_000_000,
                    summary);
        }

        long count(SpotStatus wanted) {
            long c = 0;
            for (long i = 0; i < spots; i++) {
                if (status.get(ValueLayout.JAVA_BYTE, i) == wanted.ordinal()) {
                    c++;
                }
            }
            return c;
        }

        void abandon() {
            arena.close();
        }
    }

    /** The model of this result. */
    public Model model() {
        return prep.options().model();
    }

    /** What the count model found (background test, iterations, reference fit); empty for the FLASHDECONV model. */
    public Optional<CountModel.Summary> countSummary() {
        return Optional.ofNullable(counts);
    }

    /**
     * The count model's background molecules per spot, f64[N] (all 0 when the background was not kept); a view valid
     * until {@link #close()}.
     *
     * @throws IllegalStateException for a FLASHDECONV result
     */
    public MemorySegment background() {
        return countOutputs().background();
    }

    /**
     * The count model's per-spot quality, N x {@link CountModel#QUALITY} f64 spot-major (NaN for spots without
     * counts on the model genes); a view valid until {@link #close()}.
     *
     * @throws IllegalStateException for a FLASHDECONV result
     */
    public MemorySegment quality() {
        return countOutputs().quality();
    }

    /**
     * The count model's poor-fit flags, u8[N]; a view valid until {@link #close()}.
     *
     * @throws IllegalStateException for a FLASHDECONV result
     */
    public MemorySegment poorFit() {
        return countOutputs().poorFit();
    }

    private CountModel.Outputs countOutputs() {
        if (countOutputsOrNull == null) {
            throw new IllegalStateException("a " + model().id() + " result has no count-model outputs");
        }
        return countOutputsOrNull;
    }

    /** N, the number of spots. */
    public long spots() {
        return spots;
    }

    /** K, the number of cell types. */
    public int cellTypes() {
        return prep.types();
    }

    /** The cell-type names (given, or {@code CellType_<k>}), in signature row order. */
    public List<String> cellTypeNames() {
        return prep.cellTypeNames();
    }

    /** β, N x K f64 spot-major; a view valid until {@link #close()}. */
    public MemorySegment abundances() {
        return beta;
    }

    /** Proportions, N x K f64 spot-major (NaN rows for spots without a result); valid until {@link #close()}. */
    public MemorySegment proportions() {
        return proportions;
    }

    /** Dominant type per spot, i32[N] ({@link #NO_DOMINANT} for spots without a result); valid until {@link #close()}. */
    public MemorySegment dominantCellType() {
        return dominant;
    }

    /** One byte per spot, 1 if its counts are all zero (QC flag); valid until {@link #close()}. */
    public MemorySegment spotsWithoutCounts() {
        return noCounts;
    }

    /** True if spot {@code i} has no counts (its proportions are NaN). */
    public boolean hasNoCounts(long spot) {
        return noCounts.get(ValueLayout.JAVA_BYTE, spot) != 0;
    }

    /** What the fit says about spot {@code i}: a result, no counts, or no fit (all abundances zero). */
    public SpotStatus status(long spot) {
        return SpotStatus.of(status.get(ValueLayout.JAVA_BYTE, spot));
    }

    /** True if spot {@code i} has proportions and a dominant type (its status is {@code ok}). */
    public boolean hasResult(long spot) {
        return status.get(ValueLayout.JAVA_BYTE, spot) == SpotStatus.OK.ordinal();
    }

    /** The number of spots with counts whose fitted abundances are all zero (status {@code no_fit}). */
    public long noFitSpots() {
        return noFitSpots;
    }

    /**
     * β as a heap array [spot][type].
     *
     * @throws IllegalStateException if N exceeds the largest Java array
     */
    public double[][] copyAbundances() {
        return copy(beta);
    }

    /**
     * Proportions as a heap array [spot][type].
     *
     * @throws IllegalStateException if N exceeds the largest Java array
     */
    public double[][] copyProportions() {
        return copy(proportions);
    }

    /**
     * Dominant types as a heap array.
     *
     * @throws IllegalStateException if N exceeds the largest Java array
     */
    public int[] copyDominantCellType() {
        heapRows();
        return dominant.toArray(Layouts.I32);
    }

    private double[][] copy(MemorySegment seg) {
        int n = heapRows();
        int k = prep.types();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            MemorySegment.copy(seg, Layouts.F64, (long) i * k * Double.BYTES, out[i], 0, k);
        }
        return out;
    }

    private int heapRows() {
        if (spots > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(spots + " spots do not fit a heap array; use the segment views");
        }
        return (int) spots;
    }

    /** The selected genes S, ascending 0-based input gene indices. */
    public int[] geneIndices() {
        return prep.selection().selected().clone();
    }

    /** The highly variable genes (§4.1), ascending. */
    public int[] hvgIndices() {
        return prep.selection().hvg().clone();
    }

    /** The marker genes (§4.2), ascending. */
    public int[] markerIndices() {
        return prep.selection().markers().clone();
    }

    /** Ridge leverage scores (§4.4), in S order. */
    public double[] leverage() {
        return prep.selection().leverage().clone();
    }

    /** The gene weights w (§6.2) in S order with EXPECTED weighting; empty with COUNTSKETCH. */
    public double[] geneWeights() {
        return prep.representation() instanceof Representation.Weighted w ? w.weights().clone() : new double[0];
    }

    /** The CountSketch draws (§6.3) with COUNTSKETCH weighting (for this package's parity tests). */
    Optional<SketchDraws> sketch() {
        return prep.representation() instanceof Representation.Sketched s ? Optional.of(s.sketch())
                : Optional.empty();
    }

    /** The λ as requested ({@code auto}, {@code auto*3}, a number): one of the options' {@code lambdas}. */
    public LambdaSpec lambdaRequested() {
        return lambdaRequested;
    }

    /** The λ used (after resolving auto and its multiples). */
    public double lambdaUsed() {
        return lambdaUsed;
    }

    /** ρ_eff = rho_sparsity · mean diag(Gram). */
    public double rhoEff() {
        return rhoEff;
    }

    /** Gram = Xr·Xrᵀ, K x K. */
    public double[][] gram() {
        int k = prep.types();
        double[][] out = new double[k][k];
        for (int a = 0; a < k; a++) {
            System.arraycopy(prep.gram(), a * k, out[a], 0, k);
        }
        return out;
    }

    /** The spatial graph's size and degrees. */
    public GraphSummary graph() {
        return prep.graph();
    }

    /** Convergence information of the solver. */
    public SolveInfo info() {
        return info;
    }

    /** Input warnings (all-zero signatures, spots without counts, k above N − 1, ...) and spots without a fit. */
    public List<String> warnings() {
        boolean countsFlags = counts != null && counts.spotsWithoutCounts() > 0; // found by the count model's sweep 1
        if (noFitSpots == 0 && info.optimal() && !countsFlags) {
            return prep.warnings();
        }
        List<String> all = new ArrayList<>(prep.warnings());
        if (countsFlags) {
            all.add(ProblemRecord.noCountsWarning(counts.spotsWithoutCounts()));
        }
        if (noFitSpots > 0) {
            all.add(noFitSpots + " spot" + (noFitSpots == 1 ? " has" : "s have")
                    + " counts but all fitted abundances zero (qc no_fit: no proportions, no dominant type)");
        }
        if (!info.optimal()) {
            all.add(String.format(java.util.Locale.ROOT, "the solver stopped before the optimum after %d sweeps "
                    + "(optimality residual %.3g, tol %.3g): the proportions are approximate; raise --max-iter or "
                    + "lower --lambda", info.iterations(), info.residual(), prep.options().tol()));
        }
        return List.copyOf(all);
    }

    /** The options of the fit. */
    public FlashDeconvOptions options() {
        return prep.options();
    }

    /** The summary record of docs/algorithm.md §11.3 with stage times. */
    public FitSummary summary() {
        FlashDeconvOptions o = prep.options();
        return new FitSummary(spots, prep.types(), prep.selection().selected().length, o.sketchDim(),
                o.geneWeighting(), prep.representation().dim(), lambdaRequested, lambdaUsed, o.rhoSparsity(),
                o.preprocess(), info.converged(), info.iterations(), info.finalObjective(), info.finalChange(), rhoEff,
                prep.gramDiagMean(), prep.randomStateUsed(),
                counts != null ? counts.spotsWithoutCounts() : prep.spotsWithoutCounts(), prep.times(solverMs));
    }

    /** Releases β, the proportions, the dominant types and the flags. */
    @Override
    public void close() {
        arena.close();
    }
}
