package org.flashdeconv.io.simulate;

import java.util.Locale;

/**
 * A simulated platform: the spot lattice and the sequencing depth per spot.
 *
 * <p>Visium HD bins lie on a square lattice with the bin size as spacing (2, 8 or 16 µm); Visium spots lie on a
 * hexagonal lattice with 100 µm between centres. Library sizes per spot are log-normal around {@link #medianUmi()};
 * {@link #meanNonZeros()} is the mean number of detected genes per spot this gives with the simulator's expression
 * profiles (G = 18000, measured; it is the target the depth test holds the simulator to within 10 %).
 */
public enum Profile {
    /** Visium (55 µm spots, 100 µm apart, hexagonal): several thousand genes per spot. */
    VISIUM(100.0, true, 8000, 0.45, 2600, 3, 6, 0.4),
    /** Visium HD 16 µm bins: about a thousand genes per bin. */
    HD16(16.0, false, 1800, 0.5, 1000, 2, 4, 0.6),
    /** Visium HD 8 µm bins: about 300 genes and a median of 380 UMI per bin. */
    HD8(8.0, false, 380, 0.5, 300, 1, 3, 0.8),
    /** Visium HD 2 µm bins: about 25 genes per bin, mostly one cell type. */
    HD2(2.0, false, 24, 0.5, 25, 1, 2, 1.0);

    private final double spacingMicrons;
    private final boolean hexagonal;
    private final int medianUmi;
    private final double librarySigma;
    private final int meanNonZeros;
    private final int minTypes;
    private final int maxTypes;
    private final double mixtureNoise;

    Profile(double spacingMicrons, boolean hexagonal, int medianUmi, double librarySigma, int meanNonZeros,
            int minTypes, int maxTypes, double mixtureNoise) {
        this.spacingMicrons = spacingMicrons;
        this.hexagonal = hexagonal;
        this.medianUmi = medianUmi;
        this.librarySigma = librarySigma;
        this.meanNonZeros = meanNonZeros;
        this.minTypes = minTypes;
        this.maxTypes = maxTypes;
        this.mixtureNoise = mixtureNoise;
    }

    /** Distance between neighbouring spot centres, in µm. */
    public double spacingMicrons() {
        return spacingMicrons;
    }

    /** True for the hexagonal Visium lattice, false for the square Visium HD lattices. */
    public boolean hexagonal() {
        return hexagonal;
    }

    /** Median library size (UMI per spot). */
    public int medianUmi() {
        return medianUmi;
    }

    /** Standard deviation of the log library size. */
    double librarySigma() {
        return librarySigma;
    }

    /** Mean number of non-zero genes per spot (at G = 18000), the simulator's calibrated target. */
    public int meanNonZeros() {
        return meanNonZeros;
    }

    /** Fewest cell types in one spot. */
    int minTypes() {
        return minTypes;
    }

    /** Most cell types in one spot. */
    int maxTypes() {
        return maxTypes;
    }

    /** Standard deviation of the per-spot log-normal jitter of the type weights (cell-scale heterogeneity). */
    double mixtureNoise() {
        return mixtureNoise;
    }

    /** The lower-case name used on the command line ("hd8"). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The profile with the given command-line name, case-insensitive.
     *
     * @throws IllegalArgumentException if no profile has that name
     */
    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.cliName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "': expected visium, hd16, hd8 or hd2");
    }
}
