package org.flashdeconv.io.simulate;

import java.util.Locale;

/**
 * What real data has and the clean simulation does not, each effect switchable; {@link #CLEAN} (all off) is the
 * simulator as it always was, {@link #REALISTIC} turns on the combination the accuracy benchmark calls
 * "realistic".
 *
 * <ul>
 *   <li><b>platform effects</b> ({@code platformSigma} = σ): the slide's expression of gene g in every type is the
 *       reference profile times {@code exp(N(0, σ²))}, one factor per gene for the whole slide (then renormalised per
 *       type); the written signatures and reference cells are the undistorted profiles. 0 = off.</li>
 *   <li><b>over-dispersion</b> ({@code dispersion} = φ): counts are negative binomial instead of multinomial: the
 *       molecules of type k and gene g in a spot are NB with mean μ = L·m_k·p_kg and variance μ + φμ², drawn
 *       independently per type (each type's cells in the spot have their own gamma-perturbed profile), and the
 *       library L is the expected total. 0 = off (multinomial with exactly L molecules).</li>
 *   <li><b>depth range</b> ({@code depthMin}, {@code depthMax}): the library size per spot is log-uniform on
 *       [min, max] instead of the profile's log-normal. 0, 0 = the profile's depth.</li>
 *   <li><b>missing types</b>: the last {@code missingTypes} types are in the slide and the truth but left out of the
 *       signatures and the reference cells.</li>
 *   <li><b>cell sizes</b> ({@code cellSizeMin}, {@code cellSizeMax}): every type gets a mean number of molecules per
 *       cell, log-uniform on [min, max]; the layout's proportions are then cell fractions and the counts are drawn
 *       from the molecule fractions m_k ∝ c_k·size_k. 0, 0 = equal sizes (cell and molecule fractions coincide).</li>
 *   <li><b>reference cells</b>: cells per reference type in a simulated single-cell reference (0 = none).</li>
 * </ul>
 *
 * @param platformSigma σ of the log platform factors, in [0, 3]
 * @param dispersion    NB dispersion φ (variance μ + φμ²), in [0, 100]
 * @param depthMin      smallest library size, or 0 for the profile's depth
 * @param depthMax      largest library size, or 0 for the profile's depth
 * @param missingTypes  types left out of the reference, at least 0 (fewer than the slide's types)
 * @param cellSizeMin   smallest mean molecules per cell, or 0 for equal sizes
 * @param cellSizeMax   largest mean molecules per cell, or 0 for equal sizes
 * @param referenceCells cells per type in the single-cell reference, 0 to {@value #MAX_REFERENCE_CELLS}
 */
public record SlideEffects(double platformSigma, double dispersion, int depthMin, int depthMax, int missingTypes,
                           int cellSizeMin, int cellSizeMax, int referenceCells) {

    /** Everything off: the clean simulation. */
    public static final SlideEffects CLEAN = new SlideEffects(0, 0, 0, 0, 0, 0, 0, 0);
    /**
     * The realistic combination: platform σ 0.4, NB dispersion 0.2, depth 20-5000 UMIs, one missing type, cell sizes
     * 1000-4000 molecules per type, 200 reference cells per type.
     */
    public static final SlideEffects REALISTIC = new SlideEffects(0.4, 0.2, 20, 5000, 1, 1000, 4000, 200);
    /** Molecules per cell of every type when cell sizes are off (used by the reference cells). */
    public static final int EQUAL_CELL_SIZE = 2000;
    /** Largest number of reference cells per type. */
    public static final int MAX_REFERENCE_CELLS = 100_000;
    private static final int MAX_DEPTH = 10_000_000;

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public SlideEffects {
        if (!(platformSigma >= 0 && platformSigma <= 3)) {
            throw new IllegalArgumentException("platform sigma must be in [0, 3], found " + platformSigma);
        }
        if (!(dispersion >= 0 && dispersion <= 100)) {
            throw new IllegalArgumentException("dispersion must be in [0, 100], found " + dispersion);
        }
        checkRange("depth", depthMin, depthMax, MAX_DEPTH);
        checkRange("cell sizes", cellSizeMin, cellSizeMax, MAX_DEPTH);
        if (missingTypes < 0) {
            throw new IllegalArgumentException("missing types must be >= 0, found " + missingTypes);
        }
        if (referenceCells < 0 || referenceCells > MAX_REFERENCE_CELLS) {
            throw new IllegalArgumentException("reference cells must be in [0, " + MAX_REFERENCE_CELLS
                    + "], found " + referenceCells);
        }
    }

    private static void checkRange(String what, int min, int max, int limit) {
        boolean off = min == 0 && max == 0;
        if (!off && !(min >= 1 && min <= max && max <= limit)) {
            throw new IllegalArgumentException(what + " must be MIN:MAX with 1 <= MIN <= MAX <= " + limit
                    + " (or 0:0 for off), found " + min + ":" + max);
        }
    }

    /**
     * The preset of a scenario name: {@code clean} or {@code realistic}, case-insensitive.
     *
     * @throws IllegalArgumentException for another name
     */
    public static SlideEffects scenario(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "clean" -> CLEAN;
            case "realistic" -> REALISTIC;
            default -> throw new IllegalArgumentException("unknown scenario '" + name
                    + "': expected clean or realistic");
        };
    }

    /** True if the library sizes come from {@code [depthMin, depthMax]} rather than the profile. */
    public boolean depthRange() {
        return depthMin > 0;
    }

    /** True if the types have different cell sizes. */
    public boolean cellSizes() {
        return cellSizeMin > 0;
    }

    /** True if nothing is switched on (the clean simulation, no reference cells). */
    public boolean clean() {
        return equals(CLEAN);
    }

    /** A copy with another platform σ. */
    public SlideEffects withPlatformSigma(double sigma) {
        return new SlideEffects(sigma, dispersion, depthMin, depthMax, missingTypes, cellSizeMin, cellSizeMax,
                referenceCells);
    }

    /** A copy with another dispersion. */
    public SlideEffects withDispersion(double phi) {
        return new SlideEffects(platformSigma, phi, depthMin, depthMax, missingTypes, cellSizeMin, cellSizeMax,
                referenceCells);
    }

    /** A copy with another depth range (0, 0 for the profile's depth). */
    public SlideEffects withDepth(int min, int max) {
        return new SlideEffects(platformSigma, dispersion, min, max, missingTypes, cellSizeMin, cellSizeMax,
                referenceCells);
    }

    /** A copy with another number of missing types. */
    public SlideEffects withMissingTypes(int missing) {
        return new SlideEffects(platformSigma, dispersion, depthMin, depthMax, missing, cellSizeMin, cellSizeMax,
                referenceCells);
    }

    /** A copy with other cell sizes (0, 0 for equal sizes). */
    public SlideEffects withCellSizes(int min, int max) {
        return new SlideEffects(platformSigma, dispersion, depthMin, depthMax, missingTypes, min, max,
                referenceCells);
    }

    /** A copy with another number of reference cells per type. */
    public SlideEffects withReferenceCells(int cells) {
        return new SlideEffects(platformSigma, dispersion, depthMin, depthMax, missingTypes, cellSizeMin,
                cellSizeMax, cells);
    }
}
