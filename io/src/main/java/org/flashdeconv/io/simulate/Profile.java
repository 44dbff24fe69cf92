package org.flashdeconv.io.simulate;

import java.util.Locale;

/**
 * A simulated platform: the spot lattice, the sequencing depth per spot and how many cell types share a spot.
 *
 * <p>Visium HD bins lie on a square lattice with the bin size as spacing (2, 8 or 16 µm); Visium spots lie on a
 * hexagonal lattice with 100 µm between centres. Library sizes per spot are log-normal around
 * {@link Depth#medianUmi()}; {@link Depth#meanNonZeros()} is the mean number of detected genes per spot this gives
 * with the simulator's expression profiles (G = 18000, measured; it is the target the depth test holds the simulator
 * to within 10 %).
 */
public enum Profile {
    /** Visium (55 µm spots, 100 µm apart, hexagonal): several thousand genes per spot. */
    VISIUM(new Lattice(100.0, true), new Depth(8000, 0.45, 2600), new Mixing(3, 6, 0.4)),
    /** Visium HD 16 µm bins: about a thousand genes per bin. */
    HD16(new Lattice(16.0, false), new Depth(1800, 0.5, 1000), new Mixing(2, 4, 0.6)),
    /** Visium HD 8 µm bins: about 300 genes and a median of 380 UMI per bin. */
    HD8(new Lattice(8.0, false), new Depth(380, 0.5, 300), new Mixing(1, 3, 0.8)),
    /** Visium HD 2 µm bins: about 25 genes per bin, mostly one cell type. */
    HD2(new Lattice(2.0, false), new Depth(24, 0.5, 25), new Mixing(1, 2, 1.0));

    /**
     * Where the spots lie.
     *
     * @param spacingMicrons distance between neighbouring spot centres, in µm
     * @param hexagonal      true for the hexagonal Visium lattice, false for the square Visium HD lattices
     */
    public record Lattice(double spacingMicrons, boolean hexagonal) {
    }

    /**
     * How many molecules a spot holds.
     *
     * @param medianUmi    median library size (UMI per spot)
     * @param librarySigma standard deviation of the log library size
     * @param meanNonZeros mean number of non-zero genes per spot (at G = 18000), the simulator's calibrated target
     */
    public record Depth(int medianUmi, double librarySigma, int meanNonZeros) {
    }

    /**
     * How many cell types share a spot.
     *
     * @param minTypes     fewest cell types in one spot
     * @param maxTypes     most cell types in one spot
     * @param mixtureNoise standard deviation of the per-spot log-normal jitter of the type weights (cell-scale
     *                     heterogeneity)
     */
    public record Mixing(int minTypes, int maxTypes, double mixtureNoise) {
    }

    private final Lattice lattice;
    private final Depth depth;
    private final Mixing mixing;

    Profile(Lattice lattice, Depth depth, Mixing mixing) {
        this.lattice = lattice;
        this.depth = depth;
        this.mixing = mixing;
    }

    /** The spot lattice. */
    public Lattice lattice() {
        return lattice;
    }

    /** The sequencing depth per spot. */
    public Depth depth() {
        return depth;
    }

    /** The number of cell types per spot. */
    public Mixing mixing() {
        return mixing;
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
