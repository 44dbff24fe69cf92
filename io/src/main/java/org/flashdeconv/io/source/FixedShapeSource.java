package org.flashdeconv.io.source;

import java.util.List;

/**
 * A {@link CountSource} whose name, number of spots and genes are settled when it opens (read from the file's
 * header, index or feature table) and held here; a subclass reads the barcodes and the entries.
 */
public abstract class FixedShapeSource implements CountSource {
    private final String name;
    private final long spots;
    private final List<String> geneNames;
    private final List<String> geneIds;

    /**
     * Holds the shape (the lists are not copied: pass unmodifiable ones).
     *
     * @param geneIds the gene ids in column order, or an empty list when the input has none
     */
    protected FixedShapeSource(String name, long spots, List<String> geneNames, List<String> geneIds) {
        this.name = name;
        this.spots = spots;
        this.geneNames = geneNames;
        this.geneIds = geneIds;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long spots() {
        return spots;
    }

    @Override
    public final List<String> geneNames() {
        return geneNames;
    }

    @Override
    public final List<String> geneIds() {
        return geneIds;
    }
}
