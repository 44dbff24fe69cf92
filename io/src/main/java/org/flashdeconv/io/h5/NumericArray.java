package org.flashdeconv.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A numeric HDF5 dataset (1-D or 2-D, any integer or floating-point type, any filter jHDF decodes) read in
 * slices, so that only the chunks a slice touches are decompressed and nothing of the dataset's full size is
 * held. Values are converted to {@code double} or {@code long} on the way out. Valid while its
 * {@link H5File} is open. Slices may be read from several threads at once (jHDF reads with positional reads and
 * decodes each chunk into its own buffer).
 */
public final class NumericArray {
    private final Path file;
    private final Dataset dataset;
    private final long[] shape;

    NumericArray(Path file, Dataset dataset) throws H5FormatException {
        this.file = file;
        this.dataset = dataset;
        this.shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
        Class<?> type = dataset.getJavaType();
        boolean numeric = type.isPrimitive() && type != boolean.class && type != char.class
                || type == BigInteger.class;
        if (!numeric) {
            throw new H5FormatException(file, dataset.getPath(), "expected a numeric dataset, found "
                    + type.getSimpleName());
        }
    }

    /** The dataset's HDF5 path. */
    public String path() {
        return dataset.getPath();
    }

    /** The dimensions (empty for a scalar). */
    public long[] shape() {
        return shape.clone();
    }

    /** The chunk length along the first dimension of a chunked dataset, or 0 for a contiguous (or compact) one. */
    public int chunkLength() {
        return dataset instanceof ChunkedDataset c && c.getChunkDimensions().length > 0
                ? c.getChunkDimensions()[0] : 0;
    }

    /** The first dimension (the number of elements of a 1-D dataset, rows of a 2-D one). */
    public long length() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /**
     * Reads elements {@code [offset, offset + n)} of a 1-D dataset into {@code dst[0..n)} as doubles.
     *
     * @throws H5FormatException if the dataset is not 1-D or the read fails
     */
    public void readDoubles(long offset, int n, double[] dst) throws H5FormatException {
        if (n == 0) {
            return;
        }
        requireRank(1);
        fill(slice(new long[] {offset}, new int[] {n}), dst, 0);
    }

    /**
     * Reads elements {@code [offset, offset + n)} of a 1-D integer dataset into {@code dst[0..n)}.
     *
     * @throws H5FormatException if the dataset is not 1-D or the read fails
     */
    public void readLongs(long offset, int n, long[] dst) throws H5FormatException {
        if (n == 0) {
            return;
        }
        requireRank(1);
        Object data = slice(new long[] {offset}, new int[] {n});
        switch (data) {
            case long[] a -> System.arraycopy(a, 0, dst, 0, n);
            case int[] a -> {
                for (int i = 0; i < n; i++) {
                    dst[i] = a[i];
                }
            }
            default -> {
                double[] tmp = new double[n];
                fill(data, tmp, 0);
                for (int i = 0; i < n; i++) {
                    dst[i] = (long) tmp[i];
                }
            }
        }
    }

    /**
     * Elements {@code [offset, offset + n)} of a 1-D integer dataset as a new int array (jHDF's own array when the
     * dataset holds 32-bit integers: no copy), or null if a value does not fit an int.
     *
     * @throws H5FormatException if the dataset is not 1-D or the read fails
     */
    public int[] readInts(long offset, int n) throws H5FormatException {
        if (n == 0) {
            return new int[0];
        }
        requireRank(1);
        Object data = slice(new long[] {offset}, new int[] {n});
        if (data instanceof int[] a) {
            return a;
        }
        long[] wide = new long[n];
        switch (data) {
            case long[] a -> System.arraycopy(a, 0, wide, 0, n);
            default -> {
                double[] tmp = new double[n];
                fill(data, tmp, 0);
                for (int i = 0; i < n; i++) {
                    wide[i] = (long) tmp[i];
                }
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (wide[i] != (int) wide[i]) {
                return null;
            }
            out[i] = (int) wide[i];
        }
        return out;
    }

    /**
     * Reads rows {@code [row, row + rows)} of a 2-D dataset into {@code dst} row-major
     * ({@code rows * shape()[1]} values).
     *
     * @throws H5FormatException if the dataset is not 2-D or the read fails
     */
    public void readRows(long row, int rows, double[] dst) throws H5FormatException {
        requireRank(2);
        if (rows == 0 || shape[1] == 0) {
            return;
        }
        fill(slice(new long[] {row, 0}, new int[] {rows, Math.toIntExact(shape[1])}), dst, 0);
    }

    private void requireRank(int rank) throws H5FormatException {
        if (shape.length != rank) {
            throw new H5FormatException(file, dataset.getPath(), "expected a " + rank + "-D dataset, found shape "
                    + Arrays.toString(shape));
        }
    }

    private Object slice(long[] offset, int[] size) throws H5FormatException {
        try {
            return dataset.getData(offset, size);
        } catch (HdfException | IllegalArgumentException e) {
            throw new H5FormatException(file, dataset.getPath(), "cannot read " + Arrays.toString(size)
                    + " values at " + Arrays.toString(offset) + ": " + e.getMessage(), e);
        }
    }

    /** Copies a (possibly multi-dimensional) primitive array into dst from {@code at}; returns the next index. */
    private static int fill(Object src, double[] dst, int at) {
        switch (src) {
            case double[] a -> {
                System.arraycopy(a, 0, dst, at, a.length);
                return at + a.length;
            }
            case float[] a -> {
                for (float v : a) {
                    dst[at++] = v;
                }
                return at;
            }
            case int[] a -> {
                for (int v : a) {
                    dst[at++] = v;
                }
                return at;
            }
            case long[] a -> {
                for (long v : a) {
                    dst[at++] = v;
                }
                return at;
            }
            case short[] a -> {
                for (short v : a) {
                    dst[at++] = v;
                }
                return at;
            }
            case byte[] a -> {
                for (byte v : a) {
                    dst[at++] = v;
                }
                return at;
            }
            case BigInteger[] a -> {
                for (BigInteger v : a) {
                    dst[at++] = v.doubleValue();
                }
                return at;
            }
            default -> {
                int n = Array.getLength(src);
                for (int i = 0; i < n; i++) {
                    at = fill(Array.get(src, i), dst, at);
                }
                return at;
            }
        }
    }
}
