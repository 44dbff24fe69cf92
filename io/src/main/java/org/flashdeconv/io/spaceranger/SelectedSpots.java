package org.flashdeconv.io.spaceranger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.ForwardingSource;

/**
 * A {@link CountSource} over another that keeps a subset of its spots (renumbered in their original order, so
 * a spot-major source stays spot-major) and adds coordinates held on the heap (one int and {@code dim} doubles
 * per spot). Closing it closes the wrapped source.
 */
final class SelectedSpots extends ForwardingSource {
    private final int[] newIndex;
    private final int kept;
    private final double[] coords;
    private final int dim;
    private final double[] pixels;
    private final List<String> warnings;

    /**
     * @param newIndex for each spot of {@code inner} its index here, or -1 to drop it; null keeps every spot
     * @param coords   {@code kept * dim} coordinates, row-major, in the new spot order
     */
    SelectedSpots(CountSource inner, int[] newIndex, int kept, double[] coords, int dim) {
        this(inner, newIndex, kept, coords, dim, null, List.of());
    }

    /**
     * As above, with full-resolution image pixels ({@code kept * 2}, x = column, y = row) or null, and the
     * selection's own warnings (added to the wrapped source's, see {@link CountSource#warnings()}).
     */
    SelectedSpots(CountSource inner, int[] newIndex, int kept, double[] coords, int dim, double[] pixels,
                  List<String> warnings) {
        super(inner);
        this.newIndex = newIndex;
        this.kept = kept;
        this.coords = coords;
        this.dim = dim;
        this.pixels = pixels;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(inner.warnings());
        all.addAll(warnings);
        return all;
    }

    @Override
    public long spots() {
        return kept;
    }

    @Override
    public void forEachBarcode(Consumer<String> consumer) throws IOException {
        int[] spot = {0};
        inner.forEachBarcode(b -> {
            if (newIndex == null || newIndex[spot[0]] >= 0) {
                consumer.accept(b);
            }
            spot[0]++;
        });
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        if (newIndex == null) {
            inner.forEachEntry(consumer);
            return;
        }
        inner.forEachEntry((spot, gene, value, location) -> {
            int s = newIndex[(int) spot];
            if (s >= 0) {
                consumer.accept(s, gene, value, location);
            }
        });
    }

    @Override
    public Optional<Coordinates> coordinates() {
        return Optional.of(Coordinates.ofRows(dim, coords));
    }

    @Override
    public Optional<Coordinates> imagePixels() {
        return pixels == null ? Optional.empty() : Optional.of(Coordinates.ofRows(2, pixels));
    }

}
