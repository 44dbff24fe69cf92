package org.flashdeconv.engine.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/** Builds off-heap views from plain arrays, for tests. */
public final class TestMatrices {
    private TestMatrices() {
    }

    /** A CSR view (f64 values) of the non-zeros of a dense spots x genes matrix, allocated in {@code arena}. */
    public static CsrView csr(double[][] dense, Arena arena) {
        int rows = dense.length;
        int cols = rows == 0 ? 0 : dense[0].length;
        long nnz = 0;
        for (double[] r : dense) {
            for (double v : r) {
                if (v != 0) {
                    nnz++;
                }
            }
        }
        MemorySegment ptr = arena.allocate(Layouts.I64, rows + 1L);
        MemorySegment idx = arena.allocate(Layouts.I32, Math.max(1, nnz));
        MemorySegment val = arena.allocate(Layouts.F64, Math.max(1, nnz));
        long k = 0;
        for (int i = 0; i < rows; i++) {
            ptr.setAtIndex(Layouts.I64, i, k);
            for (int g = 0; g < cols; g++) {
                if (dense[i][g] != 0) {
                    idx.setAtIndex(Layouts.I32, k, g);
                    val.setAtIndex(Layouts.F64, k, dense[i][g]);
                    k++;
                }
            }
        }
        ptr.setAtIndex(Layouts.I64, rows, k);
        return new CsrView(rows, cols, ptr, idx, val, ValueType.F64);
    }

    /** A coordinates view of an N x D array, allocated in {@code arena}. */
    public static CoordsView coords(double[][] c, Arena arena) {
        int n = c.length;
        int dim = n == 0 ? 2 : c[0].length;
        MemorySegment seg = arena.allocate(Layouts.F64, Math.max(1, (long) n * dim));
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                seg.setAtIndex(Layouts.F64, (long) i * dim + d, c[i][d]);
            }
        }
        return new CoordsView(n, dim, seg);
    }
}
