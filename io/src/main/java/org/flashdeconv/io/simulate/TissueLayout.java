package org.flashdeconv.io.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where the spots are and which cell types they hold.
 *
 * <p><b>Lattice.</b> Spots fill a near-square block row by row: spot {@code i} sits in row {@code i / columns},
 * column {@code i % columns}. Square lattices put it at {@code (column, row) * spacing}; the hexagonal Visium
 * lattice shifts odd rows by half a spacing and puts rows {@code spacing * sqrt(3) / 2} apart. Units are µm, y
 * grows downwards (image convention).
 *
 * <p><b>Tissue.</b> One domain per type, at least three (soft Voronoi cells around random centres, boundary width 4 % of the slide)
 * each have a dominant type, one or two secondary types and a low background of every type. Each type's weight is
 * further modulated by a smooth random field (three plane waves of 1.5-5 cycles per slide) and by per-spot
 * log-normal jitter; the spot keeps its largest few types (the profile's range) and the kept weights, normalised,
 * are its true proportions, quantised to multiples of 1e-6 that sum to exactly 1.
 */
final class TissueLayout {
    /** Proportions are integers in units of 1e-6. */
    static final int UNITS = 1_000_000;
    private static final int WAVES = 3;

    private final Profile.Lattice lattice;
    private final Profile.Mixing mixing;
    private final int types;
    private final long columns;
    private final double rowStep;
    private final double extent;
    private final double[] domainX;
    private final double[] domainY;
    private final double[][] domainWeight; // domains x types
    private final double boundary;
    private final double[] waveKx; // types*WAVES
    private final double[] waveKy;
    private final double[] wavePhase;
    private final double waveAmplitude;

    TissueLayout(long spots, int types, Profile profile, long seed) {
        this.lattice = profile.lattice();
        this.mixing = profile.mixing();
        this.types = types;
        this.columns = (long) Math.ceil(Math.sqrt((double) spots));
        long rows = (spots + columns - 1) / columns;
        double spacing = lattice.spacingMicrons();
        this.rowStep = lattice.hexagonal() ? spacing * Math.sqrt(3.0) / 2.0 : spacing;
        double width = columns * spacing;
        double height = rows * rowStep;
        this.extent = Math.max(width, height);
        SplittableRandom rng = new SplittableRandom(SpotRandom.mix(seed ^ 0x74697373756521L));
        int domains = Math.max(3, types);
        domainX = new double[domains];
        domainY = new double[domains];
        domainWeight = new double[domains][types];
        int[] dominant = permutation(types, rng);
        for (int d = 0; d < domains; d++) {
            domainX[d] = rng.nextDouble() * width;
            domainY[d] = rng.nextDouble() * height;
            double[] w = domainWeight[d];
            Arrays.fill(w, 0.02);
            w[dominant[d % types]] = 1.0;
            int secondaries = 1 + rng.nextInt(2);
            for (int s = 0; s < secondaries && types > 1; s++) {
                int k = rng.nextInt(types);
                if (k != dominant[d % types]) {
                    w[k] += 0.15 + 0.35 * rng.nextDouble();
                }
            }
        }
        boundary = 0.04 * extent;
        waveKx = new double[types * WAVES];
        waveKy = new double[types * WAVES];
        wavePhase = new double[types * WAVES];
        for (int i = 0; i < types * WAVES; i++) {
            double cycles = 1.5 + 3.5 * rng.nextDouble();
            double angle = 2 * Math.PI * rng.nextDouble();
            double k = 2 * Math.PI * cycles / extent;
            waveKx[i] = k * Math.cos(angle);
            waveKy[i] = k * Math.sin(angle);
            wavePhase[i] = 2 * Math.PI * rng.nextDouble();
        }
        waveAmplitude = 0.6 / Math.sqrt(WAVES);
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Number of lattice columns (spots per row). */
    long columns() {
        return columns;
    }

    /** x of {@code spot}, µm. */
    double x(long spot) {
        long row = spot / columns;
        double x = (spot - row * columns) * lattice.spacingMicrons();
        return lattice.hexagonal() && (row & 1) == 1 ? x + lattice.spacingMicrons() / 2 : x;
    }

    /** y of {@code spot}, µm. */
    double y(long spot) {
        return (spot / columns) * rowStep;
    }

    /** One spot's composition, reused from spot to spot by one thread. */
    static final class Mix {
        /** The kept types, ascending. */
        final int[] type;
        /** Their proportions in units of 1e-6, summing to exactly {@link #UNITS}. */
        final int[] units;
        /** How many types the spot holds (at least 1). */
        int count;
        private final double[] weights;
        private final double[] dist;
        private final double[] remainder;

        Mix(TissueLayout layout) {
            type = new int[layout.types];
            units = new int[layout.types];
            weights = new double[layout.types];
            dist = new double[layout.domainX.length];
            remainder = new double[layout.types];
        }
    }

    /** Draws the spot's composition into {@code mix} from {@code rng} (already reseeded for the spot). */
    void composition(long spot, SpotRandom rng, Mix mix) {
        double x = x(spot);
        double y = y(spot);
        double nearest = Double.MAX_VALUE;
        int domains = domainX.length;
        double[] dist = mix.dist;
        double[] weights = mix.weights;
        for (int d = 0; d < domains; d++) {
            double dx = x - domainX[d];
            double dy = y - domainY[d];
            dist[d] = Math.sqrt(dx * dx + dy * dy);
            nearest = Math.min(nearest, dist[d]);
        }
        Arrays.fill(weights, 0.0);
        for (int d = 0; d < domains; d++) {
            double member = Math.exp(-(dist[d] - nearest) / boundary);
            if (member > 1e-4) {
                double[] w = domainWeight[d];
                for (int k = 0; k < types; k++) {
                    weights[k] += member * w[k];
                }
            }
        }
        double noise = mixing.mixtureNoise();
        for (int k = 0; k < types; k++) {
            double field = 0;
            for (int j = k * WAVES; j < (k + 1) * WAVES; j++) {
                field += Math.cos(waveKx[j] * x + waveKy[j] * y + wavePhase[j]);
            }
            weights[k] *= Math.exp(waveAmplitude * field + noise * rng.nextGaussian());
        }
        int span = mixing.maxTypes() - mixing.minTypes() + 1;
        int keep = Math.min(types, mixing.minTypes() + rng.nextInt(span));
        mix.count = keepLargest(keep, mix);
    }

    /** Keeps the {@code keep} largest weights (ties to the lower type) and quantises them by largest remainder. */
    private int keepLargest(int keep, Mix mix) {
        double[] weights = mix.weights;
        int[] typeOut = mix.type;
        int[] unitOut = mix.units;
        double total = 0;
        for (int n = 0; n < keep; n++) {
            int best = -1;
            for (int k = 0; k < types; k++) {
                if (weights[k] >= 0 && (best < 0 || weights[k] > weights[best])) {
                    best = k;
                }
            }
            typeOut[n] = best;
            total += weights[best];
            weights[best] = -1 - weights[best]; // mark as taken, recoverable
        }
        Arrays.sort(typeOut, 0, keep);
        int assigned = 0;
        double[] remainder = mix.remainder;
        for (int n = 0; n < keep; n++) {
            double share = (-1 - weights[typeOut[n]]) / total * UNITS;
            unitOut[n] = (int) Math.floor(share);
            remainder[n] = share - unitOut[n];
            assigned += unitOut[n];
        }
        for (int left = UNITS - assigned; left > 0; left--) {
            int best = 0;
            for (int n = 1; n < keep; n++) {
                if (remainder[n] > remainder[best]) {
                    best = n;
                }
            }
            unitOut[best]++;
            remainder[best] = -1;
        }
        int kept = 0;
        for (int n = 0; n < keep; n++) {
            if (unitOut[n] > 0) {
                typeOut[kept] = typeOut[n];
                unitOut[kept] = unitOut[n];
                kept++;
            }
        }
        return kept;
    }
}
