package org.flashdeconv.engine.represent;

/**
 * What the solver needs besides H: the represented reference and its Gram matrix (docs/algorithm.md §6.5), either by
 * expected gene weights ({@link Weighted}, §6.2) or by a CountSketch ({@link Sketched}, §6.3); {@link NotFormed} under
 * the count model. Small, on the heap.
 */
public sealed interface Representation {

    /** r, the representation dimension: p for {@link Weighted}, d for {@link Sketched}. */
    int dim();

    /** Xr, K x r. */
    double[][] xr();

    /** Xr·Xrᵀ, K x K. */
    double[][] gram();

    /** p, the number of selected genes the representation maps. */
    int genes();

    /** K, the number of cell types. */
    default int types() {
        return xr().length;
    }

    /**
     * Every selected gene kept, scaled by its weight: Xr = X[:, S]·diag(w).
     *
     * @param xr      Xr, K x p
     * @param gram    Xr·Xrᵀ, K x K
     * @param weights w in S order, p values
     */
    record Weighted(double[][] xr, double[][] gram, double[] weights) implements Representation {
        /**
         * Checks the shapes.
         *
         * @throws IllegalArgumentException if Xr, the Gram matrix and the weights disagree
         */
        public Weighted {
            checkShapes(xr, gram, weights.length);
        }

        @Override
        public int dim() {
            return weights.length;
        }

        @Override
        public int genes() {
            return weights.length;
        }
    }

    /**
     * The selected genes hashed into d buckets: Xr = X[:, S]·Ωᵀ.
     *
     * @param xr     Xr, K x d
     * @param gram   Xr·Xrᵀ, K x K
     * @param sketch the draws and Ω
     */
    record Sketched(double[][] xr, double[][] gram, SketchDraws sketch) implements Representation {
        /**
         * Checks the shapes.
         *
         * @throws IllegalArgumentException if Xr, the Gram matrix and the sketch disagree
         */
        public Sketched {
            checkShapes(xr, gram, sketch.dim());
        }

        @Override
        public int dim() {
            return sketch.dim();
        }

        @Override
        public int genes() {
            return sketch.bucket().length;
        }
    }

    /**
     * None formed: the count model (docs/algorithm.md §29) reads the counts itself, so neither the weights nor a sketch
     * is computed (the {@code expected} weights alone cost about 0.2 s of one core). r = 0, Xr is K x 0, the Gram matrix
     * K x K zeros.
     *
     * @param types K
     * @param genes p
     */
    record NotFormed(int types, int genes) implements Representation {
        @Override
        public int dim() {
            return 0;
        }

        @Override
        public double[][] xr() {
            return new double[types][0];
        }

        @Override
        public double[][] gram() {
            return new double[types][types];
        }
    }

    private static void checkShapes(double[][] xr, double[][] gram, int dim) {
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
    }
}
