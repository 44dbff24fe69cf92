package org.flashdeconv.io.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The true cell-type expression profiles of a simulated slide, and alias tables to draw genes from them.
 *
 * <p>Construction: every gene has a long-tailed base level (log-normal, σ = 2.2: a few genes take percents of
 * the reads, most are rare), every type scales it by its own log-normal factor (σ = 0.5), and every type gets
 * {@value #MARKERS_PER_TYPE} marker genes (distinct across types, drawn among the genes above the median base
 * level) multiplied by U(5, 20). Rows are normalised to sum 1. Everything is drawn from the slide seed alone.
 * {@link #distorted} makes the slide's profiles under platform effects: every gene's column times its factor, rows
 * normalised again.
 *
 * <p>Sampling: {@link #sampleGene} draws a gene of one type from 44 random bits in O(1) with Walker's alias
 * method; each table entry packs the alias (high 20 bits) and the acceptance threshold (low 44 bits) in one long
 * so a draw costs one memory access.
 */
final class ReferenceProfiles {
    static final int MARKERS_PER_TYPE = 60;
    private static final int FRACTION_BITS = 44;
    private static final long FRACTION_MASK = (1L << FRACTION_BITS) - 1;
    private static final double BASE_SIGMA = 2.2;
    private static final double TYPE_SIGMA = 0.5;

    private final int genes;
    private final int types;
    private final double[][] profile; // types x genes, rows sum to 1
    private final long[] alias;       // types x genes, packed (alias << 44) | threshold

    ReferenceProfiles(int genes, int types, long seed) {
        this.genes = genes;
        this.types = types;
        SplittableRandom rng = new SplittableRandom(SpotRandom.mix(seed ^ 0x7265666572656E63L));
        double[] base = new double[genes];
        for (int g = 0; g < genes; g++) {
            base[g] = Math.exp(BASE_SIGMA * gaussian(rng));
        }
        profile = new double[types][genes];
        for (int k = 0; k < types; k++) {
            for (int g = 0; g < genes; g++) {
                profile[k][g] = base[g] * Math.exp(TYPE_SIGMA * gaussian(rng));
            }
        }
        addMarkers(base, rng);
        for (double[] row : profile) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            for (int g = 0; g < genes; g++) {
                row[g] /= sum;
            }
        }
        alias = new long[Math.multiplyExact(types, genes)];
        for (int k = 0; k < types; k++) {
            buildAlias(profile[k], k * genes);
        }
    }

    private ReferenceProfiles(double[][] profile) {
        this.types = profile.length;
        this.genes = profile[0].length;
        this.profile = profile;
        alias = new long[Math.multiplyExact(types, genes)];
        for (int k = 0; k < types; k++) {
            buildAlias(profile[k], k * genes);
        }
    }

    /**
     * These profiles with gene g multiplied by {@code factors[g]} in every type, each type normalised to sum 1 again.
     *
     * @throws IllegalArgumentException if factors does not hold one positive finite value per gene
     */
    ReferenceProfiles distorted(double[] factors) {
        if (factors.length != genes) {
            throw new IllegalArgumentException("platform factors: expected " + genes + ", found " + factors.length);
        }
        double[][] out = new double[types][genes];
        for (int k = 0; k < types; k++) {
            double sum = 0;
            for (int g = 0; g < genes; g++) {
                if (!(factors[g] > 0 && factors[g] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("platform factor of gene " + g + " is " + factors[g]);
                }
                out[k][g] = profile[k][g] * factors[g];
                sum += out[k][g];
            }
            for (int g = 0; g < genes; g++) {
                out[k][g] /= sum;
            }
        }
        return new ReferenceProfiles(out);
    }

    /**
     * Gene-wise platform factors {@code exp(sigma·N(0,1))}, one per gene, drawn from the slide seed alone (all 1 when
     * sigma is 0).
     */
    static double[] platformFactors(int genes, double sigma, long seed) {
        double[] f = new double[genes];
        SplittableRandom rng = new SplittableRandom(SpotRandom.mix(seed ^ 0x706C6174666F726DL));
        for (int g = 0; g < genes; g++) {
            f[g] = sigma == 0 ? 1.0 : Math.exp(sigma * gaussian(rng));
        }
        return f;
    }

    private void addMarkers(double[] base, SplittableRandom rng) {
        double median = median(base);
        List<Integer> candidates = new ArrayList<>();
        for (int g = 0; g < genes; g++) {
            if (base[g] > median) {
                candidates.add(g);
            }
        }
        // Fisher-Yates over the candidates; markers are dealt round-robin so no gene marks two types.
        int[] order = candidates.stream().mapToInt(Integer::intValue).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int perType = Math.min(MARKERS_PER_TYPE, order.length / types);
        for (int m = 0; m < perType * types; m++) {
            profile[m % types][order[m]] *= 5.0 + 15.0 * rng.nextDouble();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Vose's alias method, thresholds in 44-bit fixed point. */
    private void buildAlias(double[] p, int offset) {
        int n = p.length;
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = p[i] * n;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            alias[offset + s] = pack(l, scaled[s]);
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            alias[offset + l] = pack(l, 1.0);
        }
        while (ns > 0) { // only rounding leftovers, their true probability is 1
            int s = small[--ns];
            alias[offset + s] = pack(s, 1.0);
        }
    }

    private static long pack(int aliasIndex, double acceptProbability) {
        long threshold = Math.min(FRACTION_MASK, Math.round(acceptProbability * (1L << FRACTION_BITS)));
        return ((long) aliasIndex << FRACTION_BITS) | threshold;
    }

    /**
     * Draws one gene of {@code type} from the low 44 bits of {@code bits} (the high 20 bits are left for the
     * caller's type choice).
     */
    int sampleGene(int type, long bits) {
        long scaled = (bits & FRACTION_MASK) * genes; // < 2^64 since genes <= 2^20: exact as unsigned
        int gene = (int) (scaled >>> FRACTION_BITS);
        long entry = alias[type * genes + gene];
        return (scaled & FRACTION_MASK) < (entry & FRACTION_MASK) ? gene : (int) (entry >>> FRACTION_BITS);
    }

    /** The normalised profile value of {@code gene} in {@code type} (each type's values sum to 1). */
    double fraction(int type, int gene) {
        return profile[type][gene];
    }

    int genes() {
        return genes;
    }

    int types() {
        return types;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
