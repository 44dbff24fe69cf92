package org.flashdeconv.engine.genes;

/**
 * The genes the fit uses (docs/algorithm.md §4): highly variable genes of the spatial counts, markers of the reference,
 * their union S and the ridge leverage of the raw reference on S.
 *
 * @param hvg      HVG indices (§4.1), ascending
 * @param markers  marker indices (§4.2), ascending
 * @param selected S, the sorted union (§4.3); p = its length, at least 1
 * @param leverage lev_g for every gene of S, in S order (§4.4)
 */
public record GeneSelection(int[] hvg, int[] markers, int[] selected, double[] leverage) {

    /**
     * Checks that the leverage matches the selection.
     *
     * @throws IllegalArgumentException if leverage and selected differ in length
     */
    public GeneSelection {
        if (leverage.length != selected.length) {
            throw new IllegalArgumentException("gene selection: " + selected.length + " genes but "
                    + leverage.length + " leverage scores");
        }
    }

    /**
     * Selects the genes from the raw counts' statistics and the raw reference.
     *
     * @param stats            statistics of the raw spatial counts (N x G)
     * @param x                raw signatures, K x G, same gene order as the counts
     * @param nHvg             n_hvg
     * @param nMarkersPerType  n_markers_per_type
     * @return the selection
     * @throws IllegalArgumentException if K = 0, the reference's gene count differs from the counts', a
     *                                  reference value is NaN, infinite or negative, nHvg or nMarkersPerType is
     *                                  negative, or no gene is selected ("no genes selected; increase n_hvg or
     *                                  n_markers_per_type")
     */
    public static GeneSelection select(GeneStats stats, double[][] x, int nHvg, int nMarkersPerType) {
        checkReference(x, stats.genes());
        int[] hvg = HvgSelector.select(stats, nHvg);
        int[] markers = MarkerSelector.select(x, nMarkersPerType);
        boolean[] union = new boolean[stats.genes()];
        for (int g : hvg) {
            union[g] = true;
        }
        for (int g : markers) {
            union[g] = true;
        }
        int[] selected = MarkerSelector.indicesOf(union);
        if (selected.length == 0) {
            throw new IllegalArgumentException("no genes selected; increase n_hvg or n_markers_per_type");
        }
        return new GeneSelection(hvg, markers, selected, Leverage.ridgeLeverage(x, selected));
    }

    /** p, the number of selected genes. */
    public int size() {
        return selected.length;
    }

    private static void checkReference(double[][] x, int genes) {
        if (x.length == 0) {
            throw new IllegalArgumentException("the reference needs at least one cell type, found 0");
        }
        for (int k = 0; k < x.length; k++) {
            if (x[k].length != genes) {
                throw new IllegalArgumentException("gene dimension mismatch: reference type " + k + " has "
                        + x[k].length + " genes but the spatial data has " + genes);
            }
            for (int g = 0; g < genes; g++) {
                double v = x[k][g];
                if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("reference: type " + k + " gene " + g + " holds " + v
                            + " (signatures must be finite and >= 0)");
                }
            }
        }
    }
}
