package org.flashdeconv.engine.genes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.engine.testing.TestMatrices;

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
        CsrView f64 = TestMatrices.csr(dense, arena);
        long nnz = f64.nnz();
        MemorySegment values = arena.allocate(Layouts.F32, Math.max(1, nnz));
        for (long k = 0; k < nnz; k++) {
            values.setAtIndex(Layouts.F32, k, (float) f64.value(k));
        }
        return new CsrView(f64.rows(), f64.cols(), f64.rowPtr(), f64.colIdx(), values, ValueType.F32);
    }
}
