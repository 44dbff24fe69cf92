package org.flashdeconv.engine.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.flashdeconv.engine.matrix.Layouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scalar kernels equal naive loops exactly; the Vector API kernels (when the module is present, as under
 * surefire) give the scalar bits for element-wise kernels and agree within {@code 2·(n+1)·2⁻⁵³·Σ|terms|} for
 * reductions.
 */
class KernelsTest {

    private static final Kernels SCALAR = Kernels.scalar();
    private static final double U = 0x1p-53;

    private static Kernels vector() {
        KernelChoice.Choice c = KernelChoice.choose(true, null);
        assumeTrue(c.reason() == null, "Vector API kernels unavailable: " + c.reason());
        return c.kernels();
    }

    private static double[] random(Random r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }

    /** n distinct indices into [0, range), shuffled. */
    private static int[] distinct(Random r, int n, int range) {
        int[] all = new int[range];
        for (int i = 0; i < range; i++) {
            all[i] = i;
        }
        for (int i = range - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, n);
    }

    private static void assertClose(double expected, double actual, int n, double absSum) {
        double bound = 2.0 * (n + 1) * U * absSum;
        assertTrue(Math.abs(expected - actual) <= bound, () -> "n=" + n + ": " + expected + " vs " + actual
                + " differ by more than " + bound);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 1023})
    void reductionsEqualNaiveLoopsAndAgreeAcrossImplementations(int n) {
        Random r = new Random(42 + n);
        double[] a = random(r, n + 5);
        double[] b = random(r, n + 3);
        double[] x = random(r, 2 * n + 10);
        int[] idx = distinct(r, n, 2 * n + 10);
        double dot = 0;
        double dotAbs = 0;
        double sq = 0;
        double gather = 0;
        double gatherAbs = 0;
        for (int i = 0; i < n; i++) {
            dot += a[5 + i] * b[3 + i];
            dotAbs += Math.abs(a[5 + i] * b[3 + i]);
            sq += a[5 + i] * a[5 + i];
            gather += b[i] * x[idx[i]];
            gatherAbs += Math.abs(b[i] * x[idx[i]]);
        }
        assertEquals(dot, SCALAR.dot(a, 5, b, 3, n));
        assertEquals(sq, SCALAR.sumOfSquares(a, 5, n));
        assertEquals(gather, SCALAR.gatherDot(x, idx, b, n));
        Kernels v = vector();
        assertClose(dot, v.dot(a, 5, b, 3, n), n, dotAbs);
        assertClose(sq, v.sumOfSquares(a, 5, n), n, sq);
        assertClose(gather, v.gatherDot(x, idx, b, n), n, gatherAbs);
        if (n == 0) {
            assertEquals(0.0, v.dot(a, 5, b, 3, 0));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 1023})
    void elementWiseKernelsGiveTheScalarBits(int n) {
        Random r = new Random(7 + n);
        double alpha = r.nextDouble() * 3 - 1.5;
        double[] x = random(r, n + 2);
        double[] y0 = random(r, n + 4);
        double[] naive = y0.clone();
        for (int i = 0; i < n; i++) {
            naive[4 + i] = naive[4 + i] + alpha * x[2 + i];
        }
        double[] ys = y0.clone();
        SCALAR.axpy(alpha, x, 2, ys, 4, n);
        assertArrayEquals(naive, ys);
        double[] yv = y0.clone();
        vector().axpy(alpha, x, 2, yv, 4, n);
        assertArrayEquals(naive, yv);

        double[] dense0 = random(r, 2 * n + 3);
        int[] idx = distinct(r, n, 2 * n + 3);
        double[] dense = dense0.clone();
        for (int j = 0; j < n; j++) {
            dense[idx[j]] += alpha * x[j];
        }
        double[] ds = dense0.clone();
        SCALAR.scatterAxpy(alpha, x, idx, ds, n);
        assertArrayEquals(dense, ds);
        double[] dv = dense0.clone();
        vector().scatterAxpy(alpha, x, idx, dv, n);
        assertArrayEquals(dense, dv);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 1023})
    void addSegmentGivesTheScalarBits(int n) {
        Random r = new Random(99 + n);
        double[] src = random(r, n + 3);
        double[] acc0 = random(r, n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(Layouts.F64, src.length + 1L);
            MemorySegment.copy(src, 0, seg, Layouts.F64, 0, src.length);
            double[] naive = acc0.clone();
            for (int i = 0; i < n; i++) {
                naive[i] += src[3 + i];
            }
            double[] as = acc0.clone();
            SCALAR.addSegment(seg, 3, as, n);
            assertArrayEquals(naive, as);
            double[] av = acc0.clone();
            vector().addSegment(seg, 3, av, n);
            assertArrayEquals(naive, av);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7, 8, 9, 12, 16, 17, 50, 63, 64, 65})
    void matVecSumsOverColumnsInIndexOrder(int k) {
        Random r = new Random(3 + k);
        double[] m = random(r, k * k);
        double[] x = random(r, k);
        double[] naive = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int l = 0; l < k; l++) {
                s += m[l * k + i] * x[l];
            }
            naive[i] = s;
        }
        double[] out = random(r, k); // stale contents must be overwritten
        SCALAR.matVec(m, k, x, out);
        assertArrayEquals(naive, out);
        double[] outV = random(r, k);
        vector().matVec(m, k, x, outV);
        assertArrayEquals(naive, outV);
    }

    @Test
    void choiceFallsBackToScalarWithAReason() {
        KernelChoice.Choice absent = KernelChoice.choose(false, null);
        assertSame(SCALAR, absent.kernels());
        assertTrue(absent.reason().contains("jdk.incubator.vector is not present"), absent.reason());
        KernelChoice.Choice forced = KernelChoice.choose(true, "scalar");
        assertSame(SCALAR, forced.kernels());
        assertTrue(forced.reason().contains("flashdeconv.simd=scalar"), forced.reason());
        assertEquals("scalar", SCALAR.name());
    }

    @Test
    void bestIsTheVectorImplementationWhenTheModuleIsPresent() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        Kernels v = vector();
        assertNotSame(SCALAR, v);
        assertTrue(v.name().startsWith("vector-"), v.name());
        assertEquals(v.getClass(), Kernels.best().getClass());
    }
}
