package org.flashdeconv.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkOffset;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.storage.HdfBackingStorage;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The chunks of a 1-D chunked numeric dataset read straight from the file: a positional read of the stored chunk,
 * then the filters (deflate, shuffle) and the conversion into the caller's array, all in per-thread buffers that
 * are reused. jHDF's own slice read makes four arrays of a chunk's size per read (the stored bytes, the decoded
 * bytes, the slice's bytes, the typed array): about 27 bytes of garbage per entry of a sparse matrix, 8 GB at 1M
 * hd8 bins, which under load made G1 grow the heap past 1 GB. Only the layouts this class knows (integers of 1, 2,
 * 4 or 8 bytes, signed, or unsigned up to 4; floats of 4 or 8; no filter, deflate, shuffle + deflate) take this
 * path ({@link #of} returns null otherwise); the chunk index is jHDF's. Thread-safe.
 */
final class ChunkReader {
    private static final int DEFLATE = 1;
    private static final int SHUFFLE = 2;

    private enum Kind { FLOAT, SIGNED, UNSIGNED }

    /** A thread's buffers: the stored bytes, the decoded ones and the inflater. */
    private static final class Scratch {
        ByteBuffer stored = ByteBuffer.allocate(0);
        byte[] inflated = new byte[0];
        byte[] unshuffled = new byte[0];
        final Inflater inflater = new Inflater();
    }

    private final Path file;
    private final String path;
    private final FileChannel channel;
    private final long base;
    private final Map<ChunkOffset, Chunk> chunks;
    private final int chunkLength;
    private final int size;
    private final Kind kind;
    private final ByteOrder order;
    private final int[] filters;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private ChunkReader(Path file, Dataset ds, FileChannel channel, long base, Map<ChunkOffset, Chunk> chunks,
                        int chunkLength, int size, Kind kind, ByteOrder order, int[] filters) {
        this.file = file;
        this.path = ds.getPath();
        this.channel = channel;
        this.base = base;
        this.chunks = chunks;
        this.chunkLength = chunkLength;
        this.size = size;
        this.kind = kind;
        this.order = order;
        this.filters = filters;
    }

    /** A reader of {@code ds}, or null if the dataset's layout, type or filters are not ones this class reads. */
    static ChunkReader of(Path file, Dataset ds, HdfBackingStorage storage) {
        if (!(ds instanceof ChunkedDatasetBase chunked) || !(storage instanceof HdfFileChannel hfc)
                || ds.getDimensionsAsLong().length != 1 || chunked.getChunkDimensions().length != 1) {
            return null;
        }
        DataType type = ds.getDataType();
        Kind kind;
        ByteOrder order;
        int size = type.getSize();
        switch (type) {
            case FloatingPoint f when size == 4 || size == 8 -> {
                kind = Kind.FLOAT;
                order = f.getByteOrder();
            }
            case FixedPoint f when size == 1 || size == 2 || size == 4 || size == 8 && f.isSigned() -> {
                kind = f.isSigned() ? Kind.SIGNED : Kind.UNSIGNED;
                order = f.getByteOrder();
            }
            default -> {
                return null;
            }
        }
        List<PipelineFilterWithData> pipeline = ds.getFilters();
        int[] filters = pipeline.stream().mapToInt(PipelineFilterWithData::getId).toArray();
        for (int id : filters) {
            if (id != DEFLATE && id != SHUFFLE) {
                return null;
            }
        }
        try {
            Method lookup = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            lookup.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<ChunkOffset, Chunk> chunks = (Map<ChunkOffset, Chunk>) lookup.invoke(chunked);
            return new ChunkReader(file, ds, hfc.getFileChannel(), hfc.getSuperblock().getBaseAddressByte(), chunks,
                    chunked.getChunkDimensions()[0], size, kind, order, filters);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another jHDF version: its own reads still work
        }
    }

    /** The chunk length (elements). */
    int chunkLength() {
        return chunkLength;
    }

    /** True if the chunk holding element {@code offset} is stored (one never written holds the fill value). */
    boolean stored(long offset) {
        return chunk(offset) != null;
    }

    private Chunk chunk(long offset) {
        return chunks.get(new ChunkOffset(new long[] {offset - offset % chunkLength}));
    }

    /**
     * Elements {@code [offset, offset + n)} of one stored chunk as a buffer holding them from its index 0 (valid
     * until this thread's next read).
     *
     * @throws H5FormatException if the chunk cannot be read or decoded
     */
    private ByteBuffer elements(long offset, int n) throws H5FormatException {
        long first = offset - offset % chunkLength;
        Chunk chunk = chunk(offset);
        if (chunk == null || offset + n > first + chunkLength) {
            throw new IllegalArgumentException("chunk read: [" + offset + ", " + (offset + n) + ") is not within one"
                    + " stored chunk of " + chunkLength);
        }
        Scratch s = scratch.get();
        int stored = chunk.getSize();
        if (s.stored.capacity() < stored) {
            s.stored = ByteBuffer.allocate(stored);
        }
        ByteBuffer raw = s.stored.clear().limit(stored);
        try {
            for (long at = base + chunk.getAddress(); raw.hasRemaining(); ) {
                int r = channel.read(raw, at);
                if (r < 0) {
                    throw new H5FormatException(file, path, "chunk at element " + first + " ends beyond the file");
                }
                at += r;
            }
        } catch (IOException e) {
            throw new H5FormatException(file, path, "cannot read the chunk at element " + first + ": "
                    + e.getMessage(), e);
        }
        byte[] bytes = raw.array();
        int length = stored;
        BitSet skipped = chunk.getFilterMask();
        int bytesWanted = chunkLength * size;
        for (int i = filters.length - 1; i >= 0; i--) {
            if (skipped != null && skipped.get(i)) {
                continue;
            }
            if (filters[i] == DEFLATE) {
                if (s.inflated.length < bytesWanted) {
                    s.inflated = new byte[bytesWanted];
                }
                length = inflate(s, bytes, length, bytesWanted, first);
                bytes = s.inflated;
            } else {
                if (s.unshuffled.length < length) {
                    s.unshuffled = new byte[length];
                }
                unshuffle(bytes, length, s.unshuffled);
                bytes = s.unshuffled;
            }
        }
        long needed = (offset - first + n) * (long) size;
        if (length < needed) {
            throw new H5FormatException(file, path, "the chunk at element " + first + " holds " + length
                    + " bytes, expected " + bytesWanted);
        }
        return ByteBuffer.wrap(bytes, (int) ((offset - first) * size), n * size).slice().order(order);
    }

    private int inflate(Scratch s, byte[] in, int length, int capacity, long first) throws H5FormatException {
        Inflater inf = s.inflater;
        inf.reset();
        inf.setInput(in, 0, length);
        int out = 0;
        try {
            while (out < capacity && !inf.finished()) {
                int r = inf.inflate(s.inflated, out, capacity - out);
                if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out += r;
            }
        } catch (DataFormatException e) {
            throw new H5FormatException(file, path, "the chunk at element " + first + " is not valid deflate data: "
                    + e.getMessage(), e);
        }
        return out;
    }

    /** HDF5's shuffle undone: byte j of element i was stored at {@code j * count + i}. */
    private void unshuffle(byte[] in, int length, byte[] out) {
        int count = length / size;
        for (int j = 0; j < size; j++) {
            int from = j * count;
            for (int i = 0; i < count; i++) {
                out[i * size + j] = in[from + i];
            }
        }
        int tail = count * size;
        System.arraycopy(in, tail, out, tail, length - tail);
    }

    /**
     * Reads elements {@code [offset, offset + n)} (within one {@link #stored} chunk) into {@code dst[at..)} as
     * doubles.
     *
     * @throws H5FormatException if the chunk cannot be read or decoded
     */
    void readDoubles(long offset, int n, double[] dst, int at) throws H5FormatException {
        ByteBuffer b = elements(offset, n);
        if (kind == Kind.FLOAT && size == 4) {
            for (int i = 0; i < n; i++) {
                dst[at + i] = b.getFloat(i * 4);
            }
        } else if (kind == Kind.SIGNED && size == 4) {
            for (int i = 0; i < n; i++) {
                dst[at + i] = b.getInt(i * 4);
            }
        } else {
            for (int i = 0; i < n; i++) {
                dst[at + i] = kind == Kind.FLOAT ? b.getDouble(i * 8) : integer(b, i);
            }
        }
    }

    /**
     * Reads elements {@code [offset, offset + n)} (within one {@link #stored} chunk) into {@code dst[at..)}, floats
     * truncated.
     *
     * @throws H5FormatException if the chunk cannot be read or decoded
     */
    void readLongs(long offset, int n, long[] dst, int at) throws H5FormatException {
        ByteBuffer b = elements(offset, n);
        for (int i = 0; i < n; i++) {
            dst[at + i] = value(b, i);
        }
    }

    /**
     * Reads elements {@code [offset, offset + n)} (within one {@link #stored} chunk) into {@code dst[at..)}, floats
     * truncated.
     *
     * @return false if a value does not fit an int
     * @throws H5FormatException if the chunk cannot be read or decoded
     */
    boolean readInts(long offset, int n, int[] dst, int at) throws H5FormatException {
        ByteBuffer b = elements(offset, n);
        if (kind == Kind.SIGNED && size == 4) {
            b.asIntBuffer().get(0, dst, at, n);
            return true;
        }
        for (int i = 0; i < n; i++) {
            long v = value(b, i);
            if (v != (int) v) {
                return false;
            }
            dst[at + i] = (int) v;
        }
        return true;
    }

    /** Element i as a long (a float truncated). */
    private long value(ByteBuffer b, int i) {
        return kind == Kind.FLOAT ? (long) (size == 4 ? b.getFloat(i * 4) : b.getDouble(i * 8)) : integer(b, i);
    }

    private long integer(ByteBuffer b, int i) {
        boolean signed = kind == Kind.SIGNED;
        return switch (size) {
            case 1 -> signed ? b.get(i) : Byte.toUnsignedInt(b.get(i));
            case 2 -> signed ? b.getShort(i * 2) : Short.toUnsignedInt(b.getShort(i * 2));
            case 4 -> signed ? b.getInt(i * 4) : Integer.toUnsignedLong(b.getInt(i * 4));
            default -> b.getLong(i * 8);
        };
    }
}
