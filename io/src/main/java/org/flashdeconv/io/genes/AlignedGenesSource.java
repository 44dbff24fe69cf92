package org.flashdeconv.io.genes;

import java.io.IOException;
import java.util.List;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.ForwardingSource;

/**
 * A {@link CountSource} restricted to the genes of a {@link GeneMatch}, in the aligned (sorted) order: entries
 * of unmatched genes are dropped and gene indices renumbered. Entries within a spot then no longer come in
 * ascending gene order, so {@link #spotMajor()} is false (the store converter sorts). Closing it closes the
 * wrapped source.
 */
final class AlignedGenesSource extends ForwardingSource {
    private final GeneMatch match;

    AlignedGenesSource(CountSource inner, GeneMatch match) {
        super(inner);
        this.match = match;
    }

    @Override
    public List<String> geneNames() {
        return match.genes();
    }

    @Override
    public List<String> geneIds() {
        List<String> ids = inner.geneIds();
        if (ids.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(match.spatialIndex()).mapToObj(ids::get).toList();
    }

    @Override
    public boolean spotMajor() {
        return false;
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        int[] toAligned = match.spatialToAligned();
        inner.forEachEntry((spot, gene, value, location) -> {
            int g = toAligned[gene];
            if (g >= 0) {
                consumer.accept(spot, g, value, location);
            }
        });
    }
}
