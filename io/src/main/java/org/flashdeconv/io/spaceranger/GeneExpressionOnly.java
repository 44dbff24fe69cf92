package org.flashdeconv.io.spaceranger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.ForwardingSource;
import org.flashdeconv.io.text.CsvReader;

/**
 * A {@link CountSource} over another that keeps only the genes of type {@code Gene Expression} (10x feature
 * types: antibody capture, CRISPR guides and the like are dropped and the genes renumbered), as
 * {@link org.flashdeconv.io.h5.TenxH5Source} does for the .h5. Closing it closes the wrapped source.
 */
final class GeneExpressionOnly extends ForwardingSource {
    private final int[] newGene;
    private final List<String> names;
    private final List<String> ids;

    private GeneExpressionOnly(CountSource inner, int[] newGene, List<String> names, List<String> ids) {
        super(inner);
        this.newGene = newGene;
        this.names = names;
        this.ids = ids;
    }

    /**
     * Wraps {@code source} (a MEX folder's matrix) if its {@code features.tsv[.gz]} lists feature types other
     * than Gene Expression; returns it unchanged otherwise.
     *
     * @throws SpaceRangerFormatException if the features file does not have one line per gene
     * @throws IOException                if it cannot be read
     */
    static CountSource wrap(CountSource source, Path mexFolder) throws IOException {
        Path features = mexFolder.resolve("features.tsv.gz");
        if (!Files.isRegularFile(features)) {
            features = mexFolder.resolve("features.tsv");
        }
        if (!Files.isRegularFile(features)) {
            return source; // genes.tsv (Cell Ranger 2) has no types
        }
        List<String> types = featureTypes(features);
        if (types.size() != source.genes()) {
            throw new SpaceRangerFormatException(features, types.size() + " features for " + source.genes()
                    + " genes of " + source.name());
        }
        int[] newGene = new int[types.size()];
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int g = 0; g < newGene.length; g++) {
            String t = types.get(g);
            if (t == null || t.equals("Gene Expression")) {
                newGene[g] = names.size();
                names.add(source.geneNames().get(g));
                if (!source.geneIds().isEmpty()) {
                    ids.add(source.geneIds().get(g));
                }
            } else {
                newGene[g] = -1;
            }
        }
        return names.size() == newGene.length ? source
                : new GeneExpressionOnly(source, newGene, List.copyOf(names), List.copyOf(ids));
    }

    /** The third tab-separated column of each line, or null where there is none. */
    private static List<String> featureTypes(Path features) throws IOException {
        List<String> types = new ArrayList<>();
        try (CsvReader r = CsvReader.openTsv(features)) {
            while (r.next()) {
                types.add(r.fields() > 2 ? r.field(2) : null);
            }
        }
        return types;
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
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        inner.forEachEntry((spot, gene, value, location) -> {
            int g = newGene[gene];
            if (g >= 0) {
                consumer.accept(spot, g, value, location);
            }
        });
    }

}
