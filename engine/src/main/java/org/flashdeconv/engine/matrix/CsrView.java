package org.flashdeconv.engine.matrix;

import java.lang.foreign.MemorySegment;

/**
 * A compressed-sparse-row matrix (spots x genes) over memory segments. A view: it owns nothing and closes
 * nothing; the segments stay valid as long as their owner (a mapped store, a test arena) is open.
 *
 * <p>Layout: {@code rowPtr} holds {@code rows + 1} little-endian i64 element offsets, non-decreasing, from 0 to
 * nnz; {@code colIdx} holds nnz little-endian i32 column indices, strictly increasing within a row and in
 * {@code [0, cols)}; {@code values} holds nnz values of {@code valueType}.
 *
 * @param rows      number of rows (spots)
 * @param cols      number of columns (genes)
 * @param rowPtr    i64[rows + 1]
 * @param colIdx    i32[nnz]
 * @param values    f32[nnz] or f64[nnz]
 * @param valueType element type of {@code values}
 */
public record CsrView(long rows, long cols, MemorySegment rowPtr, MemorySegment colIdx, MemorySegment values,
                      ValueType valueType) {

    /**
     * Checks the segment sizes against the shape.
     *
     * @throws IllegalArgumentException if a count is negative or a segment is too small for the shape
     */
    public CsrView {
        if (rows < 0 || cols < 0 || cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("CSR shape must be non-negative with cols <= 2^31-1, found "
                    + rows + " x " + cols);
        }
        long ptrBytes = Math.multiplyExact(rows + 1, Long.BYTES);
        if (rowPtr.byteSize() < ptrBytes) {
            throw new IllegalArgumentException("CSR rowPtr needs " + ptrBytes + " bytes for " + rows
                    + " rows, found " + rowPtr.byteSize());
        }
        long nnz = rowPtr.getAtIndex(Layouts.I64, rows);
        if (nnz < 0 || colIdx.byteSize() < Math.multiplyExact(nnz, Integer.BYTES)
                || values.byteSize() < Math.multiplyExact(nnz, valueType.bytes())) {
            throw new IllegalArgumentException("CSR with nnz " + nnz + " needs " + nnz * Integer.BYTES
                    + " column bytes and " + nnz * valueType.bytes() + " value bytes, found "
                    + colIdx.byteSize() + " and " + values.byteSize());
        }
    }

    /** Number of stored entries. */
    public long nnz() {
        return rowPtr.getAtIndex(Layouts.I64, rows);
    }

    /** Element offset of the first entry of {@code row}. */
    public long rowStart(long row) {
        return rowPtr.getAtIndex(Layouts.I64, row);
    }

    /** Element offset one past the last entry of {@code row}. */
    public long rowEnd(long row) {
        return rowPtr.getAtIndex(Layouts.I64, row + 1);
    }

    /** Column index of entry {@code k}. */
    public int col(long k) {
        return colIdx.getAtIndex(Layouts.I32, k);
    }

    /** Value of entry {@code k}, widened to double. */
    public double value(long k) {
        return valueType == ValueType.F32 ? values.getAtIndex(Layouts.F32, k) : values.getAtIndex(Layouts.F64, k);
    }
}
