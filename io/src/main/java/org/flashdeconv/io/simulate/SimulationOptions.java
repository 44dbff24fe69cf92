package org.flashdeconv.io.simulate;

/**
 * What to simulate: a slide of {@code spots} spots on the {@code profile}'s lattice, {@code genes} genes and
 * {@code types} cell types, all drawn from {@code seed}. {@code threads} only sets how many threads generate
 * counts; the output is identical for every thread count. {@code effects} switches on what real data has
 * ({@link SlideEffects#CLEAN} for none).
 *
 * @param spots   number of spots, at least 1
 * @param genes   number of genes, 1 to {@value #MAX_GENES}
 * @param types   number of cell types, 1 to {@value #MAX_TYPES}
 * @param profile platform lattice and depth
 * @param seed    any value; the same seed gives the same slide
 * @param threads generator threads, at least 1
 * @param effects platform effects, over-dispersion, depth range, missing types, cell sizes, reference cells
 */
public record SimulationOptions(long spots, int genes, int types, Profile profile, long seed, int threads,
                                SlideEffects effects) {

    /** Default number of genes. */
    public static final int DEFAULT_GENES = 18000;
    /** Default number of cell types. */
    public static final int DEFAULT_TYPES = 12;
    /** Largest supported number of genes (the sampler packs gene indices into 20 bits). */
    public static final int MAX_GENES = 1 << 20;
    /** Largest supported number of cell types. */
    public static final int MAX_TYPES = 64;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException naming the first option out of range
     */
    public SimulationOptions {
        if (spots < 1) {
            throw new IllegalArgumentException("spots must be >= 1, found " + spots);
        }
        if (genes < 1 || genes > MAX_GENES) {
            throw new IllegalArgumentException("genes must be in [1, " + MAX_GENES + "], found " + genes);
        }
        if (types < 1 || types > MAX_TYPES) {
            throw new IllegalArgumentException("types must be in [1, " + MAX_TYPES + "], found " + types);
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        if (effects == null) {
            throw new IllegalArgumentException("effects must not be null");
        }
        if (effects.missingTypes() >= types) {
            throw new IllegalArgumentException("missing types must be fewer than the " + types
                    + " types (the reference needs one), found " + effects.missingTypes());
        }
    }

    /** The clean simulation (no effects). */
    public SimulationOptions(long spots, int genes, int types, Profile profile, long seed, int threads) {
        this(spots, genes, types, profile, seed, threads, SlideEffects.CLEAN);
    }

    /** Options with the default genes and types, the given profile and seed, and one thread per core. */
    public static SimulationOptions of(long spots, Profile profile, long seed) {
        return new SimulationOptions(spots, DEFAULT_GENES, DEFAULT_TYPES, profile, seed,
                Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another gene count. */
    public SimulationOptions withGenes(int newGenes) {
        return new SimulationOptions(spots, newGenes, types, profile, seed, threads, effects);
    }

    /** A copy with another cell type count. */
    public SimulationOptions withTypes(int newTypes) {
        return new SimulationOptions(spots, genes, newTypes, profile, seed, threads, effects);
    }

    /** A copy with another thread count. */
    public SimulationOptions withThreads(int newThreads) {
        return new SimulationOptions(spots, genes, types, profile, seed, newThreads, effects);
    }

    /** A copy with other effects. */
    public SimulationOptions withEffects(SlideEffects newEffects) {
        return new SimulationOptions(spots, genes, types, profile, seed, threads, newEffects);
    }

    /** Number of types in the reference (the signatures and the reference cells): types minus the missing ones. */
    public int referenceTypes() {
        return types - effects.missingTypes();
    }
}
