package org.flashdeconv.engine.counts;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.MappedRows;
import org.flashdeconv.engine.SpotStatus;
import org.flashdeconv.engine.graph.SpatialGraph;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The count model's passes (docs/algorithm.md §29): the background on a sample ({@link Background}), sweep 1 over every
 * spot from a uniform start, sweep 2 with the spatial prior of sweep 1's neighbours (Jacobi), then proportions, the
 * per-spot quality and the reference-fit summary. Two full passes over the counts; memory O(N·K) (one N x (K+1)
 * scratch the caller passes). Spots are independent within a sweep and every reduction is summed per block and then
 * in block order, so the result has the same bits for any thread count.
 */
public final class CountModel {
    /** Newton iteration cap per spot and sweep. */
    public static final int MAX_ITER = 100;
    /**
     * Relative KKT tolerance per spot of the background sample. 10⁻³ against the 10⁻⁸ used until 2026-12-05 (then
     * 10⁻⁵, 10⁻⁴): 3.20 → 2.01 Newton iterations per spot in sweep 2 against 10⁻⁴ (1M hd8); the gates moved by at most
     * 0.0002 RMSE (docs/algorithm.md §29.3). Sweep 2 stops at {@link #sweep2Tolerance}, from this to {@link #TOL_SWEEP2}.
     */
    public static final double TOL = 1e-3;
    /**
     * Sweep 2's relative KKT tolerance for a spot of n counts on the model genes: {@link #NOISE_SHARE}/√n, within
     * [{@link #TOL}, {@link #TOL_SWEEP2}] (docs/algorithm.md §29.3). The residual bounds each component's relative
     * error at about this size, so the solve error stays a small share of the counting noise (1/√n): a shallow bin
     * stops at 3·10⁻³ (hd8, ~200 counts: 2.01 → 1.41 Newton iterations per spot at 1M), a deep spot (Visium, a few
     * thousand counts) at 10⁻³ as before 2026-12-05 evening, where a flat 3·10⁻³ cost 4.6 % of the clean Visium RMSE.
     */
    public static final double TOL_SWEEP2 = 3e-3;
    /** Sweep 2's tolerance as a share of a spot's relative counting noise 1/√n ({@link #TOL_SWEEP2}). */
    public static final double NOISE_SHARE = 0.05;
    /**
     * Relative KKT tolerance of sweep 1, which only gives sweep 2 its start, the neighbours' compositions and the
     * spot totals of the prior (and the automatic α): 10⁻² moves the final proportions by 1.6·10⁻⁴ on average (100k
     * hd8 scaling slide) and saves about 1.4 Newton iterations per spot against 10⁻⁴; sweep 2 is solved to
     * {@link #TOL_SWEEP2}.
     */
    public static final double TOL_SWEEP1 = 1e-2;
    /**
     * Full passes over the counts of this model after the gene statistics: its two sweeps (the representation pass of
     * the preparation is not run under this model; sweep 1 also finds the spots without counts).
     */
    public static final int PASSES = 2;
    /**
     * Prior pseudo-counts y'_k = α π̄_ik below this (pseudo-molecules) are observed as 0: a type that only a trace of
     * the neighbours' mean holds can then sit at 0 in the spot and leave the Newton step's free set, which the log
     * barrier of y'_k > 0 never lets it do (sweep 2 cost about 35 % less; docs/algorithm.md §29.5).
     */
    public static final double PSEUDO_MIN = 0.05;
    /** poor_fit: deviance per count above median + this many scaled MADs. */
    public static final double POOR_FIT_MADS = 5;
    /** Quality columns, in the order of the quality segment. */
    public static final java.util.List<String> QUALITY = java.util.List.of("deviance", "deviance_per_count",
            "unexplained_fraction", "background_share", "entropy");

    private static final int BLOCK = 4096;
    private static final int WORST_GENES = 10;
    private static final int THRESHOLD_SAMPLE = 200_000;

    private CountModel() {
    }

    /**
     * Where the model writes, all spot-major and owned by the caller.
     *
     * @param beta        N x K f64: molecules of each type
     * @param background  N f64: background molecules
     * @param proportions N x K f64: fractions in the chosen units (NaN for a spot without counts on the model genes)
     * @param dominant    N i32: argmax type, −1 without counts
     * @param noCounts    N u8, zero on entry; out, 1 for the spots without counts (no non-zero value in a column the
     *                    view keeps, found by sweep 1, which reads every row anyway) and for those without counts on
     *                    the model genes (sweep 2)
     * @param quality     N x 5 f64 ({@link #QUALITY})
     * @param poorFit     N u8
     * @param status      N u8, {@link SpotStatus} ordinals: no_counts without counts on the model genes, no_fit when
     *                    the reference types got no molecule
     * @param scratch     N x (K + 1) f64 scratch
     */
    public record Outputs(MemorySegment beta, MemorySegment background, MemorySegment proportions,
                          MemorySegment dominant, MemorySegment noCounts, MemorySegment quality, MemorySegment poorFit,
                          MemorySegment status, MemorySegment scratch) {
    }

    /**
     * What the fit found beyond the per-spot values.
     *
     * @param alpha              α used (the estimate times the factor when automatic)
     * @param cellUnits          proportions are cell fractions (else molecule fractions)
     * @param background         the background test on the sample
     * @param backgroundShare    the background's share of all fitted molecules (0 when not kept)
     * @param meanIterations     mean Newton iterations per spot and sweep
     * @param sweepIterations    mean Newton iterations per spot with a fit, for each sweep in order
     * @param notConverged       spots that hit the iteration cap in the last sweep
     * @param poorFitThreshold   the deviance-per-count threshold of poor_fit
     * @param poorFitSpots       spots flagged poor_fit
     * @param worstGenes         the model genes the reference explains worst (model gene indices)
     * @param worstResiduals     their aggregate Pearson residuals (Y_g − M_g)/√M_g over all spots
     * @param totalDeviance      Σ of the spots' deviances
     * @param spotsWithoutCounts spots without counts (no non-zero value in a column the view keeps)
     */
    public record Summary(double alpha, boolean cellUnits, Background.Result background, double backgroundShare,
                          double meanIterations, double[] sweepIterations, long notConverged,
                          double poorFitThreshold, long poorFitSpots,
                          int[] worstGenes, double[] worstResiduals, double totalDeviance,
                          long spotsWithoutCounts) {
    }

    /**
     * Fits the count model.
     *
     * @param counts     N x G counts (model genes)
     * @param x          K x G signatures
     * @param genes      the model genes
     * @param geneTotals Σ over spots of the raw counts per model gene (G)
     * @param graph      the spatial graph
     * @param alpha      prior pseudo-molecules (0: no prior), or with {@code autoAlpha} the multiple of the estimate
     * @param autoAlpha  estimate α from sweep 1 ({@link PriorStrength}) and multiply it by {@code alpha}
     * @param cellUnits  report cell fractions: β_k / (Σ of type k's signature over the model genes)
     * @throws IllegalArgumentException if cell units are asked for and a type's signature is 0 on the model genes
     */
    public static Summary fit(CsrView counts, double[][] x, int[] genes, double[] geneTotals, SpatialGraph graph,
                              double alpha, boolean autoAlpha, boolean cellUnits, Outputs out,
                              BlockExecutor ex, Progress progress) {
        CountProfiles prof = CountProfiles.of(x, genes, Math.toIntExact(counts.cols()));
        int k = prof.types();
        int k1 = prof.stride();
        if (cellUnits) {
            for (int t = 0; t < k; t++) {
                if (!(prof.cellSizes()[t] > 0)) {
                    throw new IllegalArgumentException("units cells: reference type " + t
                            + " has no molecules on the model genes, so its cell size is unknown");
                }
            }
        }
        long n = counts.rows();
        Background.Result bg = Background.learn(counts, prof, MAX_ITER, TOL, ex);
        int comps = bg.kept() ? k1 : k;
        double[] cost = new double[k1];
        Arrays.fill(cost, 1.0);
        cost[k] = 1 + Background.RHO0;
        int blocks = BlockExecutor.blockCount(n, BLOCK);
        long[] iterations = new long[blocks];
        long[] fitted1 = new long[blocks];
        long[] without = new long[blocks];
        progress.start("count model, sweep 1", n);
        try {
            ex.forEachBlock(n, BLOCK, (block, s, e) -> {
                ModelRow row = new ModelRow(counts, prof.position());
                PoissonSpot solver = new PoissonSpot(prof.rows(), k1);
                double[] b = new double[k1];
                for (long i = s; i < e; i++) {
                    Arrays.fill(b, 0);
                    if (row.load(counts, i) > 0) {
                        uniformStart(k, row.total, b);
                        solver.solve(row.nnz, row.pos, row.y, comps, cost, null, b, MAX_ITER, TOL_SWEEP1);
                        iterations[block] += solver.iterations();
                        fitted1[block]++;
                    } else if (!row.anyKeptCount()) {
                        out.noCounts().set(ValueLayout.JAVA_BYTE, i, (byte) 1);
                        without[block]++;
                    }
                    MemorySegment.copy(b, 0, out.scratch(), Layouts.F64, i * k1 * Double.BYTES, k1);
                }
                MappedRows.release(counts, s, e);
                progress.advance(e - s);
            });
        } finally {
            progress.end();
        }
        MappedRows.releaseAll(counts);
        long iters1 = 0;
        long spots = 0;
        long withoutCounts = 0;
        for (int b = 0; b < blocks; b++) {
            iters1 += iterations[b];
            spots += fitted1[b];
            withoutCounts += without[b];
        }
        double alphaUsed = autoAlpha ? alpha * PriorStrength.estimate(graph, out.scratch(), k1, comps, n, ex) : alpha;
        double[] logMu = new double[prof.size()];
        double muSum = 0;
        for (int j = 0; j < logMu.length; j++) {
            logMu[j] = geneTotals[genes[j]];
            muSum += logMu[j];
        }
        for (int j = 0; j < logMu.length; j++) {
            logMu[j] = Math.log(muSum > 0 ? logMu[j] / muSum : 1.0 / logMu.length); // μ_g, then its log
        }
        double[][] colSums = new double[blocks][k1];
        double[] deviance = new double[blocks];
        long[] notConverged = new long[blocks];
        progress.start("count model, sweep 2", n);
        try {
            ex.forEachBlock(n, BLOCK, (block, s, e) -> {
                ModelRow row = new ModelRow(counts, prof.position());
                PoissonSpot solver = new PoissonSpot(prof.rows(), k1);
                double[] b = new double[k1];
                double[] pseudo = new double[k1];
                double[] costI = new double[k1];
                double[] q = new double[QUALITY.size()];
                double[] near = new double[k1];
                double[] fractions = new double[k];
                for (long i = s; i < e; i++) {
                    Arrays.fill(b, 0);
                    Arrays.fill(q, Double.NaN);
                    boolean none = flagged(out.noCounts(), i) || row.load(counts, i) == 0;
                    if (!none) {
                        MemorySegment.copy(out.scratch(), Layouts.F64, i * k1 * Double.BYTES, b, 0, k1);
                        double fitted = 0;
                        for (int t = 0; t < comps; t++) {
                            fitted += b[t];
                        }
                        boolean prior = alphaUsed > 0 && fitted > 0
                                && neighbourMean(graph, out.scratch(), i, k1, pseudo, near);
                        System.arraycopy(cost, 0, costI, 0, k1);
                        if (prior) {
                            pseudoCounts(alphaUsed, comps, pseudo);
                            for (int t = 0; t < comps; t++) {
                                costI[t] += alphaUsed / fitted;
                            }
                        }
                        boolean ok = solver.solve(row.nnz, row.pos, row.y, comps, costI, prior ? pseudo : null, b,
                                MAX_ITER, sweep2Tolerance(row.total));
                        iterations[block] += solver.iterations();
                        notConverged[block] += ok ? 0 : 1;
                        quality(row, solver.means(), prof.types(), b, comps, logMu, q);
                        deviance[block] += q[0];
                        for (int t = 0; t < k1; t++) {
                            colSums[block][t] += b[t];
                        }
                    } else {
                        out.noCounts().set(ValueLayout.JAVA_BYTE, i, (byte) 1);
                    }
                    write(out, i, k, b, none, cellUnits, prof.cellSizes(), q, fractions);
                }
                MappedRows.release(counts, s, e);
                progress.advance(e - s);
            });
        } finally {
            progress.end();
        }
        MappedRows.releaseAll(counts); // the row pointers, and the pages two blocks shared
        double[] totals = new double[k1];
        double dev = 0;
        long iters = 0;
        long bad = 0;
        for (int b = 0; b < blocks; b++) {
            for (int t = 0; t < k1; t++) {
                totals[t] += colSums[b][t];
            }
            dev += deviance[b];
            iters += iterations[b];
            bad += notConverged[b];
        }
        double threshold = poorFitThreshold(out, n);
        long poor = flagPoorFits(out, n, threshold, ex);
        double all = 0;
        for (double t : totals) {
            all += t;
        }
        int[] worst = new int[0];
        double[] residual = new double[0];
        double[][] ranked = worstGenes(prof, totals, geneTotals);
        worst = new int[ranked.length];
        residual = new double[ranked.length];
        for (int r = 0; r < ranked.length; r++) {
            worst[r] = (int) ranked[r][0];
            residual[r] = ranked[r][1];
        }
        return new Summary(alphaUsed, cellUnits, bg, all > 0 ? totals[k] / all : 0,
                (double) iters / Math.max(1, 2 * n),
                new double[] {(double) iters1 / Math.max(1, spots), (double) (iters - iters1) / Math.max(1, spots)},
                bad, threshold, poor, worst, residual, dev, withoutCounts);
    }

    /** Sweep 2's tolerance for a spot of {@code total} counts on the model genes ({@link #TOL_SWEEP2}). */
    static double sweep2Tolerance(double total) {
        return Math.min(TOL_SWEEP2, Math.max(TOL, NOISE_SHARE / Math.sqrt(total)));
    }

    /** The start of a spot's fit: its total on the model genes spread evenly over the K types, the background 0. */
    static void uniformStart(int k, double total, double[] b) {
        Arrays.fill(b, 0, k, total / k);
        b[k] = 0;
    }

    /**
     * The prior's pseudo-counts y'_k = α π̄_k from the neighbours' mean composition {@code pseudo} (in place), those
     * below {@link #PSEUDO_MIN} observed as 0 (docs/algorithm.md §29.5).
     */
    static void pseudoCounts(double alpha, int comps, double[] pseudo) {
        for (int t = 0; t < comps; t++) {
            double v = alpha * pseudo[t];
            pseudo[t] = v < PSEUDO_MIN ? 0 : v;
        }
    }

    /** The mean composition of spot i's neighbours with a fit, into {@code out}; false if it has none. */
    static boolean neighbourMean(SpatialGraph g, MemorySegment prev, long i, int k1, double[] out) {
        return neighbourMean(g, prev, i, k1, out, new double[k1]);
    }

    /** {@link #neighbourMean(SpatialGraph, MemorySegment, long, int, double[])} with a scratch of k1 values. */
    static boolean neighbourMean(SpatialGraph g, MemorySegment prev, long i, int k1, double[] out, double[] row) {
        Arrays.fill(out, 0);
        int used = 0;
        for (long e = g.rowStart(i); e < g.rowStart(i + 1); e++) {
            long j = g.neighbor(e);
            MemorySegment.copy(prev, Layouts.F64, j * k1 * Double.BYTES, row, 0, k1);
            double sum = 0;
            for (int t = 0; t < k1; t++) {
                sum += row[t];
            }
            if (sum > 0) {
                for (int t = 0; t < k1; t++) {
                    out[t] += row[t] / sum;
                }
                used++;
            }
        }
        if (used == 0) {
            return false;
        }
        for (int t = 0; t < k1; t++) {
            out[t] /= used;
        }
        return true;
    }

    private static void quality(ModelRow row, double[] means, int k, double[] b, int comps, double[] logMu,
                                double[] q) {
        double fitted = 0;
        for (int t = 0; t < comps; t++) {
            fitted += b[t];
        }
        Deviance.ofMeans(row, means, fitted, logMu, q);
        double d = q[0];
        double dNull = q[1];
        double entropy = 0;
        for (int t = 0; t < comps; t++) {
            double p = fitted > 0 ? b[t] / fitted : 0;
            entropy -= p > 0 ? p * Math.log(p) : 0;
        }
        q[0] = d;
        q[1] = d / row.total;
        q[2] = dNull > 0 ? d / dNull : 0;
        q[3] = fitted > 0 ? b[k] / fitted : 0;
        q[4] = entropy;
    }

    private static void write(Outputs out, long i, int k, double[] b, boolean none, boolean cells, double[] sizes,
                              double[] q, double[] fractions) {
        double known = 0;
        double denominator = 0;
        double meanSize = 0;
        for (int t = 0; t < k; t++) {
            known += b[t];
            denominator += cells ? b[t] / sizes[t] : b[t];
            meanSize += sizes[t] / k;
        }
        denominator += cells ? b[k] / meanSize : b[k];
        SpotStatus status = none ? SpotStatus.NO_COUNTS : known > 0 ? SpotStatus.OK : SpotStatus.NO_FIT;
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            double v = status != SpotStatus.OK ? Double.NaN : (cells ? b[t] / sizes[t] : b[t]) / denominator;
            fractions[t] = v;
            if (v > bestValue) {
                bestValue = v;
                best = t;
            }
        }
        long at = i * k * Double.BYTES;
        MemorySegment.copy(b, 0, out.beta(), Layouts.F64, at, k);
        MemorySegment.copy(fractions, 0, out.proportions(), Layouts.F64, at, k);
        out.background().setAtIndex(Layouts.F64, i, b[k]);
        out.dominant().setAtIndex(Layouts.I32, i, status != SpotStatus.OK ? -1 : best);
        out.status().set(ValueLayout.JAVA_BYTE, i, (byte) status.ordinal());
        MemorySegment.copy(q, 0, out.quality(), Layouts.F64, i * q.length * Double.BYTES, q.length);
    }

    /** median + {@link #POOR_FIT_MADS} · 1.4826 · MAD of the deviance per count, on a fixed sample of spots. */
    private static double poorFitThreshold(Outputs out, long n) {
        int cols = QUALITY.size();
        long step = Math.max(1, (n + THRESHOLD_SAMPLE - 1) / THRESHOLD_SAMPLE);
        double[] v = new double[(int) ((n + step - 1) / step)];
        int m = 0;
        for (long i = 0; i < n; i += step) {
            double d = out.quality().getAtIndex(Layouts.F64, i * cols + 1);
            if (!Double.isNaN(d)) {
                v[m++] = d;
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        double median = select(v, m, m / 2);
        for (int j = 0; j < m; j++) {
            v[j] = Math.abs(v[j] - median);
        }
        return median + POOR_FIT_MADS * 1.4826 * select(v, m, m / 2);
    }

    /**
     * The element of rank {@code r} (0-based) of {@code a[0, m)}, which contains no NaN, reordering it: the value
     * {@code a[r]} would hold after sorting (Hoare's selection, median-of-three pivots; a sort of 200 000 values twice
     * cost about 0.07 s CPU at 1M spots).
     */
    static double select(double[] a, int m, int r) {
        int lo = 0;
        int hi = m - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double p = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (r <= j) {
                hi = j;
            } else if (r >= i) {
                lo = i;
            } else {
                return a[r];
            }
        }
        return a[r];
    }

    private static long flagPoorFits(Outputs out, long n, double threshold, BlockExecutor ex) {
        int cols = QUALITY.size();
        long[] counts = new long[BlockExecutor.blockCount(n, BLOCK)];
        ex.forEachBlock(n, BLOCK, (block, s, e) -> {
            for (long i = s; i < e; i++) {
                double d = out.quality().getAtIndex(Layouts.F64, i * cols + 1);
                boolean poor = d > threshold;
                out.poorFit().set(ValueLayout.JAVA_BYTE, i, (byte) (poor ? 1 : 0));
                counts[block] += poor ? 1 : 0;
            }
        });
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** The model genes by aggregate Pearson residual (Y_g − M_g)/√M_g, largest first: {gene, residual} rows. */
    private static double[][] worstGenes(CountProfiles prof, double[] totals, double[] geneTotals) {
        int p = prof.size();
        int k1 = prof.stride();
        double[][] r = new double[p][];
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (int t = 0; t < k1; t++) {
                m += totals[t] * prof.rows()[j * k1 + t];
            }
            double y = geneTotals[prof.genes()[j]];
            r[j] = new double[] {prof.genes()[j], m > 0 ? (y - m) / Math.sqrt(m) : 0};
        }
        Arrays.sort(r, (a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
        return Arrays.copyOf(r, Math.min(WORST_GENES, p));
    }

    private static boolean flagged(MemorySegment flags, long spot) {
        return flags.get(ValueLayout.JAVA_BYTE, spot) != 0;
    }
}
