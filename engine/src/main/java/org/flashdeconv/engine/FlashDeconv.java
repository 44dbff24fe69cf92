package org.flashdeconv.engine;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;

/**
 * Entry points of the engine: {@code fit} = {@link #prepare prepare} + {@link PreparedProblem#solve solve}; several
 * λ values: {@code prepare} + {@link PreparedProblem#solveEach solveEach}.
 *
 * <p>Two input forms. The streaming form takes a {@link FitInput}: a {@link CsrView} (typically over a
 * memory-mapped store), signatures and a {@link CoordsView}; the counts are read in two passes and never copied,
 * so the memory beyond the input is O(N·K) plus the graph. The in-memory form takes small heap arrays (a dense spots x
 * genes matrix or {@link CsrArrays}, signatures, coordinates as {@code double[spot][column]}), copies them off-heap for
 * the duration of {@code prepare} and releases the copies before returning.
 *
 * <p>Validation (docs/algorithm.md §2.2, in order): shapes, "gene dimension mismatch", "spot count mismatch", at least
 * one spot and one cell type, signature values finite and ≥ 0, coordinates finite, the number of cell-type names.
 * Count values (finite, ≥ 0) are checked during the first pass over the counts. All failures are
 * {@link IllegalArgumentException}s naming the input; an all-zero signature row is only a warning
 * ({@link FitResult#warnings()}).
 */
public final class FlashDeconv {

    private FlashDeconv() {
    }

    /**
     * Prepares a problem (everything before the solver) from streaming views.
     *
     * @param input    counts, signatures, coordinates, and optionally names and known gene statistics
     * @param options  parameters
     * @param progress progress listener
     * @return the prepared problem; close it
     * @throws IllegalArgumentException if an input fails validation, no gene is selected, or the known statistics
     *                                  do not have the shape of the counts
     */
    public static PreparedProblem prepare(FitInput input, FlashDeconvOptions options, Progress progress) {
        CsrView counts = input.counts();
        List<String> warnings = new ArrayList<>(Inputs.validate(counts, input.signatures(), input.coordinates(),
                input.namesOrNull(), options));
        input.knownStats().ifPresent(known -> {
            if (known.spots() != counts.rows() || known.genes() != counts.cols()) {
                throw new IllegalArgumentException("known gene statistics describe " + known.spots() + " x "
                        + known.genes() + " counts, but the counts are " + counts.rows() + " x " + counts.cols());
            }
        });
        return PreparedProblem.prepare(input, warnings, options, progress);
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
        Arena input = Arena.ofShared();
        boolean keep = false;
        try {
            FitInput in = FitInput.of(Inputs.toView(counts, input), signatures, Inputs.toView(coords, input));
            PreparedProblem p = prepare(cellTypeNames == null ? in : in.withCellTypeNames(cellTypeNames), options,
                    Progress.NONE);
            if (options.model() == Model.COUNTS) {
                p.adoptInput(input); // the count model reads the counts again at every solve
                keep = true;
            }
            return p;
        } finally {
            if (!keep) {
                input.close();
            }
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
     * Fits one λ from streaming views (see {@link #prepare(FitInput, FlashDeconvOptions, Progress)}).
     *
     * @return the result; close it
     * @throws IllegalArgumentException if an input fails validation, no gene is selected, or the options hold
     *                                  several λ values (use {@link PreparedProblem#solveEach})
     */
    public static FitResult fit(FitInput input, FlashDeconvOptions options, Progress progress) {
        LambdaSpec lambda = single(options);
        try (PreparedProblem p = prepare(input, options, progress)) {
            return p.solveThenRelease(lambda);
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
            return p.solveThenRelease(lambda);
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
                    + " values; fit solves one, use prepare(...).solveEach(...)");
        }
        return options.lambdas().get(0);
    }
}
