package org.flashdeconv.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;

/**
 * What {@link FlashDeconv#prepare(FitInput, FlashDeconvOptions, Progress)} works on: the spatial counts as a
 * streaming view, the reference signatures on the same genes, the spot coordinates, and optionally the cell-type
 * names and the per-gene statistics of the counts already known from an earlier run.
 *
 * <p>The views are the caller's and must stay open while {@code prepare} runs; nothing is copied.
 *
 * @param counts        spots x genes counts (N x G)
 * @param signatures    K x G reference signatures, genes aligned with the counts
 * @param coordinates   N x D coordinates
 * @param cellTypeNames K names, or empty for {@code CellType_<k>}
 * @param knownStats    the per-gene statistics of exactly these counts and column map (pass 1, for example read
 *                      from a store that holds them), or empty to compute them; trusted, only their shape is checked
 */
@SuppressWarnings("exports") // GeneStats is exported to io only, which reads it from a store
public record FitInput(CsrView counts, double[][] signatures, CoordsView coordinates, List<String> cellTypeNames,
                       Optional<GeneStats> knownStats) {

    /**
     * Copies the name list.
     *
     * @throws NullPointerException if a component is null
     */
    public FitInput {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(coordinates, "coordinates");
        cellTypeNames = List.copyOf(cellTypeNames);
        Objects.requireNonNull(knownStats, "knownStats");
    }

    /** Counts, signatures and coordinates; unnamed types, statistics computed. */
    public static FitInput of(CsrView counts, double[][] signatures, CoordsView coordinates) {
        return new FitInput(counts, signatures, coordinates, List.of(), Optional.empty());
    }

    /** The same input with these cell-type names (K of them). */
    public FitInput withCellTypeNames(List<String> names) {
        return new FitInput(counts, signatures, coordinates, names, knownStats);
    }

    /** The same input with the per-gene statistics of the counts already known (pass 1 is skipped). */
    public FitInput withKnownStats(GeneStats stats) {
        return new FitInput(counts, signatures, coordinates, cellTypeNames, Optional.of(stats));
    }

    /** The names, or null when none were given (the validation's and the default names' convention). */
    List<String> namesOrNull() {
        return cellTypeNames.isEmpty() ? null : cellTypeNames;
    }
}
