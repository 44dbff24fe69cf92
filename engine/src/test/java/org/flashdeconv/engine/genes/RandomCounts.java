package org.flashdeconv.engine.genes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/** Random sparse count matrices for tests, and an f32 CSR builder (TestMatrices builds f64). */
public final class RandomCounts {
    private RandomCounts() {
    }

    /**
     * A spots x genes matrix of integer counts: each entry non-zero with probability {@code density}, counts in
     * [1, maxCount]; about one spot in ten has no counts at all.
     */
    public static double[][] dense(Random rnd, int spots, int genes, double density, int maxCount) {
        double[][] y = new double[spots][genes];
        for (int i = 0; i < spots; i++) {
            if (rnd.nextInt(10) == 0) {
                continue;
            }
            for (int g = 0; g < genes; g++) {
                if (rnd.nextDouble() < density) {
                    y[i][g] = 1 + rnd.nextInt(maxCount);
                }
            }
        }
        return y;
    }

    /** The non-zeros of {@code dense} as a CSR view with f32 values, allocated in {@code arena}. */
    public static CsrView csrF32(double[][] dense, Arena arena) {
        int rows = dense.length;
        int cols = rows == 0 ? 0 : dense[0].length;
        long nnz = 0;
        for (double[] r : dense) {
            for (double v : r) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        MemorySegment ptr = arena.allocate(Layouts.I64, rows + 1L);
        MemorySegment idx = arena.allocate(Layouts.I32, Math.max(1, nnz));
        MemorySegment val = arena.allocate(Layouts.F32, Math.max(1, nnz));
        long k = 0;
        for (int i = 0; i < rows; i++) {
            ptr.setAtIndex(Layouts.I64, i, k);
            for (int g = 0; g < cols; g++) {
                if (dense[i][g] != 0) {
                    idx.setAtIndex(Layouts.I32, k, g);
                    val.setAtIndex(Layouts.F32, k, (float) dense[i][g]);
                    k++;
                }
            }
        }
        ptr.setAtIndex(Layouts.I64, rows, k);
        return new CsrView(rows, cols, ptr, idx, val, ValueType.F32);
    }
}
