package org.flashdeconv.io.h5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A compressed sparse matrix stored as three HDF5 datasets ({@code data}, {@code indices}, {@code indptr}: CSR
 * when the major axis is rows, CSC when it is columns), streamed major by major with a bounded window: at most
 * one major's entries or a block of entries (default {@value #BLOCK}), whichever is larger, are held at a time.
 */
final class CompressedMatrix {
    /** Default entries read per slice; also the indptr slice length. */
    static final int BLOCK = 1 << 16;

    /** Receives one stored entry. */
    @FunctionalInterface
    interface Visitor {
        void accept(long major, int minor, double value, long entry) throws IOException;
    }

    private final Path file;
    private final NumericArray data;
    private final NumericArray indices;
    private final NumericArray indptr;
    private final long majors;
    private final int minors;
    private final long nnz;
    private final int block;

    /**
     * Checks the dataset lengths against the shape.
     *
     * @throws H5FormatException if indptr does not have majors + 1 values or data and indices differ in length
     */
    CompressedMatrix(Path file, NumericArray data, NumericArray indices, NumericArray indptr, long majors,
                     int minors) throws H5FormatException {
        this(file, data, indices, indptr, majors, minors, BLOCK);
    }

    /** As above, reading {@code block} entries (and pointers) per slice; small blocks exercise the windowing. */
    CompressedMatrix(Path file, NumericArray data, NumericArray indices, NumericArray indptr, long majors,
                     int minors, int block) throws H5FormatException {
        this.file = file;
        this.block = block;
        this.data = data;
        this.indices = indices;
        this.indptr = indptr;
        this.majors = majors;
        this.minors = minors;
        this.nnz = data.length();
        if (indptr.length() != majors + 1) {
            throw new H5FormatException(file, indptr.path(), "expected " + (majors + 1) + " values (shape "
                    + majors + " + 1), found " + indptr.length());
        }
        if (indices.length() != nnz) {
            throw new H5FormatException(file, indices.path(), "has " + indices.length() + " values but "
                    + data.path() + " has " + nnz);
        }
    }

    /** Number of stored entries. */
    long nnz() {
        return nnz;
    }

    /** The HDF5 path of the data dataset, for entry locations. */
    String dataPath() {
        return data.path();
    }

    /**
     * Visits every stored entry in major order; with {@code sortMinors}, the entries of each major in ascending
     * minor order (the file's order otherwise).
     *
     * @throws H5FormatException on a malformed indptr or an index out of range
     * @throws IOException       as thrown by the visitor
     */
    void forEach(boolean sortMinors, Visitor visitor) throws IOException {
        long[] ptr = new long[block + 1];
        long ptrFirst = -1;
        int capacity = (int) Math.min(block, Math.max(1, nnz));
        double[] values = new double[capacity];
        long[] minor = new long[capacity];
        long[] order = sortMinors ? new long[capacity] : null;
        long winStart = 0;
        long winEnd = 0;
        long start = 0;
        for (long m = 0; m < majors; m++) {
            if (ptrFirst < 0 || m + 1 >= ptrFirst + block + 1) {
                ptrFirst = m;
                int n = (int) Math.min(block + 1, majors + 1 - m);
                indptr.readLongs(m, n, ptr);
                if (m == 0 && ptr[0] != 0) {
                    throw new H5FormatException(file, indptr.path() + "[0]", "expected 0, found " + ptr[0]);
                }
            }
            long end = ptr[(int) (m + 1 - ptrFirst)];
            if (end < start || end > nnz) {
                throw new H5FormatException(file, indptr.path() + "[" + (m + 1) + "]", "expected a value in ["
                        + start + ", " + nnz + "], found " + end);
            }
            int len = (int) (end - start);
            if (len > minors) {
                throw new H5FormatException(file, indptr.path() + "[" + m + "]", "major " + m + " holds " + len
                        + " entries but there are only " + minors + " minor indices");
            }
            if (end > winEnd) {
                if (len > values.length) {
                    values = new double[len];
                    minor = new long[len];
                    if (sortMinors) {
                        order = new long[len];
                    }
                }
                int n = (int) Math.min(values.length, nnz - start);
                data.readDoubles(start, n, values);
                indices.readLongs(start, n, minor);
                winStart = start;
                winEnd = start + n;
            }
            int off = (int) (start - winStart);
            boolean sorted = true;
            for (int i = 0; i < len; i++) {
                long j = minor[off + i];
                if (j < 0 || j >= minors) {
                    throw new H5FormatException(file, indices.path() + "[" + (start + i) + "]",
                            "expected an index in [0, " + minors + "), found " + j);
                }
                if (i > 0 && j <= minor[off + i - 1]) {
                    sorted = false;
                }
            }
            if (sorted || !sortMinors) {
                for (int i = 0; i < len; i++) {
                    visitor.accept(m, (int) minor[off + i], values[off + i], start + i);
                }
            } else {
                for (int i = 0; i < len; i++) {
                    order[i] = minor[off + i] << 32 | i;
                }
                Arrays.sort(order, 0, len);
                for (int i = 0; i < len; i++) {
                    int at = (int) order[i];
                    visitor.accept(m, (int) (order[i] >>> 32), values[off + at], start + at);
                }
            }
            start = end;
        }
        if (start != nnz) {
            throw new H5FormatException(file, indptr.path() + "[" + majors + "]", "expected " + nnz
                    + " (the number of stored values), found " + start);
        }
    }
}
