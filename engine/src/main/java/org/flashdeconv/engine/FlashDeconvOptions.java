package org.flashdeconv.engine;

import java.util.List;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.flashdeconv.engine.represent.GeneWeighting;
import org.flashdeconv.engine.represent.Preprocess;
import org.flashdeconv.engine.solver.SolverType;

/**
 * Every parameter of spec §1, immutable, with the spec's defaults; build with {@link #builder()}. Validated
 * once by {@link Builder#build()} (spec §2.1); a built instance is always valid.
 *
 * <p>Beyond the spec: several λ values (solved in order, each warm-started from the previous one), the
 * thread count, and the solver.
 */
public final class FlashDeconvOptions {

    /** Largest seed of the MT19937 draws (2³² − 1). */
    public static final long MAX_RANDOM_STATE = 0xFFFF_FFFFL;

    private final int sketchDim;
    private final List<LambdaSpec> lambdas;
    private final double rhoSparsity;
    private final int nHvg;
    private final int nMarkersPerType;
    private final SpatialMethod spatialMethod;
    private final int kNeighbors;
    private final OptionalDouble radius;
    private final int maxIter;
    private final double tol;
    private final Preprocess preprocess;
    private final GeneWeighting geneWeighting;
    private final OptionalLong randomState;
    private final boolean verbose;
    private final int threads;
    private final SolverType solver;

    private FlashDeconvOptions(Builder b) {
        sketchDim = b.sketchDim;
        lambdas = b.lambdas;
        rhoSparsity = b.rhoSparsity;
        nHvg = b.nHvg;
        nMarkersPerType = b.nMarkersPerType;
        spatialMethod = b.spatialMethod;
        kNeighbors = b.kNeighbors;
        radius = b.radius;
        maxIter = b.maxIter;
        tol = b.tol;
        preprocess = b.preprocess;
        geneWeighting = b.geneWeighting;
        randomState = b.randomState;
        verbose = b.verbose;
        threads = b.threads;
        solver = b.solver;
    }

    /** A builder holding the defaults of spec §1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options with every default. */
    public static FlashDeconvOptions defaults() {
        return builder().build();
    }

    /** A builder initialised with these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sketchDim = sketchDim;
        b.lambdas = lambdas;
        b.rhoSparsity = rhoSparsity;
        b.nHvg = nHvg;
        b.nMarkersPerType = nMarkersPerType;
        b.spatialMethod = spatialMethod;
        b.kNeighbors = kNeighbors;
        b.radius = radius;
        b.maxIter = maxIter;
        b.tol = tol;
        b.preprocess = preprocess;
        b.geneWeighting = geneWeighting;
        b.randomState = randomState;
        b.verbose = verbose;
        b.threads = threads;
        b.solver = solver;
        return b;
    }

    /** {@code sketch_dim} d (default 512). */
    public int sketchDim() {
        return sketchDim;
    }

    /** {@code lambda_spatial}: one or more values, solved in this order (default [auto]). */
    public List<LambdaSpec> lambdas() {
        return lambdas;
    }

    /** {@code rho_sparsity}, dimensionless (default 0.01). */
    public double rhoSparsity() {
        return rhoSparsity;
    }

    /** {@code n_hvg} (default 2000). */
    public int nHvg() {
        return nHvg;
    }

    /** {@code n_markers_per_type} (default 50). */
    public int nMarkersPerType() {
        return nMarkersPerType;
    }

    /** {@code spatial_method} (default KNN). */
    public SpatialMethod spatialMethod() {
        return spatialMethod;
    }

    /** {@code k_neighbors} for KNN (default 6). */
    public int kNeighbors() {
        return kNeighbors;
    }

    /** {@code radius}, required for RADIUS, ignored otherwise (default none). */
    public OptionalDouble radius() {
        return radius;
    }

    /** {@code max_iter} (default 1000). */
    public int maxIter() {
        return maxIter;
    }

    /** {@code tol} (default 1e-4). */
    public double tol() {
        return tol;
    }

    /** {@code preprocess} (default LOG_CPM). */
    public Preprocess preprocess() {
        return preprocess;
    }

    /** {@code gene_weighting} (default EXPECTED). */
    public GeneWeighting geneWeighting() {
        return geneWeighting;
    }

    /** {@code random_state}: the MT19937 seed, or empty for non-reproducible draws (default 0). */
    public OptionalLong randomState() {
        return randomState;
    }

    /** {@code verbose}: record the objective every 10 sweeps (default false). */
    public boolean verbose() {
        return verbose;
    }

    /** Worker threads (default: all available processors); results do not depend on it. */
    public int threads() {
        return threads;
    }

    /** The solver (default BLOCK, the faster one; REFERENCE is the spec's BCD bit for bit). */
    public SolverType solver() {
        return solver;
    }

    @Override
    public String toString() {
        return "FlashDeconvOptions[sketch_dim=" + sketchDim + ", lambda_spatial=" + lambdas + ", rho_sparsity="
                + rhoSparsity + ", n_hvg=" + nHvg + ", n_markers_per_type=" + nMarkersPerType
                + ", spatial_method=" + spatialMethod + ", k_neighbors=" + kNeighbors + ", radius="
                + (radius.isPresent() ? radius.getAsDouble() : "none") + ", max_iter=" + maxIter + ", tol=" + tol
                + ", preprocess=" + preprocess + ", gene_weighting=" + geneWeighting + ", random_state="
                + (randomState.isPresent() ? randomState.getAsLong() : "none") + ", verbose=" + verbose
                + ", threads=" + threads + ", solver=" + solver + "]";
    }

    /** Mutable builder; {@link #build()} validates (spec §2.1). */
    public static final class Builder {
        private int sketchDim = 512;
        private List<LambdaSpec> lambdas = List.of(LambdaSpec.AUTO);
        private double rhoSparsity = 0.01;
        private int nHvg = 2000;
        private int nMarkersPerType = 50;
        private SpatialMethod spatialMethod = SpatialMethod.KNN;
        private int kNeighbors = 6;
        private OptionalDouble radius = OptionalDouble.empty();
        private int maxIter = 1000;
        private double tol = 1e-4;
        private Preprocess preprocess = Preprocess.LOG_CPM;
        private GeneWeighting geneWeighting = GeneWeighting.EXPECTED;
        private OptionalLong randomState = OptionalLong.of(0);
        private boolean verbose;
        private int threads = Runtime.getRuntime().availableProcessors();
        private SolverType solver = SolverType.BLOCK;
        /** A numeric λ given to {@link #lambda(double)}, validated at build (then lambdas is null). */
        private double pendingLambda;

        private Builder() {
        }

        /** Sets {@code sketch_dim}. */
        public Builder sketchDim(int value) {
            sketchDim = value;
            return this;
        }

        /** Sets {@code lambda_spatial} to the automatic rule. */
        public Builder lambdaAuto() {
            lambdas = List.of(LambdaSpec.AUTO);
            return this;
        }

        /** Sets {@code lambda_spatial} to one number (validated at build). */
        public Builder lambda(double value) {
            lambdas = null;
            pendingLambda = value;
            return this;
        }

        /** Sets {@code lambda_spatial} to one or more values, solved in this order. */
        public Builder lambdas(List<LambdaSpec> values) {
            lambdas = List.copyOf(values);
            return this;
        }

        /** Sets {@code rho_sparsity}. */
        public Builder rhoSparsity(double value) {
            rhoSparsity = value;
            return this;
        }

        /** Sets {@code n_hvg}. */
        public Builder nHvg(int value) {
            nHvg = value;
            return this;
        }

        /** Sets {@code n_markers_per_type}. */
        public Builder nMarkersPerType(int value) {
            nMarkersPerType = value;
            return this;
        }

        /** Sets {@code spatial_method}. */
        public Builder spatialMethod(SpatialMethod value) {
            spatialMethod = value;
            return this;
        }

        /** Sets {@code k_neighbors}. */
        public Builder kNeighbors(int value) {
            kNeighbors = value;
            return this;
        }

        /** Sets {@code radius}. */
        public Builder radius(double value) {
            radius = OptionalDouble.of(value);
            return this;
        }

        /** Clears {@code radius} (none). */
        public Builder noRadius() {
            radius = OptionalDouble.empty();
            return this;
        }

        /** Sets {@code max_iter}. */
        public Builder maxIter(int value) {
            maxIter = value;
            return this;
        }

        /** Sets {@code tol}. */
        public Builder tol(double value) {
            tol = value;
            return this;
        }

        /** Sets {@code preprocess}. */
        public Builder preprocess(Preprocess value) {
            preprocess = value;
            return this;
        }

        /** Sets {@code gene_weighting}. */
        public Builder geneWeighting(GeneWeighting value) {
            geneWeighting = value;
            return this;
        }

        /** Sets {@code random_state}. */
        public Builder randomState(long value) {
            randomState = OptionalLong.of(value);
            return this;
        }

        /** Sets {@code random_state} to none (non-reproducible draws). */
        public Builder randomStateNone() {
            randomState = OptionalLong.empty();
            return this;
        }

        /** Sets {@code verbose}. */
        public Builder verbose(boolean value) {
            verbose = value;
            return this;
        }

        /** Sets the number of worker threads. */
        public Builder threads(int value) {
            threads = value;
            return this;
        }

        /** Sets the solver. */
        public Builder solver(SolverType value) {
            solver = value;
            return this;
        }

        /**
         * Validates (spec §2.1, in its order) and builds.
         *
         * @throws IllegalArgumentException naming the first invalid parameter
         */
        public FlashDeconvOptions build() {
            if (sketchDim <= 0) {
                throw bad("sketch_dim must be an integer >= 1, found " + sketchDim);
            }
            if (kNeighbors < 0) {
                throw bad("k_neighbors must be >= 0, found " + kNeighbors);
            }
            if (maxIter < 0) {
                throw bad("max_iter must be >= 0, found " + maxIter);
            }
            if (!(tol > 0) || Double.isInfinite(tol)) {
                throw bad("tol must be a finite number > 0, found " + tol);
            }
            if (lambdas == null) {
                lambdas = List.of(LambdaSpec.of(pendingLambda));
            }
            if (lambdas.isEmpty()) {
                throw bad("lambda_spatial needs at least one value ('auto' or a number >= 0)");
            }
            if (!(rhoSparsity >= 0) || Double.isInfinite(rhoSparsity)) {
                throw bad("rho_sparsity must be a finite number >= 0, found " + rhoSparsity);
            }
            if (nHvg < 0) {
                throw bad("n_hvg must be >= 0, found " + nHvg);
            }
            if (nMarkersPerType < 0) {
                throw bad("n_markers_per_type must be >= 0, found " + nMarkersPerType);
            }
            if (spatialMethod == null) {
                throw bad("spatial_method must be one of knn, radius, grid, found null");
            }
            if (spatialMethod == SpatialMethod.RADIUS && radius.isEmpty()) {
                throw bad("radius is required when spatial_method is radius");
            }
            if (radius.isPresent() && (!(radius.getAsDouble() > 0) || Double.isInfinite(radius.getAsDouble()))) {
                throw bad("radius must be a finite number > 0, found " + radius.getAsDouble());
            }
            if (preprocess == null) {
                throw bad("preprocess must be one of log_cpm, pearson, raw, found null");
            }
            if (geneWeighting == null) {
                throw bad("gene_weighting must be one of expected, countsketch, found null");
            }
            if (geneWeighting == GeneWeighting.COUNTSKETCH && randomState.isPresent()
                    && (randomState.getAsLong() < 0 || randomState.getAsLong() > MAX_RANDOM_STATE)) {
                throw bad("random_state must be in [0, 4294967295] with gene_weighting countsketch, found "
                        + randomState.getAsLong());
            }
            if (threads < 1) {
                throw bad("threads must be >= 1, found " + threads);
            }
            if (solver == null) {
                throw bad("solver must be one of " + Arrays.toString(SolverType.values()) + ", found null");
            }
            return new FlashDeconvOptions(this);
        }

        private static IllegalArgumentException bad(String message) {
            return new IllegalArgumentException(message);
        }
    }
}
