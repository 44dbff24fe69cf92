package org.flashdeconv.engine;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;

/**
 * Entry points of the engine: {@code fit} = {@link #prepare prepare} + {@link PreparedProblem#solve solve}.
 *
 * <p>Two input forms. The streaming form takes a {@link CsrView} (typically over a memory-mapped store),
 * signatures and a {@link CoordsView}; the counts are read in two passes and never copied, so the memory beyond
 * the input is O(N·K) plus the graph. The in-memory form takes small heap arrays (a dense spots x genes matrix
 * or {@link CsrArrays}, signatures, coordinates as {@code double[spot][column]}), copies them off-heap for the
 * duration of {@code prepare} and releases the copies before returning.
 *
 * <p>Validation (spec §2.2, in order): shapes, "gene dimension mismatch", "spot count mismatch", at least one
 * spot and one cell type, signature values finite and ≥ 0, coordinates finite, the number of cell-type names.
 * Count values (finite, ≥ 0) are checked during the first pass over the counts. All failures are
 * {@link IllegalArgumentException}s naming the input; an all-zero signature row is only a warning
 * ({@link FitResult#warnings()}).
 */
public final class FlashDeconv {

    private FlashDeconv() {
    }

    /**
     * Prepares a problem from a streaming CSR view.
     *
     * @param counts        spots x genes counts (a view; must stay open while this method runs)
     * @param signatures    K x G reference signatures, genes aligned with the counts
     * @param coords        N x D coordinates
     * @param cellTypeNames K names, or null for {@code CellType_<k>}
     * @param options       parameters
     * @param progress      progress listener
     * @return the prepared problem; close it
     * @throws IllegalArgumentException if an input fails validation or no gene is selected
     */
    public static PreparedProblem prepare(CsrView counts, double[][] signatures, CoordsView coords,
                                          List<String> cellTypeNames, FlashDeconvOptions options,
                                          Progress progress) {
        return prepare(counts, signatures, coords, cellTypeNames, options, progress, null);
    }

    /**
     * Prepares a problem from a streaming CSR view whose per-gene statistics are already known (a cache of an
     * earlier {@link PreparedProblem#geneStats()} on the same counts and column map): the first pass over the
     * counts is skipped. The statistics are trusted to belong to these counts; only their shape is checked.
     *
     * @param knownStats the statistics of {@code counts}, or null to compute them
     * @return the prepared problem; close it
     * @throws IllegalArgumentException if an input fails validation, no gene is selected, or knownStats does not
     *                                  have the shape of {@code counts}
     */
    public static PreparedProblem prepare(CsrView counts, double[][] signatures, CoordsView coords,
                                          List<String> cellTypeNames, FlashDeconvOptions options,
                                          Progress progress, GeneStats knownStats) {
        List<String> warnings = new ArrayList<>(Inputs.validate(counts, signatures, coords, cellTypeNames, options));
        if (knownStats != null && (knownStats.spots() != counts.rows() || knownStats.genes() != counts.cols())) {
            throw new IllegalArgumentException("known gene statistics describe " + knownStats.spots() + " x "
                    + knownStats.genes() + " counts, but the counts are " + counts.rows() + " x " + counts.cols());
        }
        return PreparedProblem.prepare(counts, signatures, coords, cellTypeNames, warnings, options, progress,
                knownStats);
    }

    /**
     * Prepares a problem from small in-memory CSR counts.
     *
     * @param counts        spots x genes counts
     * @param signatures    K x G reference signatures
     * @param coords        coordinates [spot][column], at least one column
     * @param cellTypeNames K names, or null
     * @param options       parameters
     * @return the prepared problem; close it
     * @throws IllegalArgumentException if an input fails validation or no gene is selected
     */
    public static PreparedProblem prepare(CsrArrays counts, double[][] signatures, double[][] coords,
                                          List<String> cellTypeNames, FlashDeconvOptions options) {
        Inputs.requireRectangular(signatures, "signatures");
        try (Arena input = Arena.ofShared()) {
            CsrView y = Inputs.toView(counts, input);
            CoordsView c = Inputs.toView(coords, input);
            return prepare(y, signatures, c, cellTypeNames, options, Progress.NONE);
        }
    }

    /**
     * Prepares a problem from small dense counts.
     *
     * @param counts        counts [spot][gene]
     * @param signatures    K x G reference signatures
     * @param coords        coordinates [spot][column], at least one column
     * @param cellTypeNames K names, or null
     * @param options       parameters
     * @return the prepared problem; close it
     * @throws IllegalArgumentException if an input fails validation or no gene is selected
     */
    public static PreparedProblem prepare(double[][] counts, double[][] signatures, double[][] coords,
                                          List<String> cellTypeNames, FlashDeconvOptions options) {
        return prepare(Inputs.fromDense(counts), signatures, coords, cellTypeNames, options);
    }

    /**
     * Fits one λ from a streaming CSR view (see {@link #prepare(CsrView, double[][], CoordsView, List,
     * FlashDeconvOptions, Progress)}).
     *
     * @return the result; close it
     * @throws IllegalArgumentException if an input fails validation, no gene is selected, or the options hold
     *                                  several λ values (use {@link PreparedProblem#solveAll()})
     */
    public static FitResult fit(CsrView counts, double[][] signatures, CoordsView coords,
                                List<String> cellTypeNames, FlashDeconvOptions options, Progress progress) {
        LambdaSpec lambda = single(options);
        try (PreparedProblem p = prepare(counts, signatures, coords, cellTypeNames, options, progress)) {
            return p.solve(lambda, null);
        }
    }

    /**
     * Fits one λ from small in-memory CSR counts.
     *
     * @return the result; close it
     * @throws IllegalArgumentException if an input fails validation, no gene is selected, or the options hold
     *                                  several λ values
     */
    public static FitResult fit(CsrArrays counts, double[][] signatures, double[][] coords,
                                List<String> cellTypeNames, FlashDeconvOptions options) {
        LambdaSpec lambda = single(options);
        try (PreparedProblem p = prepare(counts, signatures, coords, cellTypeNames, options)) {
            return p.solve(lambda, null);
        }
    }

    /**
     * Fits one λ from small dense counts.
     *
     * @return the result; close it
     * @throws IllegalArgumentException if an input fails validation, no gene is selected, or the options hold
     *                                  several λ values
     */
    public static FitResult fit(double[][] counts, double[][] signatures, double[][] coords,
                                List<String> cellTypeNames, FlashDeconvOptions options) {
        return fit(Inputs.fromDense(counts), signatures, coords, cellTypeNames, options);
    }

    private static LambdaSpec single(FlashDeconvOptions options) {
        if (options.lambdas().size() != 1) {
            throw new IllegalArgumentException("lambda_spatial holds " + options.lambdas().size()
                    + " values; fit solves one, use prepare(...).solveAll()");
        }
        return options.lambdas().get(0);
    }
}
