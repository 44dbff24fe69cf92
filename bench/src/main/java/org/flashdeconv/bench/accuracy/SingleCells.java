package org.flashdeconv.bench.accuracy;

/**
 * A single-cell reference for methods that use cells rather than signatures: cells x genes counts in CSR (genes
 * aligned with the data set's genes) and each cell's reference type.
 *
 * @param rowPtr int[cells + 1] entry offsets
 * @param genes  int[nnz] gene (column) of each entry
 * @param counts double[nnz] counts
 * @param type   int[cells] index into the data set's reference types
 */
public record SingleCells(int[] rowPtr, int[] genes, double[] counts, int[] type) {

    /**
     * Checks the shapes.
     *
     * @throws IllegalArgumentException if the arrays disagree
     */
    public SingleCells {
        if (rowPtr.length != type.length + 1 || genes.length != counts.length
                || rowPtr[type.length] != genes.length) {
            throw new IllegalArgumentException("single cells: " + type.length + " cells, " + rowPtr.length
                    + " row pointers, " + genes.length + " genes and " + counts.length + " counts");
        }
    }

    /** Number of cells. */
    public int cells() {
        return type.length;
    }
}
