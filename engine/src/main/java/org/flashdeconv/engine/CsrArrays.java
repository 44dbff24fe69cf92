package org.flashdeconv.engine;

/**
 * A small spots x genes count matrix in compressed-sparse-row form, on the heap. Checked when fitted
 * (row pointers from 0, non-decreasing, to nnz; column indices in [0, cols) and strictly increasing per row).
 *
 * @param rowPtr element offsets, length rows + 1
 * @param colIdx column (gene) index of every stored value
 * @param values the stored counts
 * @param cols   number of genes G
 */
public record CsrArrays(long[] rowPtr, int[] colIdx, double[] values, int cols) {

    /** The same matrix with {@code int} row pointers. */
    public static CsrArrays of(int[] rowPtr, int[] colIdx, double[] values, int cols) {
        long[] ptr = new long[rowPtr.length];
        for (int i = 0; i < rowPtr.length; i++) {
            ptr[i] = rowPtr[i];
        }
        return new CsrArrays(ptr, colIdx, values, cols);
    }

    /** Number of rows (spots). */
    public int rows() {
        return Math.max(0, rowPtr.length - 1);
    }
}
