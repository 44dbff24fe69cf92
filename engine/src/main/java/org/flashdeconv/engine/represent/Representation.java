package org.flashdeconv.engine.represent;

/**
 * What the solver needs besides H: the represented reference and its Gram matrix (ALGORITHM §6.5). Small, on
 * the heap.
 *
 * @param dim     r, the representation dimension: p for {@code expected}, d for {@code countsketch}
 * @param xr      Xr, K x dim
 * @param gram    Xr·Xrᵀ, K x K
 * @param weights w in S order for {@code expected}, else null
 * @param sketch  the draws and Ω for {@code countsketch}, else null
 */
public record Representation(int dim, double[][] xr, double[][] gram, double[] weights, SketchDraws sketch) {

    /**
     * Checks that exactly one of weights and sketch is given and the shapes agree.
     *
     * @throws IllegalArgumentException if the shapes disagree or not exactly one of weights / sketch is set
     */
    public Representation {
        if ((weights == null) == (sketch == null)) {
            throw new IllegalArgumentException("a representation holds either expected weights or a sketch");
        }
        int types = xr.length;
        if (gram.length != types) {
            throw new IllegalArgumentException("representation: Xr has " + types + " rows but the Gram matrix "
                    + gram.length);
        }
        for (int k = 0; k < types; k++) {
            if (xr[k].length != dim || gram[k].length != types) {
                throw new IllegalArgumentException("representation: expected Xr " + types + " x " + dim
                        + " and Gram " + types + " x " + types + ", found row " + k + " of length " + xr[k].length
                        + " and " + gram[k].length);
            }
        }
        if (weights != null ? weights.length != dim : sketch.dim() != dim) {
            throw new IllegalArgumentException("representation: dimension " + dim + " does not match the "
                    + (weights != null ? weights.length + " weights" : "sketch of dimension " + sketch.dim()));
        }
    }

    /** K, the number of cell types. */
    public int types() {
        return xr.length;
    }
}
