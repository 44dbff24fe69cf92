package org.flashdeconv.io.source;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A spots x genes count matrix held in some input (a Matrix Market file, an AnnData file, a 10x h5, a
 * simulator), readable entry by entry and, for converters that need two passes, more than once.
 *
 * <p>Implementations read lazily and keep memory bounded: nothing of size spots x genes is held, and only
 * O(genes) plus O(spots) small arrays are kept on the heap. The converter to the store
 * ({@code org.flashdeconv.io.store}) drives it.
 */
public interface CountSource extends AutoCloseable {

    /** Receives one stored entry. */
    @FunctionalInterface
    interface EntryConsumer {
        /**
         * One stored entry of the matrix.
         *
         * @param spot     0-based spot (row) index
         * @param gene     0-based gene (column) index
         * @param value    the stored value, as read (may be NaN, negative, ... : the consumer validates)
         * @param location where the entry came from, for error messages: see {@link #describe(long)}
         * @throws IOException to abort the read (for example on invalid input)
         */
        void accept(long spot, int gene, double value, long location) throws IOException;
    }

    /** Reads coordinates in bulk. */
    interface Coordinates {
        /** Number of coordinate columns (2 or 3). */
        int dim();

        /**
         * Reads the coordinates of spots {@code [first, first + count)} into {@code out} (row-major,
         * {@code count * dim()} values).
         *
         * @throws IOException on a read error or a missing coordinate (message names the spot)
         */
        void read(long first, int count, double[] out) throws IOException;

        /** How {@link #of} reads rows: as {@link #read}. */
        @FunctionalInterface
        interface RowReader {
            /**
             * Reads rows {@code [first, first + count)} into {@code out}.
             *
             * @throws IOException on a read error
             */
            void read(long first, int count, double[] out) throws IOException;
        }

        /** {@code dim} columns read by {@code reader}. */
        static Coordinates of(int dim, RowReader reader) {
            return new Coordinates() {
                @Override
                public int dim() {
                    return dim;
                }

                @Override
                public void read(long first, int count, double[] out) throws IOException {
                    reader.read(first, count, out);
                }
            };
        }

        /**
         * {@code dim} columns held row-major in {@code rows} (not copied).
         *
         * @throws IndexOutOfBoundsException from {@link #read} for rows outside the array
         */
        static Coordinates ofRows(int dim, double[] rows) {
            return of(dim, (first, count, out) -> {
                int from = Math.toIntExact(first * dim);
                Objects.checkFromIndexSize(from, count * dim, rows.length);
                System.arraycopy(rows, from, out, 0, count * dim);
            });
        }
    }

    /** A short name for messages, usually the path. */
    String name();

    /** Number of spots (rows). */
    long spots();

    /** Number of genes (columns): the size of {@link #geneNames()}. */
    default int genes() {
        return geneNames().size();
    }

    /** Gene names, in column order. */
    List<String> geneNames();

    /** Gene ids (Ensembl ids and the like) in column order, or an empty list when the input has none. */
    List<String> geneIds();

    /**
     * Visits every barcode in spot order.
     *
     * @throws IOException on a read error
     */
    void forEachBarcode(Consumer<String> consumer) throws IOException;

    /**
     * True if {@link #forEachEntry} delivers entries grouped by spot in ascending spot order, with ascending
     * genes within a spot (CSR order); a converter can then write in one pass.
     */
    boolean spotMajor();

    /**
     * Visits every stored entry once, in the input's order. May be called more than once.
     *
     * @throws IOException on a read error, on malformed input (message names the file and line or element), or
     *                     as thrown by the consumer
     */
    void forEachEntry(EntryConsumer consumer) throws IOException;

    /**
     * Reads every spot in blocks of consecutive spots ({@link RowBlock}) on reader threads, if this source can: each
     * block starts at a multiple of {@code alignSpots} and holds whole multiples of it (the last one excepted), goes
     * through {@code work} on the reader thread that read it, and the results reach {@code sink} on the calling
     * thread in spot order. Every spot is in exactly one block. A block's arrays are valid until {@code sink} has
     * returned from taking its result (the source may then reuse them): neither {@code work}'s result nor the sink
     * may keep them. A source that cannot returns false at once, having read nothing (the default); the caller then
     * uses {@link #forEachEntry}.
     *
     * @return true if every block was delivered
     * @throws IOException on a read error, on malformed input, or as thrown by {@code work} or {@code sink}
     */
    default <T> boolean forEachRowBlock(int alignSpots, RowBlock.Work<T> work, RowBlock.Sink<T> sink)
            throws IOException {
        return false;
    }

    /**
     * A human-readable location for an entry's {@code location}: "matrix.mtx line 1234", "X/data[5678]".
     */
    String describe(long location);

    /**
     * An upper bound of the number of entries {@link #forEachEntry} delivers (usually the exact number), when the
     * input tells it before being read; a converter then writes the values straight into their final place.
     */
    default OptionalLong entriesAtMost() {
        return OptionalLong.empty();
    }

    /**
     * What the reader noticed that a user must hear about but that does not stop the conversion, one sentence
     * each naming the file (e.g. matrix spots that the tissue positions do not list and that were left out).
     */
    default List<String> warnings() {
        return List.of();
    }

    /** Spot coordinates, when the input carries them. */
    default Optional<Coordinates> coordinates() {
        return Optional.empty();
    }

    /**
     * Where each spot lies on the slide's full-resolution image, in pixels (x = column, y = row), when the input
     * carries it besides the coordinates used for the graph (Visium HD: the graph uses µm from the barcodes, the
     * image position comes from {@code tissue_positions.parquet}). Written into {@code coordinates.csv} so a
     * result can be laid over the image.
     */
    default Optional<Coordinates> imagePixels() {
        return Optional.empty();
    }

    /** Releases files. */
    @Override
    void close() throws IOException;
}
