package org.flashdeconv.io.simulate;

import java.util.Arrays;

/**
 * Draws the counts of one spot (or one reference cell) from its molecule fractions and expected library size,
 * one thread's scratch space; the entries are appended to a {@link SpotBlock} in CSR order.
 *
 * <p><b>Multinomial</b> (dispersion 0, the clean simulation): exactly L = round(expected) (at least 1) molecules,
 * each picking a type by its fraction (the high 20 bits of one draw) and a gene of that type by the alias table
 * (the other 44 bits), i.e. counts ~ Multinomial(L, m x P).
 *
 * <p><b>Negative binomial</b> (dispersion φ > 0): the molecules of type k and gene g are NB with mean
 * μ = expected·m_k·p_kg and variance μ + φμ², independently per (k, g), as a compound Poisson: a Poisson(expected)
 * number of candidates is drawn as above (each (k, g) then receives Poisson(μ) of them), each candidate is kept
 * with probability ln(1 + φμ)/(φμ) (so (k, g) keeps Poisson((1/φ)·ln(1 + φμ)) clumps) and a kept candidate is a
 * clump of log-series(φμ/(1 + φμ)) molecules. The cost is O(expected) per spot, like the multinomial; no
 * per-gene gamma draw is needed.
 */
final class CountDrawer {
    private static final int TYPE_BITS = 20;

    private final ReferenceProfiles profiles;
    private final double dispersion;
    private final long[] typeThreshold;
    private int[] umis = new int[1024];
    private long[] clumps = new long[256];

    CountDrawer(ReferenceProfiles profiles, double dispersion) {
        this.profiles = profiles;
        this.dispersion = dispersion;
        this.typeThreshold = new long[profiles.types()];
    }

    /** Appends the counts of one unit with molecule fractions {@code mix} and expected library {@code expected}. */
    void draw(SpotRandom rng, TissueLayout.Mix mix, double expected, SpotBlock block) {
        int n = mix.count;
        long cumulative = 0;
        for (int j = 0; j < n; j++) {
            cumulative += mix.units[j];
            // units of 1e-6 -> thresholds on a 20-bit uniform; the last one is the full range
            typeThreshold[j] = j == n - 1 ? 1L << TYPE_BITS
                    : (cumulative << TYPE_BITS) / TissueLayout.UNITS;
        }
        if (dispersion == 0) {
            multinomial(rng, mix, (int) Math.max(1, Math.round(expected)), block);
        } else {
            negativeBinomial(rng, mix, expected, block);
        }
    }

    private int pickType(long bits, int n) {
        long pick = bits >>> (64 - TYPE_BITS);
        int j = 0;
        while (j < n - 1 && pick >= typeThreshold[j]) {
            j++;
        }
        return j;
    }

    private void multinomial(SpotRandom rng, TissueLayout.Mix mix, int library, SpotBlock block) {
        if (library > umis.length) {
            umis = new int[Math.max(library, umis.length * 2)];
        }
        int n = mix.count;
        int[] buf = umis;
        if (n == 1) {
            int type = mix.type[0];
            for (int u = 0; u < library; u++) {
                buf[u] = profiles.sampleGene(type, rng.nextLong());
            }
        } else {
            for (int u = 0; u < library; u++) {
                long bits = rng.nextLong();
                buf[u] = profiles.sampleGene(mix.type[pickType(bits, n)], bits);
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

    private void negativeBinomial(SpotRandom rng, TissueLayout.Mix mix, double expected, SpotBlock block) {
        long candidates = Draws.poisson(rng, expected);
        int n = mix.count;
        int kept = 0;
        for (long c = 0; c < candidates; c++) {
            long bits = rng.nextLong();
            int j = n == 1 ? 0 : pickType(bits, n);
            int type = mix.type[j];
            int gene = profiles.sampleGene(type, bits);
            double x = dispersion * expected * (mix.units[j] / (double) TissueLayout.UNITS)
                    * profiles.fraction(type, gene);
            double keep = x < 1e-12 ? 1.0 : Math.log1p(x) / x;
            if (rng.nextDouble() >= keep) {
                continue;
            }
            int size = x < 1e-12 ? 1 : Draws.logSeries(rng, x / (1 + x));
            if (kept == clumps.length) {
                clumps = Arrays.copyOf(clumps, kept * 2);
            }
            clumps[kept++] = ((long) gene << 32) | size;
        }
        Arrays.sort(clumps, 0, kept);
        block.ensure(kept);
        int[] genes = block.genes;
        int[] counts = block.counts;
        int size = block.size;
        int i = 0;
        while (i < kept) {
            int gene = (int) (clumps[i] >>> 32);
            long sum = 0;
            while (i < kept && (int) (clumps[i] >>> 32) == gene) {
                sum += (int) clumps[i];
                i++;
            }
            genes[size] = gene;
            counts[size] = (int) Math.min(Integer.MAX_VALUE, sum);
            size++;
        }
        block.size = size;
    }
}
