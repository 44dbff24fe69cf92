package org.flashdeconv.io.genes;

import java.util.Arrays;
import java.util.List;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.GeneSubset;

/**
 * The genes shared by the spatial data and the reference, aligned: the working gene order of docs/algorithm.md §15,
 * sorted by (spatial) gene name.
 *
 * @param genes              the aligned gene names (the spatial side's names), sorted
 * @param spatialIndex       for aligned gene i, its column in the spatial data
 * @param referenceIndex     for aligned gene i, its column in the reference
 * @param spatialToAligned   for each spatial column, its aligned index or -1
 * @param referenceToAligned for each reference column, its aligned index or -1
 * @param report             counts per rule and the unmatched genes
 * @param warnings           duplicated names and the like, one line each
 */
public record GeneMatch(List<String> genes, int[] spatialIndex, int[] referenceIndex, int[] spatialToAligned,
                        int[] referenceToAligned, OverlapReport report, List<String> warnings) {

    /** Copies the lists. */
    public GeneMatch {
        genes = List.copyOf(genes);
        warnings = List.copyOf(warnings);
    }

    /** Number of aligned genes. */
    public int size() {
        return genes.size();
    }

    /**
     * The reference's signatures restricted to and reordered by the aligned genes: {@code [K][size()]}.
     *
     * @throws IllegalArgumentException if the reference does not have the gene count this match was made for
     */
    public double[][] alignSignatures(Reference reference) {
        if (reference.genes() != referenceToAligned.length) {
            throw new IllegalArgumentException("align signatures: the match was made for " + referenceToAligned.length
                    + " reference genes, the reference has " + reference.genes());
        }
        double[][] out = new double[reference.types()][referenceIndex.length];
        for (int k = 0; k < out.length; k++) {
            for (int a = 0; a < referenceIndex.length; a++) {
                out[k][a] = reference.signatures()[k][referenceIndex[a]];
            }
        }
        return out;
    }

    /**
     * The spatial source restricted to the aligned genes, renumbered in aligned (sorted) order: entries of unmatched
     * genes are dropped. Entries within a spot then no longer come in ascending gene order, so it is not spot-major
     * (the store converter sorts). Closing it closes {@code spatial}.
     *
     * @throws IllegalArgumentException if the source does not have the gene count this match was made for
     */
    public CountSource alignSpatial(CountSource spatial) {
        if (spatial.genes() != spatialToAligned.length) {
            throw new IllegalArgumentException("align spatial data: the match was made for " + spatialToAligned.length
                    + " spatial genes, the source has " + spatial.genes());
        }
        List<String> ids = spatial.geneIds().isEmpty() ? List.of()
                : Arrays.stream(spatialIndex).mapToObj(spatial.geneIds()::get).toList();
        return new GeneSubset(spatial, spatialToAligned, genes, ids, false);
    }

    /**
     * Returns this match if at least {@code minOverlap} genes matched.
     *
     * @throws IllegalArgumentException if minOverlap is below 1
     * @throws GeneOverlapException     if fewer genes matched
     */
    public GeneMatch requireAtLeast(int minOverlap) throws GeneOverlapException {
        if (minOverlap < 1) {
            throw new IllegalArgumentException("min-overlap: expected at least 1, found " + minOverlap);
        }
        if (size() < minOverlap) {
            throw new GeneOverlapException(report, minOverlap);
        }
        return this;
    }
}
