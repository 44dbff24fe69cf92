package org.flashdeconv.engine.matrix;

import java.lang.foreign.MemorySegment;

/**
 * A compressed-sparse-row matrix (spots x genes) over memory segments. A view: it owns nothing and closes
 * nothing; the segments stay valid as long as their owner (a mapped store, a test arena) is open.
 *
 * <p>Layout: {@code rowPtr} holds {@code rows + 1} little-endian i64 element offsets, non-decreasing, from 0 to
 * nnz; {@code colIdx} holds nnz little-endian i32 stored column indices, strictly increasing within a row;
 * {@code values} holds nnz values of {@code valueType}.
 *
 * <p>Column map: a view may select and reorder columns without copying the data, as gene alignment needs (a
 * store with 36,000 genes, a reference sharing 15,000 of them in another order). With a {@code columnMap}, the
 * stored column {@code c} is model column {@code columnMap[c]}, or is left out when that is -1, and
 * {@code cols} counts the model columns. Without one (null), stored columns are model columns and lie in
 * {@code [0, cols)}. Readers of rows go through {@link #mapColumn}. The map is immutable ({@link ColumnMap}).
 *
 * @param rows      number of rows (spots)
 * @param cols      number of columns (genes)
 * @param rowPtr    i64[rows + 1]
 * @param colIdx    i32[nnz]
 * @param values    f32[nnz] or f64[nnz]
 * @param valueType element type of {@code values}
 * @param columnMap stored column -> model column or -1 ({@code cols} model columns), or null for the identity
 */
public record CsrView(long rows, long cols, MemorySegment rowPtr, MemorySegment colIdx, MemorySegment values,
                      ValueType valueType, ColumnMap columnMap) {

    /**
     * A view without a column map.
     *
     * @throws IllegalArgumentException if a count is negative or a segment is too small for the shape
     */
    public CsrView(long rows, long cols, MemorySegment rowPtr, MemorySegment colIdx, MemorySegment values,
                   ValueType valueType) {
        this(rows, cols, rowPtr, colIdx, values, valueType, null);
    }

    /**
     * Checks the segment sizes against the shape, and the column map's model column count.
     *
     * @throws IllegalArgumentException if a count is negative, a segment is too small for the shape, or the map
     *                                  has another number of model columns than {@code cols}
     */
    public CsrView {
        if (columnMap != null && columnMap.modelColumns() != cols) {
            throw new IllegalArgumentException("CSR column map has " + columnMap.modelColumns()
                    + " model columns but the view " + cols);
        }
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

    /**
     * A view of the same data whose stored columns map to {@code modelCols} model columns through {@code map}
     * (see the class comment); composes with this view's map, if any.
     *
     * @throws IllegalArgumentException if the map's length differs from this view's model column count or an
     *                                  entry lies outside {@code [-1, modelCols)}
     */
    public CsrView withColumnMap(int[] map, int modelCols) {
        if (map.length != cols) {
            throw new IllegalArgumentException("column map of length " + map.length + " for a matrix of " + cols
                    + " columns");
        }
        ColumnMap composed = columnMap == null ? ColumnMap.of(map, modelCols) : columnMap.then(map, modelCols);
        return new CsrView(rows, modelCols, rowPtr, colIdx, values, valueType, composed);
    }

    /** The model column of stored column {@code storedCol}, or -1 if the view leaves it out. */
    public int mapColumn(int storedCol) {
        return columnMap == null ? storedCol : columnMap.get(storedCol);
    }

    /** Value of entry {@code k}, widened to double. */
    public double value(long k) {
        return valueType == ValueType.F32 ? values.getAtIndex(Layouts.F32, k) : values.getAtIndex(Layouts.F64, k);
    }
}
