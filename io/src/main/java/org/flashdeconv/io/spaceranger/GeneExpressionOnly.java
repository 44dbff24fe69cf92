package org.flashdeconv.io.spaceranger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.GeneSubset;
import org.flashdeconv.io.text.CsvReader;

/**
 * Keeps only the genes of type {@code Gene Expression} of a MEX folder's matrix (10x feature types: antibody
 * capture, CRISPR guides and the like are dropped and the genes renumbered), as
 * {@link org.flashdeconv.io.h5.TenxH5Source} does for the .h5.
 */
final class GeneExpressionOnly {
    private GeneExpressionOnly() {
    }

    /**
     * Wraps {@code source} (a MEX folder's matrix) in a {@link GeneSubset} if its {@code features.tsv[.gz]} lists
     * feature types other than Gene Expression; returns it unchanged otherwise. Closing the wrapper closes the source.
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
                : new GeneSubset(source, newGene, List.copyOf(names), List.copyOf(ids), true);
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
}
