package org.flashdeconv.io.simulate;

import java.io.IOException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.FixedShapeSource;

/**
 * A synthetic spatial slide, generated on the fly: a {@link CountSource} whose counts are drawn deterministically
 * from the seed, spot by spot, so a slide of any size streams with a bounded heap (O(types x genes) for the
 * reference profiles plus a few blocks of about a million entries in flight).
 *
 * <p>Every spot's composition and counts come from its own random stream keyed by (seed, spot), so the entries are
 * the same whatever the block size or thread count. The model (lattice, tissue domains, expression profiles,
 * multinomial counts) is described in {@link TissueLayout}, {@link ReferenceProfiles} and {@link SpotSampler};
 * the effects of real data that can be switched on (platform factors, negative binomial counts, a depth range,
 * types missing from the reference, cell sizes) in {@link SlideEffects}. {@link #proportions} (molecule
 * fractions), {@link #cellFractions} and {@link #expression} expose the truth it was drawn from.
 *
 * <pre>{@code
 * try (SimulatedSlide slide = new SimulatedSlide(SimulationOptions.of(1_000_000, Profile.HD8, 42))) {
 *     StoreConverter.convert(slide, target, progress);
 * }
 * }</pre>
 */
public final class SimulatedSlide extends FixedShapeSource {
    private static final List<String> TYPE_NAMES = List.of("B_cell", "T_CD4", "T_CD8", "NK", "Monocyte",
            "Macrophage", "Dendritic", "Plasma", "Endothelial", "Fibroblast", "Epithelial", "Smooth_muscle", "Mast",
            "Neutrophil", "Adipocyte", "Pericyte", "Keratinocyte", "Melanocyte", "Neuron", "Astrocyte");

    private final SimulationOptions options;
    private final TissueLayout layout;
    private final ReferenceProfiles reference;
    private final ReferenceProfiles slideProfiles;
    private final double[] platformFactors;
    private final CellSizes cellSizes;
    private final int blockSpots;
    private final List<String> typeNames;

    /** Builds the slide's model (reference profiles and tissue layout); counts are drawn later, on demand. */
    public SimulatedSlide(SimulationOptions options) {
        this(options, defaultBlockSpots(options.profile()));
    }

    /** As above with an explicit block size in spots (tests use it to check that blocking does not matter). */
    SimulatedSlide(SimulationOptions options, int blockSpots) {
        if (blockSpots < 1) {
            throw new IllegalArgumentException("blockSpots must be >= 1, found " + blockSpots);
        }
        super("simulated " + options.profile().cliName() + " slide (" + options.spots() + " spots, seed "
                + options.seed() + ")", options.spots(), new NumberedNames("Gene", options.genes()), List.of());
        this.options = options;
        this.blockSpots = blockSpots;
        this.layout = new TissueLayout(options.spots(), options.types(), options.profile(), options.seed());
        this.reference = new ReferenceProfiles(options.genes(), options.types(), options.seed());
        SlideEffects effects = options.effects();
        this.platformFactors = ReferenceProfiles.platformFactors(options.genes(), effects.platformSigma(),
                options.seed());
        this.slideProfiles = effects.platformSigma() == 0 ? reference : reference.distorted(platformFactors);
        this.cellSizes = new CellSizes(options.types(), effects, options.seed());
        this.typeNames = List.copyOf(new AbstractList<String>() {
            @Override
            public String get(int k) {
                return k < TYPE_NAMES.size() ? TYPE_NAMES.get(k) : "Type" + (k + 1);
            }

            @Override
            public int size() {
                return options.types();
            }
        });
    }

    private static int defaultBlockSpots(Profile profile) {
        return Math.clamp((1 << 20) / profile.depth().meanNonZeros(), 16, 1 << 16);
    }

    /** The options this slide was built from. */
    public SimulationOptions options() {
        return options;
    }

    /** Cell type names of the slide, in type order (the column order of {@link #proportions} and the truth). */
    public List<String> typeNames() {
        return typeNames;
    }

    /**
     * Cell type names of the reference (the signatures and the reference cells): the slide's types without the
     * missing ones, which are the last {@link SlideEffects#missingTypes()} types.
     */
    public List<String> referenceTypeNames() {
        return typeNames.subList(0, options.referenceTypes());
    }

    /**
     * Writes the true molecule (UMI) fractions of {@code spot} into {@code out} (length types; non-negative
     * multiples of 1e-6 summing to 1, most of them 0): the fractions the counts were drawn from. Without cell sizes
     * they are also the cell fractions.
     *
     * @throws IllegalArgumentException if spot is out of range or out is too short
     */
    public void proportions(long spot, double[] out) {
        fill(newSampler().moleculeComposition(checkOut(spot, out)), out);
    }

    /**
     * Writes the true cell fractions of {@code spot} into {@code out} (as {@link #proportions}; they differ from
     * the molecule fractions only when the types have different cell sizes).
     *
     * @throws IllegalArgumentException if spot is out of range or out is too short
     */
    public void cellFractions(long spot, double[] out) {
        fill(newSampler().composition(checkOut(spot, out)), out);
    }

    /**
     * Writes the truth of spots {@code first, first + 1, ...} into the rows of {@code out} (one row per spot, each
     * of length types): molecule fractions, or cell fractions if {@code cells}. Cheaper than one call per spot.
     *
     * @throws IllegalArgumentException if a spot is out of range or a row is too short
     */
    public void truthRows(long first, double[][] out, boolean cells) {
        SpotSampler sampler = newSampler();
        for (int i = 0; i < out.length; i++) {
            long spot = checkOut(first + i, out[i]);
            fill(cells ? sampler.composition(spot) : sampler.moleculeComposition(spot), out[i]);
        }
    }

    private long checkOut(long spot, double[] out) {
        checkSpot(spot);
        if (out.length < options.types()) {
            throw new IllegalArgumentException("out must hold " + options.types() + " values, found " + out.length);
        }
        return spot;
    }

    private void fill(TissueLayout.Mix mix, double[] out) {
        Arrays.fill(out, 0, options.types(), 0.0);
        for (int j = 0; j < mix.count; j++) {
            out[mix.type[j]] = mix.units[j] / (double) TissueLayout.UNITS;
        }
    }

    /**
     * The true expected expression of {@code gene} in {@code type} in the reference (no platform effect), scaled
     * so each type sums to 10,000: the signatures.
     */
    public double expression(int type, int gene) {
        return reference.fraction(type, gene) * 1e4;
    }

    /** The expected expression of {@code gene} in {@code type} on the slide (with the platform factors), per 10,000. */
    public double slideExpression(int type, int gene) {
        return slideProfiles.fraction(type, gene) * 1e4;
    }

    /** The platform factor of {@code gene} (1 without platform effects), before the per-type renormalisation. */
    public double platformFactor(int gene) {
        return platformFactors[gene];
    }

    /** Mean molecules per cell of {@code type} ({@link SlideEffects#EQUAL_CELL_SIZE} without cell sizes). */
    public double cellSize(int type) {
        return cellSizes.of(type);
    }

    /** x of {@code spot} in µm. */
    public double x(long spot) {
        return layout.x(spot);
    }

    /** y of {@code spot} in µm (grows downwards, as in tissue images). */
    public double y(long spot) {
        return layout.y(spot);
    }

    /** A sampler for the truth writer: composition only, one per thread. */
    SpotSampler newSampler() {
        return new SpotSampler(options.seed(), layout, slideProfiles, options.profile(), options.effects(),
                cellSizes);
    }

    /** The undistorted profiles (what the signatures and the reference cells are drawn from). */
    ReferenceProfiles referenceProfiles() {
        return reference;
    }

    /** A composition holder sized for this slide. */
    TissueLayout.Mix newMix() {
        return new TissueLayout.Mix(layout);
    }

    int blockSpots() {
        return blockSpots;
    }

    private void checkSpot(long spot) {
        if (spot < 0 || spot >= options.spots()) {
            throw new IllegalArgumentException("spot must be in [0, " + options.spots() + "), found " + spot);
        }
    }

    @Override
    public void forEachBarcode(Consumer<String> consumer) {
        Barcodes barcodes = newBarcodes();
        for (long spot = 0; spot < options.spots(); spot++) {
            consumer.accept(barcodes.of(spot));
        }
    }

    /** Barcode of one spot: {@code s_008um_00012_00034-1} (row, column) on Visium HD, a 16-base code on Visium. */
    public String barcode(long spot) {
        checkSpot(spot);
        return newBarcodes().of(spot);
    }

    /** A barcode formatter (not thread-safe: one per thread). */
    Barcodes newBarcodes() {
        return new Barcodes(options.profile(), layout.columns());
    }

    @Override
    public boolean spotMajor() {
        return true;
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        OrderedBlocks.run(options.spots(), blockSpots, options.threads(), this::newSampler,
                SpotSampler::sample, block -> deliver(block, consumer));
    }

    private static void deliver(SpotBlock block, EntryConsumer consumer) throws IOException {
        int[] genes = block.genes;
        int[] counts = block.counts;
        int e = 0;
        for (int s = 0; s < block.spots; s++) {
            long spot = block.first + s;
            for (int end = block.rowEnd[s]; e < end; e++) {
                consumer.accept(spot, genes[e], counts[e], spot);
            }
        }
    }

    @Override
    public String describe(long location) {
        return "simulated spot " + location;
    }

    @Override
    public Optional<Coordinates> coordinates() {
        return Optional.of(Coordinates.of(2, (first, count, out) -> {
            if (first < 0 || count < 0 || first + count > options.spots()) {
                throw new IllegalArgumentException("coordinates [" + first + ", " + (first + count)
                        + ") outside [0, " + options.spots() + ")");
            }
            for (int i = 0; i < count; i++) {
                out[2 * i] = layout.x(first + i);
                out[2 * i + 1] = layout.y(first + i);
            }
        }));
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
