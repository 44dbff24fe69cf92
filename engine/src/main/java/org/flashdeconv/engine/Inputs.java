package org.flashdeconv.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * Input validation of docs/algorithm.md §2.2 and the copies of small heap inputs into off-heap views. The counts'
 * values (§2.2 item 5 for Y) are checked by the first streaming pass ({@code GeneStats.compute}), so on the streaming
 * path a bad count is reported after the signature and coordinate checks.
 */
final class Inputs {


    private Inputs() {
    }

    /** Columns of a rectangular matrix (0 for no rows). */
    static int requireRectangular(double[][] m, String what) {
        if (m == null) {
            throw new IllegalArgumentException(what + " must be a two-dimensional array, found null");
        }
        int cols = m.length == 0 ? 0 : requireRow(m[0], what, 0);
        for (int i = 1; i < m.length; i++) {
            if (requireRow(m[i], what, i) != cols) {
                throw new IllegalArgumentException(what + " must be two-dimensional: row " + i + " has "
                        + m[i].length + " values, row 0 has " + cols);
            }
        }
        return cols;
    }

    private static int requireRow(double[] row, String what, int i) {
        if (row == null) {
            throw new IllegalArgumentException(what + " must be two-dimensional: row " + i + " is null");
        }
        return row.length;
    }

    /** The non-zeros of a dense spots x genes matrix (checked rectangular). */
    static CsrArrays fromDense(double[][] counts) {
        int cols = requireRectangular(counts, "counts");
        long[] ptr = new long[counts.length + 1];
        int nnz = 0;
        for (double[] row : counts) {
            for (double v : row) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int g = 0; g < cols; g++) {
                if (counts[i][g] != 0) {
                    idx[at] = g;
                    val[at++] = counts[i][g];
                }
            }
            ptr[i + 1] = at;
        }
        return new CsrArrays(ptr, idx, val, cols);
    }

    /** Checks the CSR structure and copies it into {@code arena}. */
    static CsrView toView(CsrArrays m, Arena arena) {
        long[] ptr = m.rowPtr();
        if (ptr == null || ptr.length == 0 || ptr[0] != 0 || m.colIdx() == null || m.values() == null
                || m.cols() < 0) {
            throw new IllegalArgumentException("counts CSR needs rowPtr of length rows + 1 starting at 0, colIdx, "
                    + "values and cols >= 0");
        }
        long nnz = ptr[ptr.length - 1];
        if (nnz != m.colIdx().length || nnz != m.values().length) {
            throw new IllegalArgumentException("counts CSR: rowPtr ends at " + nnz + " but colIdx has "
                    + m.colIdx().length + " and values " + m.values().length + " entries");
        }
        for (int i = 0; i + 1 < ptr.length; i++) {
            if (ptr[i + 1] < ptr[i]) {
                throw new IllegalArgumentException("counts CSR: rowPtr decreases at row " + i);
            }
            for (long e = ptr[i]; e < ptr[i + 1]; e++) {
                int c = m.colIdx()[(int) e];
                if (c < 0 || c >= m.cols() || (e > ptr[i] && c <= m.colIdx()[(int) e - 1])) {
                    throw new IllegalArgumentException("counts CSR: row " + i + " has column " + c
                            + " out of order or outside [0, " + m.cols() + ")");
                }
            }
        }
        MemorySegment p = arena.allocateFrom(Layouts.I64, ptr);
        MemorySegment c = arena.allocate(Layouts.I32, Math.max(1, nnz));
        MemorySegment v = arena.allocate(Layouts.F64, Math.max(1, nnz));
        MemorySegment.copy(m.colIdx(), 0, c, Layouts.I32, 0, (int) nnz);
        MemorySegment.copy(m.values(), 0, v, Layouts.F64, 0, (int) nnz);
        return new CsrView(ptr.length - 1, m.cols(), p, c, v, ValueType.F64);
    }

    /** Copies rectangular coordinates (at least one column) into {@code arena}. */
    static CoordsView toView(double[][] coords, Arena arena) {
        int dim = requireRectangular(coords, "coordinates");
        if (coords.length > 0 && dim < 1) {
            throw new IllegalArgumentException("coordinates must have at least one column, found 0");
        }
        int d = Math.max(dim, 1);
        MemorySegment seg = arena.allocate(Layouts.F64, Math.max(1, (long) coords.length * d));
        for (int i = 0; i < coords.length; i++) {
            MemorySegment.copy(coords[i], 0, seg, Layouts.F64, (long) i * d * Double.BYTES, dim);
        }
        return new CoordsView(coords.length, d, seg);
    }

    /**
     * docs/algorithm.md §2.2 items 2-7 except the count values; returns warnings (all-zero signatures, k above N − 1,
     * identical coordinates).
     */
    static List<String> validate(CsrView y, double[][] x, CoordsView c, List<String> names,
                                 FlashDeconvOptions options) {
        int genesX = requireRectangular(x, "signatures");
        boolean geneAxisKnown = x.length > 0 && (y.rows() > 0 || y.cols() > 0); // a 0 x 0 dense input has none
        if (geneAxisKnown && genesX != y.cols()) {
            throw new IllegalArgumentException("gene dimension mismatch: the signatures have " + genesX
                    + " genes but the counts have " + y.cols() + " (expected the same genes in the same order)");
        }
        if (c.n() != y.rows()) {
            throw new IllegalArgumentException("spot count mismatch: the coordinates have " + c.n()
                    + " rows but the counts have " + y.rows() + " spots");
        }
        if (y.rows() < 1) {
            throw new IllegalArgumentException("at least one spot is needed, found 0");
        }
        if (x.length < 1) {
            throw new IllegalArgumentException("at least one cell type is needed, found 0 signature rows");
        }
        List<String> warnings = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            double sum = 0;
            for (int g = 0; g < genesX; g++) {
                double v = x[k][g];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("signatures: value " + v + " at cell type " + k
                            + typeName(names, k) + ", gene " + g + " (expected finite and >= 0)");
                }
                sum += v;
            }
            if (sum == 0) {
                warnings.add("cell type " + k + typeName(names, k) + " has an all-zero signature");
            }
        }
        boolean allSame = true;
        for (long i = 0; i < c.n(); i++) {
            for (int d = 0; d < c.dim(); d++) {
                double v = c.get(i, d);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("coordinates: value " + v + " at spot " + i + ", column " + d
                            + " (expected a finite number)");
                }
                allSame &= v == c.get(0, d);
            }
        }
        if (names != null && names.size() != x.length) {
            throw new IllegalArgumentException("cell type names: " + names.size() + " given for " + x.length
                    + " signature rows");
        }
        if (allSame && c.n() > 1) {
            warnings.add("all " + c.n() + " spots have identical coordinates; neighbours are chosen by index");
        }
        if (options.spatialMethod() == SpatialMethod.KNN && options.kNeighbors() > y.rows() - 1) {
            warnings.add("k_neighbors " + options.kNeighbors() + " exceeds N - 1 = " + (y.rows() - 1)
                    + "; every spot is linked to all others");
        }
        return warnings;
    }

    private static String typeName(List<String> names, int k) {
        return names != null && k < names.size() ? " (" + names.get(k) + ")" : "";
    }
}
