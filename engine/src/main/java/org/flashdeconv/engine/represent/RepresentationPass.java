package org.flashdeconv.engine.represent;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.flashdeconv.engine.GeneWeighting;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneSelection;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.genes.MappedRows;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Preprocessing and representation (docs/algorithm.md §5, §6, §14.1): {@link #prepare} builds the represented
 * reference Xr and its Gram matrix; {@link #project} streams the spots once and writes the solver's input
 * H (spot-major, h_i = Xr·yr_i) and ‖Yr‖²_F. Nothing of size spots x genes or spots x sketch_dim exists.
 */
public final class RepresentationPass {

    /** Spots per block of the parallel pass; fixed, so the result does not depend on the thread count. */
    static final int BLOCK_SPOTS = 4096;

    private static final double SCALE = 1e4;
    private static final double THETA = 100;

    private RepresentationPass() {
    }

    /**
     * Preprocesses X[:, S] (§5.1-5.3), represents it (§6.2 weights or §6.3 sketch) and forms Gram = Xr·Xrᵀ.
     *
     * @param x         raw signatures, K x G
     * @param sel       the selected genes and their leverage
     * @param stats     statistics of the spatial counts (their gene count must match x)
     * @param pp        preprocessing
     * @param gw        gene weighting
     * @param sketchDim d (enters the weights for expected; the dimension for countsketch)
     * @param seed      random_state for countsketch, in [0, 2^32 - 1]; ignored for expected
     * @return Xr, Gram and the weights or sketch
     * @throws IllegalArgumentException if x has no rows or a row length differs from the counts' gene count,
     *                                  sketchDim is below 1, or (countsketch) the seed is out of range
     */
    public static Representation prepare(double[][] x, GeneSelection sel, GeneStats stats, Preprocess pp,
                                         GeneWeighting gw, int sketchDim, long seed) {
        if (x.length == 0) {
            throw new IllegalArgumentException("the reference needs at least one cell type, found 0");
        }
        for (double[] r : x) {
            if (r.length != stats.genes()) {
                throw new IllegalArgumentException("gene dimension mismatch: reference has " + r.length
                        + " genes but the spatial data has " + stats.genes());
            }
        }
        double[][] xt = transformReference(x, sel.selected(), pp);
        int types = x.length;
        int p = sel.size();
        double[][] xr;
        Representation rep;
        if (gw == GeneWeighting.EXPECTED) {
            double[] w = ExpectedWeights.compute(sel.leverage(), sketchDim);
            xr = new double[types][p];
            for (int k = 0; k < types; k++) {
                for (int j = 0; j < p; j++) {
                    xr[k][j] = xt[k][j] * w[j];
                }
            }
            rep = new Representation.Weighted(xr, gram(xr), w);
        } else {
            SketchDraws s = SketchDraws.draw(sel.leverage(), sketchDim, seed);
            xr = new double[types][sketchDim];
            for (int k = 0; k < types; k++) {
                for (int j = 0; j < p; j++) {
                    xr[k][s.bucket()[j]] += xt[k][j] * s.value()[j];
                }
            }
            rep = new Representation.Sketched(xr, gram(xr), s);
        }
        return rep;
    }

    /**
     * The second streaming pass over the spatial counts: per spot, preprocess its entries on S (library over S
     * for log_cpm; the gene means of {@code stats.sumRaw()} for pearson), represent them, and write
     * h_i = Xr·yr_i into {@code hOut} at elements {@code [i·K, i·K + K)}. Reports the stage "representation"
     * in spots.
     *
     * @param hOut f64[N·K], written completely
     * @return ‖Yr‖²_F, summed per block and then in block order (the same bits for any thread count)
     * @throws IllegalArgumentException if y's shape differs from the statistics', hOut is too small, or rep
     *                                  does not belong to sel
     */
    public static double project(CsrView y, GeneSelection sel, GeneStats stats, Preprocess pp, Representation rep,
                                 MemorySegment hOut, BlockExecutor ex, Progress progress) {
        return project(y, sel, stats, pp, rep, hOut, null, ex, progress, BLOCK_SPOTS);
    }

    /**
     * {@link #project(CsrView, GeneSelection, GeneStats, Preprocess, Representation, MemorySegment, BlockExecutor,
     * Progress) project}, also flagging the spots without counts on the model genes (no stored non-zero value in a
     * column the view keeps) in {@code noCountsOut}, u8[N]: 1 for such a spot, untouched otherwise. A memory-mapped
     * CSR is released block by block behind the pass ({@link MappedRows}).
     *
     * @param noCountsOut u8[N], or null
     * @return ‖Yr‖²_F
     * @throws IllegalArgumentException as the other form, or if noCountsOut holds fewer than N bytes
     */
    public static double project(CsrView y, GeneSelection sel, GeneStats stats, Preprocess pp, Representation rep,
                                 MemorySegment hOut, MemorySegment noCountsOut, BlockExecutor ex, Progress progress) {
        return project(y, sel, stats, pp, rep, hOut, noCountsOut, ex, progress, BLOCK_SPOTS);
    }

    static double project(CsrView y, GeneSelection sel, GeneStats stats, Preprocess pp, Representation rep,
                          MemorySegment hOut, BlockExecutor ex, Progress progress, int blockSpots) {
        return project(y, sel, stats, pp, rep, hOut, null, ex, progress, blockSpots);
    }

    static double project(CsrView y, GeneSelection sel, GeneStats stats, Preprocess pp, Representation rep,
                          MemorySegment hOut, MemorySegment noCountsOut, BlockExecutor ex, Progress progress,
                          int blockSpots) {
        long spots = y.rows();
        if (noCountsOut != null && noCountsOut.byteSize() < spots) {
            throw new IllegalArgumentException("representation pass: the no-counts flags need " + spots
                    + " bytes, found " + noCountsOut.byteSize());
        }
        int types = rep.types();
        if (spots != stats.spots() || y.cols() != stats.genes()) {
            throw new IllegalArgumentException("representation pass: counts are " + spots + " x " + y.cols()
                    + " but the gene statistics describe " + stats.spots() + " x " + stats.genes());
        }
        long need = Math.multiplyExact(Math.multiplyExact(spots, (long) types), Double.BYTES);
        if (hOut.byteSize() < need) {
            throw new IllegalArgumentException("representation pass: H of " + spots + " x " + types + " needs "
                    + need + " bytes, found " + hOut.byteSize());
        }
        int[] s = sel.selected();
        int p = s.length;
        if (rep.genes() != p) {
            throw new IllegalArgumentException("representation pass: the representation covers " + rep.genes()
                    + " genes but the selection " + p);
        }
        int[] position = new int[stats.genes()];
        Arrays.fill(position, -1);
        for (int j = 0; j < p; j++) {
            position[s[j]] = j;
        }
        int[] storedPosition = storedPositions(y.columnMap(), position);
        double[] sigma = pp == Preprocess.PEARSON ? pearsonScale(stats, s) : null;
        double[] coef = new double[Math.multiplyExact(p, types)];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < types; k++) {
                coef[j * types + k] = switch (rep) {
                    case Representation.Weighted w -> w.xr()[k][j];
                    case Representation.Sketched c -> c.xr()[k][c.sketch().bucket()[j]] * c.sketch().value()[j];
                    case Representation.NotFormed n -> throw new IllegalArgumentException(
                            "representation pass: no representation was formed (count model)");
                };
            }
        }
        double[] blockNorm = new double[BlockExecutor.blockCount(spots, blockSpots)];
        progress.start("representation", spots);
        try {
            ex.forEachBlock(spots, blockSpots, (block, start, end) -> {
                SpotProjector worker = new SpotProjector(pp, types, storedPosition, sigma, coef, rep);
                blockNorm[block] = worker.run(y, start, end, hOut, noCountsOut);
                MappedRows.release(y, start, end);
                progress.advance(end - start);
            });
        } finally {
            progress.end();
        }
        double total = 0;
        for (double b : blockNorm) {
            total += b;
        }
        return total;
    }

    /**
     * Stored column -> model gene (the view's column map, if any) -> position in S; -1 for a kept gene outside S,
     * {@link SpotProjector#LEFT_OUT} for a column the view leaves out.
     */
    private static int[] storedPositions(ColumnMap map, int[] position) {
        if (map == null) {
            return position;
        }
        int[] out = new int[map.storedColumns()];
        for (int c = 0; c < out.length; c++) {
            out[c] = map.get(c) < 0 ? SpotProjector.LEFT_OUT : position[map.get(c)];
        }
        return out;
    }

    /** Xt = the §5 transformation of X[:, S] (K x p). */
    static double[][] transformReference(double[][] x, int[] s, Preprocess pp) {
        int types = x.length;
        int p = s.length;
        double[][] xt = new double[types][p];
        switch (pp) {
            case LOG_CPM -> {
                for (int k = 0; k < types; k++) {
                    double sum = 0;
                    for (int j = 0; j < p; j++) {
                        sum += x[k][s[j]];
                    }
                    double denom = sum + 1e-10;
                    for (int j = 0; j < p; j++) {
                        xt[k][j] = Math.log1p(x[k][s[j]] / denom * SCALE);
                    }
                }
            }
            case PEARSON -> {
                for (int j = 0; j < p; j++) {
                    double sum = 0;
                    for (int k = 0; k < types; k++) {
                        sum += x[k][s[j]];
                    }
                    double sd = sigma(sum / types + 1e-6);
                    for (int k = 0; k < types; k++) {
                        xt[k][j] = x[k][s[j]] / sd;
                    }
                }
            }
            case RAW -> {
                for (int k = 0; k < types; k++) {
                    for (int j = 0; j < p; j++) {
                        xt[k][j] = x[k][s[j]];
                    }
                }
            }
        }
        return xt;
    }

    /** σY per position of S for pearson: from the spot means of the raw counts (§5.2). */
    static double[] pearsonScale(GeneStats stats, int[] s) {
        double n = stats.spots();
        double[] sd = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            sd[j] = sigma(stats.sumRaw()[s[j]] / n + 1e-6);
        }
        return sd;
    }

    private static double sigma(double mean) {
        return Math.sqrt(mean + mean * mean / THETA);
    }

    private static double[][] gram(double[][] xr) {
        int types = xr.length;
        double[][] g = new double[types][types];
        for (int k = 0; k < types; k++) {
            for (int l = k; l < types; l++) {
                double dot = 0;
                for (int j = 0; j < xr[k].length; j++) {
                    dot += xr[k][j] * xr[l][j];
                }
                g[k][l] = dot;
                g[l][k] = dot;
            }
        }
        return g;
    }
}
