package org.flashdeconv.engine.solver;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * The data of one non-negative, L1 and graph-Laplacian penalised regression (docs/algorithm.md §9, §10.1). A view: it
 * owns nothing; the segments stay valid as long as their owner keeps them.
 *
 * <p>Layout: {@code h} is H transposed, N x K f64 spot-major (element {@code i*K + k} is H[k, i] = x_k·yr_i);
 * {@code gram} is Xr·Xrᵀ as a flat row-major K x K array (element {@code k*K + l}); the graph is a CSR
 * adjacency: {@code rowPtr} i64[N+1] element offsets into {@code neighbors} i32[...] (each spot's neighbours,
 * no self-loops). The degree of spot i is {@code rowPtr[i+1] - rowPtr[i]}.
 *
 * @param spots     N
 * @param types     K
 * @param h         f64[N*K], spot-major
 * @param gram      K*K, row-major
 * @param rowPtr    i64[N+1]
 * @param neighbors i32[rowPtr[N]]
 * @param yrSqNorm  ‖Yr‖²_F, used only by the reported objective
 */
public record BcdProblem(long spots, int types, MemorySegment h, double[] gram, MemorySegment rowPtr,
                         MemorySegment neighbors, double yrSqNorm) {

    /**
     * Checks the shapes.
     *
     * @throws IllegalArgumentException if a count is negative or an array or segment is too small
     */
    public BcdProblem {
        if (spots < 0 || types < 0) {
            throw new IllegalArgumentException("problem shape must be non-negative, found " + spots + " x " + types);
        }
        if (gram.length != types * types) {
            throw new IllegalArgumentException("gram must hold " + types + " x " + types + " values, found "
                    + gram.length);
        }
        long cells = Math.multiplyExact(spots, (long) types);
        if (h.byteSize() < Math.multiplyExact(cells, (long) Double.BYTES)) {
            throw new IllegalArgumentException("H needs " + cells + " f64 values, found " + h.byteSize() + " bytes");
        }
        if (rowPtr.byteSize() < Math.multiplyExact(spots + 1, (long) Long.BYTES)) {
            throw new IllegalArgumentException("graph rowPtr needs " + (spots + 1) + " i64 values, found "
                    + rowPtr.byteSize() + " bytes");
        }
        long entries = rowPtr.getAtIndex(Layouts.I64, spots);
        if (neighbors.byteSize() < Math.multiplyExact(entries, (long) Integer.BYTES)) {
            throw new IllegalArgumentException("graph neighbours need " + entries + " i32 values, found "
                    + neighbors.byteSize() + " bytes");
        }
    }

    /** Number of cells N*K of an N x K buffer. */
    public long cells() {
        return spots * types;
    }

    /** Mean degree (1/N)·Σ deg_i, 0 for N = 0. */
    public double meanDegree() {
        return spots == 0 ? 0 : rowPtr.getAtIndex(Layouts.I64, spots) / (double) spots;
    }
}
