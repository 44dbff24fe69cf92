package org.flashdeconv.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.storage.HdfBackingStorage;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * A numeric HDF5 dataset (1-D or 2-D, any integer or floating-point type, any filter jHDF decodes) read in
 * slices, so that only the chunks a slice touches are decompressed and nothing of the dataset's full size is
 * held. Values are converted to {@code double} or {@code long} on the way out. Valid while its
 * {@link H5File} is open. Slices may be read from several threads at once (jHDF reads with positional reads and
 * decodes each chunk into its own buffer).
 */
public final class NumericArray {
    /** Elements per read of a long slice, about (whole chunks; see {@link #pieceAt}). */
    static final int PIECE = 1 << 15;

    private final Path file;
    private final Dataset dataset;
    private final long[] shape;
    private final ChunkReader chunks;

    NumericArray(Path file, Dataset dataset) throws H5FormatException {
        this(file, dataset, null);
    }

    /** As above; with jHDF's storage, the chunks of a 1-D chunked dataset are read by a {@link ChunkReader}. */
    NumericArray(Path file, Dataset dataset, HdfBackingStorage storage) throws H5FormatException {
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
        this.chunks = storage == null ? null : ChunkReader.of(file, dataset, storage);
    }

    /** True if this array's chunks are read by a {@link ChunkReader} rather than by jHDF. */
    boolean readsChunks() {
        return chunks != null;
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
        eachPiece(offset, n, (at, len, done, direct) -> {
            if (direct) {
                chunks.readDoubles(at, len, dst, done);
            } else {
                fill(slice(new long[] {at}, new int[] {len}), dst, done);
            }
            return true;
        });
    }

    /**
     * Reads elements {@code [offset, offset + n)} of a 1-D integer dataset into {@code dst[0..n)}.
     *
     * @throws H5FormatException if the dataset is not 1-D or the read fails
     */
    public void readLongs(long offset, int n, long[] dst) throws H5FormatException {
        eachPiece(offset, n, (at, len, done, direct) -> {
            if (direct) {
                chunks.readLongs(at, len, dst, done);
            } else {
                widen(slice(new long[] {at}, new int[] {len}), dst, done, len);
            }
            return true;
        });
    }

    /**
     * Reads elements {@code [offset, offset + n)} of a 1-D integer dataset into {@code dst[0..n)}.
     *
     * @return false if a value does not fit an int ({@code dst} then holds part of the slice)
     * @throws H5FormatException if the dataset is not 1-D or the read fails
     */
    public boolean readInts(long offset, int n, int[] dst) throws H5FormatException {
        return eachPiece(offset, n, (at, len, done, direct) -> {
            if (direct) {
                return chunks.readInts(at, len, dst, done);
            }
            Object piece = slice(new long[] {at}, new int[] {len});
            if (piece instanceof int[] a) {
                System.arraycopy(a, 0, dst, done, len);
                return true;
            }
            long[] wide = new long[len];
            widen(piece, wide, 0, len);
            for (int i = 0; i < len; i++) {
                if (wide[i] != (int) wide[i]) {
                    return false;
                }
                dst[done + i] = (int) wide[i];
            }
            return true;
        });
    }

    /** One piece of a 1-D read: elements {@code [at, at + len)} into the destination from index {@code done}. */
    @FunctionalInterface
    private interface Piece {
        /**
         * @param direct the piece is a stored chunk that the {@link ChunkReader} reads
         * @return false to stop the read (a value did not fit)
         */
        boolean read(long at, int len, int done, boolean direct) throws H5FormatException;
    }

    /**
     * Reads {@code [offset, offset + n)} of a 1-D dataset piece by piece ({@link #pieceAt}).
     *
     * @return false if a piece stopped the read
     */
    private boolean eachPiece(long offset, int n, Piece piece) throws H5FormatException {
        if (n == 0) {
            return true;
        }
        requireRank(1);
        for (int done = 0; done < n; ) {
            int len = pieceAt(offset + done, n - done);
            if (!piece.read(offset + done, len, done, direct(offset + done))) {
                return false;
            }
            done += len;
        }
        return true;
    }

    /** Copies a slice of {@code len} integers (or of floats, truncated) into {@code dst[at..)}. */
    private static void widen(Object slice, long[] dst, int at, int len) {
        switch (slice) {
            case long[] a -> System.arraycopy(a, 0, dst, at, len);
            case int[] a -> {
                for (int i = 0; i < len; i++) {
                    dst[at + i] = a[i];
                }
            }
            case Object other -> {
                double[] tmp = new double[len];
                fill(other, tmp, 0);
                for (int i = 0; i < len; i++) {
                    dst[at + i] = (long) tmp[i];
                }
            }
        }
    }

    /**
     * The length of the next read of a slice at {@code offset} with {@code remaining} elements left: up to the end
     * of the piece of whole chunks (about {@value #PIECE} elements) that holds {@code offset}. A long slice is read
     * piece by piece so that jHDF's buffers of one read stay small: with a few hundred KiB each they are ordinary
     * young-generation garbage, where one read of a million values makes several MiB-sized (humongous) arrays that
     * G1 keeps until a collection it starts late, growing the heap by a GB at 1M bins. No chunk is decoded twice.
     */
    private int pieceAt(long offset, int remaining) {
        int chunk = chunkLength();
        long piece = chunk <= 0 ? PIECE : chunks != null ? chunk : (long) chunk * Math.max(1, PIECE / chunk);
        return (int) Math.min(remaining, piece - offset % piece);
    }

    /** True if the piece at {@code offset} is read by the {@link ChunkReader} (a stored chunk of a known layout). */
    private boolean direct(long offset) {
        return chunks != null && chunks.stored(offset);
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
        return switch (src) {
            case double[] a -> {
                System.arraycopy(a, 0, dst, at, a.length);
                yield at + a.length;
            }
            case float[] a -> copy(a.length, i -> a[i], dst, at);
            case int[] a -> copy(a.length, i -> a[i], dst, at);
            case long[] a -> copy(a.length, i -> a[i], dst, at);
            case short[] a -> copy(a.length, i -> a[i], dst, at);
            case byte[] a -> copy(a.length, i -> a[i], dst, at);
            case BigInteger[] a -> copy(a.length, i -> a[i].doubleValue(), dst, at);
            default -> {
                int n = Array.getLength(src);
                for (int i = 0; i < n; i++) {
                    at = fill(Array.get(src, i), dst, at);
                }
                yield at;
            }
        };
    }

    /** Writes {@code value(0..n)} into {@code dst[at..at + n)}; returns {@code at + n}. */
    private static int copy(int n, IntToDoubleFunction value, double[] dst, int at) {
        for (int i = 0; i < n; i++) {
            dst[at + i] = value.applyAsDouble(i);
        }
        return at + n;
    }
}
