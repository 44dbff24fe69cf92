package org.flashdeconv.io.simulate;

/**
 * Draws the counts of spots, one thread's scratch space. For a spot: reseed the generator from (seed, spot), draw
 * the composition (cell fractions), convert it to molecule fractions (the same unless the types have different
 * cell sizes), draw the expected library size (log-normal around the profile's median, or log-uniform on the
 * effects' depth range), then the counts ({@link CountDrawer}: multinomial, or negative binomial under
 * over-dispersion) from the slide's profiles (the reference's, times the platform factors when those are on).
 */
final class SpotSampler {
    private final long seed;
    private final TissueLayout layout;
    private final Profile profile;
    private final SlideEffects effects;
    private final CellSizes cellSizes;
    private final CountDrawer drawer;
    private final SpotRandom rng = new SpotRandom(0);
    private final TissueLayout.Mix mix;
    private final TissueLayout.Mix molecules;

    SpotSampler(long seed, TissueLayout layout, ReferenceProfiles slideProfiles, Profile profile,
                SlideEffects effects, CellSizes cellSizes) {
        this.seed = seed;
        this.layout = layout;
        this.profile = profile;
        this.effects = effects;
        this.cellSizes = cellSizes.copy();
        this.drawer = new CountDrawer(slideProfiles, effects.dispersion());
        this.mix = new TissueLayout.Mix(layout);
        this.molecules = new TissueLayout.Mix(layout);
    }

    /** The true cell fractions of {@code spot} (valid until the next call on this sampler). */
    TissueLayout.Mix composition(long spot) {
        rng.reseed(seed, spot);
        layout.composition(spot, rng, mix);
        return mix;
    }

    /** The true molecule fractions of {@code spot} (valid until the next call on this sampler). */
    TissueLayout.Mix moleculeComposition(long spot) {
        cellSizes.molecules(composition(spot), molecules);
        return molecules;
    }

    /** Generates spots {@code [first, first + count)}. */
    SpotBlock sample(long first, int count) {
        SpotBlock block = new SpotBlock(first, count, count * profile.depth().meanNonZeros() * 5 / 4);
        for (int s = 0; s < count; s++) {
            sampleSpot(first + s, block);
            block.rowEnd[s] = block.size;
        }
        return block;
    }

    private void sampleSpot(long spot, SpotBlock block) {
        moleculeComposition(spot); // leaves rng positioned after the composition draws
        double expected;
        if (effects.depthRange()) {
            double lo = Math.log(effects.depthMin());
            double hi = Math.log(effects.depthMax());
            expected = Math.exp(lo + (hi - lo) * rng.nextDouble());
        } else {
            expected = profile.depth().medianUmi() * Math.exp(profile.depth().librarySigma() * rng.nextGaussian());
        }
        drawer.draw(rng, molecules, expected, block);
    }
}
