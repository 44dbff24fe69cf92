package org.flashdeconv.io.source;

import java.io.IOException;
import java.util.List;

/**
 * A {@link CountSource} over another restricted to some of its genes, renumbered: entries of the other genes are
 * dropped. Closing it closes the wrapped source.
 */
public final class GeneSubset extends ForwardingSource {
    private final int[] newGene;
    private final List<String> names;
    private final List<String> ids;
    private final boolean keepsOrder;

    /**
     * Wraps {@code inner} (the arrays and lists are not copied).
     *
     * @param newGene    for each gene of {@code inner}, its index here, or -1 to drop it
     * @param names      the kept genes' names, in their new order
     * @param ids        the kept genes' ids, in their new order (empty when {@code inner} has none)
     * @param keepsOrder true if the kept genes stay in their relative order, so entries within a spot still come in
     *                   ascending gene order and {@link #spotMajor()} is the wrapped source's; false makes it false
     */
    public GeneSubset(CountSource inner, int[] newGene, List<String> names, List<String> ids, boolean keepsOrder) {
        super(inner);
        this.newGene = newGene;
        this.names = names;
        this.ids = ids;
        this.keepsOrder = keepsOrder;
    }

    @Override
    public List<String> geneNames() {
        return names;
    }

    @Override
    public List<String> geneIds() {
        return ids;
    }

    @Override
    public boolean spotMajor() {
        return keepsOrder && inner.spotMajor();
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        inner.forEachEntry((spot, gene, value, location) -> {
            int g = newGene[gene];
            if (g >= 0) {
                consumer.accept(spot, g, value, location);
            }
        });
    }
}
