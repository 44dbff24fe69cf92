package org.flashdeconv.io.simulate;

import java.util.Arrays;

/**
 * Draws the counts of spots, one thread's scratch space. For a spot: reseed the generator from (seed, spot),
 * draw the composition, draw the library size L (log-normal around the profile's median, at least 1), then L
 * UMIs: each picks a type by its proportion (20 random bits) and a gene of that type by the alias table (the
 * other 44 bits of the same draw), i.e. counts ~ Multinomial(L, P x X). The UMIs' genes are sorted and
 * run-length encoded, which gives CSR order.
 */
final class SpotSampler {
    private static final int TYPE_BITS = 20;

    private final long seed;
    private final TissueLayout layout;
    private final ReferenceProfiles reference;
    private final Profile profile;
    private final SpotRandom rng = new SpotRandom(0);
    private final TissueLayout.Mix mix;
    private final long[] typeThreshold;
    private int[] umis = new int[1024];

    SpotSampler(long seed, TissueLayout layout, ReferenceProfiles reference, Profile profile) {
        this.seed = seed;
        this.layout = layout;
        this.reference = reference;
        this.profile = profile;
        this.mix = new TissueLayout.Mix(layout);
        this.typeThreshold = new long[reference.types()];
    }

    /** The true composition of {@code spot} (valid until the next call on this sampler). */
    TissueLayout.Mix composition(long spot) {
        rng.reseed(seed, spot);
        layout.composition(spot, rng, mix);
        return mix;
    }

    /** Generates spots {@code [first, first + count)}. */
    SpotBlock sample(long first, int count) {
        SpotBlock block = new SpotBlock(first, count, count * profile.meanNonZeros() * 5 / 4);
        for (int s = 0; s < count; s++) {
            sampleSpot(first + s, block);
            block.rowEnd[s] = block.size;
        }
        return block;
    }

    private void sampleSpot(long spot, SpotBlock block) {
        composition(spot); // leaves rng positioned after the composition draws
        int library = (int) Math.max(1, Math.round(
                profile.medianUmi() * Math.exp(profile.librarySigma() * rng.nextGaussian())));
        if (library > umis.length) {
            umis = new int[Math.max(library, umis.length * 2)];
        }
        int n = mix.count;
        long cumulative = 0;
        for (int j = 0; j < n; j++) {
            cumulative += mix.units[j];
            // units of 1e-6 -> thresholds on a 20-bit uniform; the last one is the full range
            typeThreshold[j] = j == n - 1 ? 1L << TYPE_BITS
                    : (cumulative << TYPE_BITS) / TissueLayout.UNITS;
        }
        int[] buf = umis;
        if (n == 1) {
            int type = mix.type[0];
            for (int u = 0; u < library; u++) {
                buf[u] = reference.sampleGene(type, rng.nextLong());
            }
        } else {
            for (int u = 0; u < library; u++) {
                long bits = rng.nextLong();
                long pick = bits >>> (64 - TYPE_BITS);
                int j = 0;
                while (pick >= typeThreshold[j]) {
                    j++;
                }
                buf[u] = reference.sampleGene(mix.type[j], bits);
            }
        }
        Arrays.sort(buf, 0, library);
        block.ensure(library);
        int[] genes = block.genes;
        int[] counts = block.counts;
        int size = block.size;
        int u = 0;
        while (u < library) {
            int gene = buf[u];
            int run = u + 1;
            while (run < library && buf[run] == gene) {
                run++;
            }
            genes[size] = gene;
            counts[size] = run - u;
            size++;
            u = run;
        }
        block.size = size;
    }
}
