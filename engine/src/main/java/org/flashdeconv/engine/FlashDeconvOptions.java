package org.flashdeconv.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Every parameter of docs/algorithm.md §1, with the spec's defaults; build with {@link #builder()}. The canonical
 * constructor validates (docs/algorithm.md §2.1, in its order), so an instance is always valid.
 *
 * <p>Beyond the spec: several λ values (solved in order, each warm-started from the previous one; multiples of
 * the automatic value), the thread count, and the solver.
 *
 * <p>Adding a parameter: a component here, its default and setter in {@link Builder}, its check in the
 * constructor and its entry in {@link #parameters()} (which the summary, the AnnData export and
 * {@link #toString()} print), all in this file.
 *
 * @param sketchDim       {@code sketch_dim} d (default 512)
 * @param lambdas         {@code lambda_spatial}: one or more values, solved in this order (default [auto])
 * @param rhoSparsity     {@code rho_sparsity}, dimensionless (default 0.01)
 * @param nHvg            {@code n_hvg} (default 2000)
 * @param nMarkersPerType {@code n_markers_per_type} (default 50)
 * @param spatialMethod   {@code spatial_method} (default KNN)
 * @param kNeighbors      {@code k_neighbors} for KNN (default 6)
 * @param radius          {@code radius}, required for RADIUS, ignored otherwise (default none)
 * @param maxIter         {@code max_iter} (default 1000)
 * @param tol             {@code tol} (default 1e-4)
 * @param preprocess      {@code preprocess} (default LOG_CPM)
 * @param geneWeighting   {@code gene_weighting} (default EXPECTED)
 * @param randomState     {@code random_state}: the MT19937 seed, or empty for non-reproducible draws (default 0)
 * @param verbose         {@code verbose}: record the objective every 10 sweeps (default false)
 * @param threads         worker threads (default: all available processors); results do not depend on it
 * @param solver          the solver (default BLOCK, the faster one; REFERENCE is the spec's BCD bit for bit)
 * @param model           the model (default FLASHDECONV; COUNTS is docs/algorithm.md §29, where λ means the prior's α)
 * @param units           what the COUNTS model's proportions are fractions of (default MOLECULES; CELLS needs
 *                        per-cell mean signatures and the COUNTS model)
 */
public record FlashDeconvOptions(int sketchDim, List<LambdaSpec> lambdas, double rhoSparsity, int nHvg,
                                 int nMarkersPerType, SpatialMethod spatialMethod, int kNeighbors,
                                 OptionalDouble radius, int maxIter, double tol, Preprocess preprocess,
                                 GeneWeighting geneWeighting, OptionalLong randomState, boolean verbose,
                                 int threads, SolverType solver, Model model, Units units) {

    /** Largest seed of the MT19937 draws (2³² − 1). */
    public static final long MAX_RANDOM_STATE = 0xFFFF_FFFFL;

    /**
     * Validates (docs/algorithm.md §2.1, in its order).
     *
     * @throws IllegalArgumentException naming the first invalid parameter
     */
    public FlashDeconvOptions {
        checkBeforeLambda(sketchDim, kNeighbors, maxIter, tol);
        if (lambdas == null || lambdas.isEmpty()) {
            throw bad("lambda_spatial needs at least one value ('auto' or a number >= 0)");
        }
        lambdas = List.copyOf(lambdas);
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
        if (radius == null) {
            radius = OptionalDouble.empty();
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
        if (randomState == null) {
            randomState = OptionalLong.empty();
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
        if (model == null) {
            throw bad("model must be one of flashdeconv, counts, found null");
        }
        if (units == null) {
            throw bad("units must be one of molecules, cells, found null");
        }
        if (units == Units.CELLS && model != Model.COUNTS) {
            throw bad("units cells needs model counts (the flashdeconv model estimates molecule fractions)");
        }
    }

    /** The checks docs/algorithm.md §2.1 makes before lambda_spatial (so a numeric λ given to the builder is checked in
     * order). */
    private static void checkBeforeLambda(int sketchDim, int kNeighbors, int maxIter, double tol) {
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
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }

    /** A builder holding the defaults of docs/algorithm.md §1. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options with every default. */
    public static FlashDeconvOptions defaults() {
        return builder().build();
    }

    /** A builder initialised with these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Every parameter by its specification name, in spec order: values are {@link String}, {@link Number},
     * {@link Boolean}, null (radius or random_state none) or, for {@code lambda_spatial}, a list of numbers and
     * texts ({@code "auto"}, {@code "auto*3"}).
     */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sketch_dim", sketchDim);
        p.put("lambda_spatial", lambdas.stream().map(LambdaSpec::jsonValue).toList());
        p.put("rho_sparsity", rhoSparsity);
        p.put("n_hvg", nHvg);
        p.put("n_markers_per_type", nMarkersPerType);
        p.put("spatial_method", id(spatialMethod));
        p.put("k_neighbors", kNeighbors);
        p.put("radius", radius.isPresent() ? radius.getAsDouble() : null);
        p.put("max_iter", maxIter);
        p.put("tol", tol);
        p.put("preprocess", preprocess.id());
        p.put("gene_weighting", geneWeighting.id());
        p.put("random_state", randomState.isPresent() ? randomState.getAsLong() : null);
        p.put("verbose", verbose);
        p.put("solver", id(solver));
        p.put("threads", threads);
        p.put("model", model.id());
        p.put("units", units.id());
        return p;
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "FlashDeconvOptions" + parameters();
    }

    /** Mutable builder; {@link #build()} validates (docs/algorithm.md §2.1). */
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
        private Model model = Model.FLASHDECONV;
        private Units units = Units.MOLECULES;
        /** A numeric λ given to {@link #lambda(double)}, validated at build in spec order (then lambdas is null). */
        private double pendingLambda;

        private Builder() {
        }

        private Builder(FlashDeconvOptions o) {
            sketchDim = o.sketchDim;
            lambdas = o.lambdas;
            rhoSparsity = o.rhoSparsity;
            nHvg = o.nHvg;
            nMarkersPerType = o.nMarkersPerType;
            spatialMethod = o.spatialMethod;
            kNeighbors = o.kNeighbors;
            radius = o.radius;
            maxIter = o.maxIter;
            tol = o.tol;
            preprocess = o.preprocess;
            geneWeighting = o.geneWeighting;
            randomState = o.randomState;
            verbose = o.verbose;
            threads = o.threads;
            solver = o.solver;
            model = o.model;
            units = o.units;
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

        /** Sets the model. */
        public Builder model(Model value) {
            model = value;
            return this;
        }

        /** Sets the units of the COUNTS model's proportions. */
        public Builder units(Units value) {
            units = value;
            return this;
        }

        /**
         * Validates (docs/algorithm.md §2.1, in its order) and builds.
         *
         * @throws IllegalArgumentException naming the first invalid parameter
         */
        public FlashDeconvOptions build() {
            List<LambdaSpec> l = lambdas;
            if (l == null) {
                checkBeforeLambda(sketchDim, kNeighbors, maxIter, tol);
                l = List.of(LambdaSpec.of(pendingLambda));
            }
            return new FlashDeconvOptions(sketchDim, l, rhoSparsity, nHvg, nMarkersPerType, spatialMethod,
                    kNeighbors, radius, maxIter, tol, preprocess, geneWeighting, randomState, verbose, threads,
                    solver, model, units);
        }
    }
}
