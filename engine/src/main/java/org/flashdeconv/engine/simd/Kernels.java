package org.flashdeconv.engine.simd;

import java.lang.foreign.MemorySegment;

/**
 * The hot inner loops of the engine as small kernels over heap arrays and f64 segments.
 *
 * <p>Two kinds of kernel, with different guarantees between implementations:
 * <ul>
 *   <li>element-wise kernels ({@link #axpy}, {@link #scatterAxpy}, {@link #addSegment}, {@link #matVec}) compute
 *       every output element with the same operations in the same order as the plain loop in their javadoc
 *       (a multiply then an add, never a fused multiply-add), so every implementation gives the same bits;</li>
 *   <li>reductions ({@link #dot}, {@link #gatherDot}, {@link #sumOfSquares}) may sum in another order (per lane,
 *       then across lanes) and may fuse multiply-adds: they agree with the plain loop within
 *       {@code 2·(n+1)·2⁻⁵³·Σ|terms|}, and are deterministic for a given implementation and input.</li>
 * </ul>
 * Implementations are stateless and thread-safe. Offsets and lengths are not checked beyond what array and
 * segment accesses check themselves.
 */
public interface Kernels {

    /** Σ_{i<n} a[aOff+i]·b[bOff+i]. */
    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    /** y[yOff+i] += alpha·x[xOff+i] for i < n (element-wise: the same bits in every implementation). */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n);

    /** Σ_{i<n} a[off+i]². */
    double sumOfSquares(double[] a, int off, int n);

    /** Σ_{j<n} values[j]·x[index[j]]: the dot product of a sparse row with a dense vector. */
    double gatherDot(double[] x, int[] index, double[] values, int n);

    /**
     * y[index[j]] += alpha·values[j] for j < n: a sparse row added into a dense vector. The indices must be
     * distinct (as the columns of a CSR row are); element-wise, so the same bits in every implementation.
     */
    void scatterAxpy(double alpha, double[] values, int[] index, double[] y, int n);

    /**
     * acc[i] += src[first+i] for i < n, where src holds little-endian f64 and {@code first} is an element index
     * (a neighbour's K values added into a running sum). Element-wise.
     */
    void addSegment(MemorySegment src, long first, double[] acc, int n);

    /**
     * out = M·x for a k x k matrix stored column-major ({@code columns[l*k + i]} is M[i, l]): out[i] is summed
     * over l in index order, {@code out[i] = (((0 + M[i,0]·x[0]) + M[i,1]·x[1]) + ...)}. Element-wise.
     */
    void matVec(double[] columns, int k, double[] x, double[] out);

    /** A short name for logs and benchmark reports ("scalar", "vector-512" ...). */
    String name();

    /** The implementation chosen at start-up (see {@link KernelChoice}). */
    static Kernels best() {
        return KernelChoice.BEST;
    }

    /** The plain scalar implementation (always available). */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }
}
