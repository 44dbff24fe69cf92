package org.flashdeconv.io.reference;

import java.util.List;

/**
 * Reference cell-type signatures: a K x G matrix of expression per cell type (K types, G genes), on the heap
 * (K x G is small).
 *
 * @param cellTypes  the K type names: sorted by name when built from single cells, file order from a CSV
 * @param geneNames  the G gene names, in column order
 * @param geneIds    the G gene ids (Ensembl and the like), or an empty list when the input has none
 * @param signatures {@code signatures[k][g]}: the mean expression of gene g in type k
 * @param cellCounts the number of cells behind each type when built from single cells, else an empty array
 */
public record Reference(List<String> cellTypes, List<String> geneNames, List<String> geneIds,
                        double[][] signatures, long[] cellCounts) {

    /**
     * Checks the shapes.
     *
     * @throws IllegalArgumentException if the signatures are not K x G, the ids or counts have the wrong length,
     *                                  or there is no type or no gene
     */
    public Reference {
        cellTypes = List.copyOf(cellTypes);
        geneNames = List.copyOf(geneNames);
        geneIds = List.copyOf(geneIds);
        if (cellTypes.isEmpty() || geneNames.isEmpty()) {
            throw new IllegalArgumentException("reference: expected at least one cell type and one gene, found "
                    + cellTypes.size() + " types and " + geneNames.size() + " genes");
        }
        if (signatures.length != cellTypes.size()) {
            throw new IllegalArgumentException("reference: " + cellTypes.size() + " cell types but "
                    + signatures.length + " signature rows");
        }
        for (int k = 0; k < signatures.length; k++) {
            if (signatures[k].length != geneNames.size()) {
                throw new IllegalArgumentException("reference: signature row " + k + " (" + cellTypes.get(k)
                        + ") has " + signatures[k].length + " values but there are " + geneNames.size() + " genes");
            }
        }
        if (!geneIds.isEmpty() && geneIds.size() != geneNames.size()) {
            throw new IllegalArgumentException("reference: " + geneIds.size() + " gene ids for "
                    + geneNames.size() + " genes");
        }
        if (cellCounts.length != 0 && cellCounts.length != cellTypes.size()) {
            throw new IllegalArgumentException("reference: " + cellCounts.length + " cell counts for "
                    + cellTypes.size() + " cell types");
        }
    }

    /** Number of cell types (K). */
    public int types() {
        return cellTypes.size();
    }

    /**
     * This reference without the types named in {@code excluded}.
     *
     * @throws IllegalArgumentException if a name is not a type of this reference (the message lists the types), or
     *                                  no type would be left
     */
    public Reference withoutTypes(java.util.Collection<String> excluded) {
        for (String t : excluded) {
            if (!cellTypes.contains(t)) {
                throw new IllegalArgumentException("exclude types: the reference has no cell type '" + t
                        + "' (types: " + String.join(", ", cellTypes) + ")");
            }
        }
        java.util.List<String> types = new java.util.ArrayList<>();
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        java.util.List<Long> counts = new java.util.ArrayList<>();
        for (int k = 0; k < cellTypes.size(); k++) {
            if (!excluded.contains(cellTypes.get(k))) {
                types.add(cellTypes.get(k));
                rows.add(signatures[k]);
                if (cellCounts.length > 0) {
                    counts.add(cellCounts[k]);
                }
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("exclude types: no cell type would be left");
        }
        return new Reference(types, geneNames, geneIds, rows.toArray(double[][]::new),
                counts.stream().mapToLong(Long::longValue).toArray());
    }

    /** Number of genes (G). */
    public int genes() {
        return geneNames.size();
    }
}
