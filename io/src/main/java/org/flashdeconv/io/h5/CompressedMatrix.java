package org.flashdeconv.io.h5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.flashdeconv.io.source.RowBlock;

/**
 * A compressed sparse matrix stored as three HDF5 datasets ({@code data}, {@code indices}, {@code indptr}: CSR
 * when the major axis is rows, CSC when it is columns), streamed major by major with bounded memory: the entries
 * are read ahead in windows of whole chunks on worker threads ({@link EntryWindows}), the row pointers in slices of
 * {@value #BLOCK}; a major whose entries straddle windows is gathered into a buffer of its length.
 */
final class CompressedMatrix {
    /** Row pointers read per slice. */
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
    private final int windowLength;

    /**
     * Checks the dataset lengths against the shape.
     *
     * @throws H5FormatException if indptr does not have majors + 1 values or data and indices differ in length
     */
    CompressedMatrix(Path file, NumericArray data, NumericArray indices, NumericArray indptr, long majors,
                     int minors) throws H5FormatException {
        this(file, data, indices, indptr, majors, minors, BLOCK, EntryWindows.lengthFor(data));
    }

    /**
     * As above, reading {@code block} row pointers and {@code windowLength} entries per slice (small ones exercise
     * the windowing).
     */
    CompressedMatrix(Path file, NumericArray data, NumericArray indices, NumericArray indptr, long majors,
                     int minors, int block, int windowLength) throws H5FormatException {
        this.file = file;
        this.block = block;
        this.windowLength = windowLength;
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
        try (EntryWindows windows = new EntryWindows(file, data, indices, nnz, windowLength)) {
            forEach(sortMinors, visitor, windows);
        }
    }

    private void forEach(boolean sortMinors, Visitor visitor, EntryWindows windows) throws IOException {
        long[] ptr = new long[block + 1];
        long ptrFirst = -1;
        EntryWindows.Window win = new EntryWindows.Window(0, 0, new double[0], new long[0]);
        double[] spanValues = new double[0];
        long[] spanMinor = new long[0];
        long[] order = new long[0];
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
            double[] values;
            long[] minor;
            int off;
            if (end <= win.end()) {
                values = win.values();
                minor = win.minor();
                off = (int) (start - win.start());
            } else { // the major's entries run into the next window(s): gather them
                if (len > spanValues.length) {
                    spanValues = new double[len];
                    spanMinor = new long[len];
                }
                for (long at = start; at < end; ) {
                    while (at >= win.end()) {
                        win = windows.next();
                    }
                    int n = (int) (Math.min(end, win.end()) - at);
                    System.arraycopy(win.values(), (int) (at - win.start()), spanValues, (int) (at - start), n);
                    System.arraycopy(win.minor(), (int) (at - win.start()), spanMinor, (int) (at - start), n);
                    at += n;
                }
                values = spanValues;
                minor = spanMinor;
                off = 0;
            }
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
                if (len > order.length) {
                    order = new long[len];
                }
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

    /** Entries per block of {@link #forEachRowBlock}, about (whole groups of aligned majors). */
    static final int BLOCK_ENTRIES = 1 << 20;

    /**
     * Reads the matrix (CSR) in blocks of whole groups of {@code align} rows, each of about {@value #BLOCK_ENTRIES}
     * entries, on reader threads ({@link ReadAhead}): a block is read, checked (row pointers, index range), mapped
     * through {@code minorMap} (when not null: the column of each stored minor index, -1 to drop the entry) and
     * handed to {@code work} on its reader thread; the results reach {@code sink} here, in row order. A block's
     * arrays are reused for a later block once {@code sink} has returned: the few blocks in flight are the only
     * large arrays, allocated once instead of a few MiB of garbage per block.
     *
     * @throws H5FormatException on a malformed indptr or an index out of range
     * @throws IOException       as thrown by {@code work} or {@code sink}
     */
    <T> void forEachRowBlock(int align, int[] minorMap, RowBlock.Work<T> work, RowBlock.Sink<T> sink)
            throws IOException {
        List<long[]> plan = plan(Math.max(1, align));
        Queue<BlockArrays> free = new ConcurrentLinkedQueue<>();
        try (ReadAhead<Read<T>> ahead = new ReadAhead<>(file, data.path(), plan.size(), i -> () -> {
            BlockArrays arrays = free.poll();
            if (arrays == null) {
                arrays = new BlockArrays();
            }
            return new Read<>(work.apply(readBlock(plan.get((int) i), minorMap, arrays)), arrays);
        })) {
            for (int i = 0; i < plan.size(); i++) {
                Read<T> r = ahead.next();
                sink.accept(r.result());
                free.add(r.arrays());
            }
        }
    }

    /** A block's result and the arrays its block lives in. */
    private record Read<T>(T result, BlockArrays arrays) {
    }

    /** The arrays of one block in flight, grown as needed and reused. */
    private static final class BlockArrays {
        long[] ptr = new long[0];
        double[] values = new double[0];
        int[] minor = new int[0];
        int[] genes = new int[0];
        int[] rowEnd = new int[0];
        int[] location = new int[0];

        /** Makes room for {@code rows} rows and {@code n} entries (an eighth more when growing). */
        void reserve(int rows, int n, boolean mapped) {
            if (ptr.length < rows + 1) {
                ptr = new long[rows + 1 + rows / 8];
                rowEnd = new int[ptr.length];
            }
            if (values.length < n) {
                int length = n + n / 8;
                values = new double[length];
                minor = new int[length];
            }
            if (mapped && genes.length < n) {
                genes = new int[values.length];
                location = new int[values.length];
            }
        }
    }

    /** Blocks {m0, m1, e0, e1}: rows [m0, m1) holding entries [e0, e1). */
    private List<long[]> plan(int align) throws H5FormatException {
        List<long[]> plan = new ArrayList<>();
        long[] slice = new long[block + 1];
        long sliceFirst = -1;
        int sliceLength = 0;
        long m0 = 0;
        long e0 = 0;
        while (m0 < majors) {
            long m1 = m0;
            long e1;
            do {
                m1 = Math.min(m1 + align, majors);
                if (m1 < sliceFirst || m1 >= sliceFirst + sliceLength) {
                    sliceFirst = m1;
                    sliceLength = (int) Math.min(block + 1, majors + 1 - m1);
                    indptr.readLongs(m1, sliceLength, slice);
                }
                e1 = slice[(int) (m1 - sliceFirst)];
                if (e1 < e0 || e1 > nnz || e1 - e0 > Integer.MAX_VALUE - 8) {
                    throw new H5FormatException(file, indptr.path() + "[" + m1 + "]", "expected a value in [" + e0
                            + ", " + nnz + "], found " + e1);
                }
            } while (m1 < majors && e1 - e0 < BLOCK_ENTRIES);
            plan.add(new long[] {m0, m1, e0, e1});
            m0 = m1;
            e0 = e1;
        }
        if (e0 != nnz) {
            throw new H5FormatException(file, indptr.path() + "[" + majors + "]", "expected " + nnz
                    + " (the number of stored values), found " + e0);
        }
        return plan;
    }

    private RowBlock readBlock(long[] b, int[] minorMap, BlockArrays arrays) throws H5FormatException {
        long m0 = b[0];
        int rows = (int) (b[1] - m0);
        long e0 = b[2];
        int n = (int) (b[3] - e0);
        arrays.reserve(rows, n, minorMap != null);
        long[] ptr = arrays.ptr;
        indptr.readLongs(m0, rows + 1, ptr);
        if (m0 == 0 && ptr[0] != 0) {
            throw new H5FormatException(file, indptr.path() + "[0]", "expected 0, found " + ptr[0]);
        }
        double[] values = arrays.values;
        data.readDoubles(e0, n, values);
        int[] minor = arrays.minor;
        if (!indices.readInts(e0, n, minor)) {
            throw new H5FormatException(file, indices.path() + "[" + e0 + ", " + (e0 + n) + ")",
                    "holds an index beyond the 32-bit range (there are " + minors + " minor indices)");
        }
        int[] genes = minorMap == null ? minor : arrays.genes;
        int[] rowEnd = arrays.rowEnd;
        int[] location = minorMap == null ? null : arrays.location;
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            long start = ptr[r];
            long end = ptr[r + 1];
            if (end < start || end > b[3] || (r == 0 && start != e0)) {
                throw new H5FormatException(file, indptr.path() + "[" + (m0 + r + 1) + "]", "expected a value in ["
                        + start + ", " + b[3] + "], found " + end);
            }
            if (end - start > minors) {
                throw new H5FormatException(file, indptr.path() + "[" + (m0 + r) + "]", "major " + (m0 + r)
                        + " holds " + (end - start) + " entries but there are only " + minors + " minor indices");
            }
            for (int j = (int) (start - e0); j < end - e0; j++) {
                int c = minor[j];
                if (c < 0 || c >= minors) {
                    throw new H5FormatException(file, indices.path() + "[" + (e0 + j) + "]",
                            "expected an index in [0, " + minors + "), found " + c);
                }
                if (minorMap != null && minorMap[c] >= 0) {
                    genes[kept] = minorMap[c];
                    values[kept] = values[j];
                    location[kept++] = j;
                }
            }
            rowEnd[r] = minorMap == null ? (int) (end - e0) : kept;
        }
        if (ptr[rows] != b[3]) {
            throw new H5FormatException(file, indptr.path() + "[" + (m0 + rows) + "]", "changed while reading");
        }
        return new RowBlock(m0, rows, rowEnd, genes, values, e0, location);
    }
}
