package org.flashdeconv.io.genes;

import java.util.List;

/**
 * The genes shared by the spatial data and the reference, aligned: the working gene order of §15 of the
 * specification, sorted by (spatial) gene name.
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
