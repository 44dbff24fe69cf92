package org.flashdeconv.io.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.Optional;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.StopReading;

/**
 * Converts any {@link CountSource} into a {@code .fdstore} file with bounded memory.
 *
 * <p>A source that reads itself in blocks of spots on reader threads ({@link CountSource#forEachRowBlock}: h5ad
 * CSR, 10x h5) is checked and summed there and written here ({@link BlockPass}), and the store is born with the
 * per-gene statistics of all its genes ({@link GeneStatsCache}). Another source that reports
 * {@link CountSource#spotMajor()} is written in one pass, a row buffered at a time; if
 * its order turns out to be broken part-way, the partial output is dropped and the two-pass path runs. Other
 * sources take two passes ({@link RowScatter}): count the entries of each spot, then scatter every entry into
 * its row's slot of an off-heap, memory-mapped temporary file, and finally sort each row and write it. The
 * heap holds only per-spot arrays (row offsets, 16 bytes a spot; barcodes while checking them for duplicates,
 * about 30 bytes a spot) and per-gene row buffers, never anything per entry: a 1M-spot, 300M-entry input fits a
 * 512 MB heap, its entries going to a 12-bytes-per-entry scratch file beside the target.
 *
 * <p>Every entry is validated (index range; value finite and not negative; no duplicate (spot, gene)), and so
 * are barcodes (no duplicates) and coordinates (finite); the first problem raises an {@link InputException}
 * naming the location ({@link CountSource#describe}). Nothing appears at the target unless the conversion
 * succeeds.
 */
public final class StoreConverter {
    private static final int COORD_BLOCK = 4096;
    static final long PROGRESS_ENTRIES = 1L << 20;

    private final CountSource source;
    private final long spots;
    private final int genes;
    private boolean temporary;

    private StoreConverter(CountSource source) {
        this.source = source;
        this.spots = source.spots();
        this.genes = source.genes();
    }

    /**
     * Converts {@code source} to a store at {@code target} (replacing any file there only on success).
     *
     * @return what was written
     * @throws InputException           on invalid input (first problem, with its location)
     * @throws IllegalArgumentException if the source's gene names do not match its gene count
     * @throws IOException              on a read or write error
     */
    public static StoreSummary convert(CountSource source, Path target, Progress progress) throws IOException {
        return convert(source, target, progress, false);
    }

    /**
     * As {@link #convert}, for a store that is deleted after use: nothing is forced to the disk
     * ({@link StoreWriter#temporary()}).
     *
     * @throws InputException on invalid input (first problem, with its location)
     * @throws IOException    on a read or write error
     */
    public static StoreSummary convertTemporary(CountSource source, Path target, Progress progress)
            throws IOException {
        return convert(source, target, progress, true);
    }

    private static StoreSummary convert(CountSource source, Path target, Progress progress, boolean temporary)
            throws IOException {
        StoreConverter c = new StoreConverter(source);
        c.temporary = temporary;
        if (source.geneNames().size() != c.genes) {
            throw new IllegalArgumentException(source.name() + ": " + c.genes + " genes but "
                    + source.geneNames().size() + " gene names");
        }
        if (source.spotMajor()) {
            try (StoreWriter w = c.start(target)) {
                source.entriesAtMost().ifPresent(w::reserveEntries);
                BlockPass blocks = new BlockPass(c, w, progress);
                progress.start("convert: reading entries", -1);
                if (source.forEachRowBlock(GeneStats.BLOCK_SPOTS, blocks::check, blocks::write)) {
                    progress.end();
                    try (Arena arena = Arena.ofConfined()) {
                        w.addSection(GeneStatsCache.KIND, c.genes, GeneStatsCache.encodeAllGenes(blocks.stats(),
                                arena));
                    }
                    return w.finish();
                }
                OnePass pass = c.new OnePass(w, progress);
                source.forEachEntry(pass);
                pass.finishRows();
                progress.end();
                return w.finish();
            } catch (StopReading e) { // entries not in spot-major order after all
                progress.end();
            }
        }
        try (StoreWriter w = c.start(target)) {
            new RowScatter(c, w, progress).run(target.toAbsolutePath().getParent());
            return w.finish();
        }
    }

    CountSource source() {
        return source;
    }

    long spots() {
        return spots;
    }

    int genes() {
        return genes;
    }

    /** Creates the writer and writes the barcodes (checked for duplicates) and coordinates. */
    private StoreWriter start(Path target) throws IOException {
        Optional<CountSource.Coordinates> coords = source.coordinates();
        int dim = coords.map(CountSource.Coordinates::dim).orElse(0);
        StoreWriter w = StoreWriter.create(target, source.geneNames(), source.geneIds(), dim);
        if (temporary) {
            w.temporary();
        }
        boolean success = false;
        try {
            writeBarcodes(w);
            if (coords.isPresent()) {
                writeCoordinates(w, coords.get());
            }
            success = true;
            return w;
        } finally {
            if (!success) {
                w.close();
            }
        }
    }

    private void writeBarcodes(StoreWriter w) throws IOException {
        BarcodeIndex index = new BarcodeIndex();
        try {
            source.forEachBarcode(b -> {
                long first = index.add(b);
                if (first >= 0) {
                    throw new UncheckedIOException(new InputException(source.name() + ": duplicate barcode '" + b
                            + "' for spots " + (first + 1) + " and " + (index.size() + 1) + " (1-based)"));
                }
                try {
                    w.addBarcode(b);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (index.size() != spots) {
            throw new InputException(source.name() + ": " + index.size() + " barcodes for " + spots + " spots");
        }
    }

    private void writeCoordinates(StoreWriter w, CountSource.Coordinates coords) throws IOException {
        int dim = coords.dim();
        double[] block = new double[COORD_BLOCK * dim];
        for (long first = 0; first < spots; first += COORD_BLOCK) {
            int n = (int) Math.min(COORD_BLOCK, spots - first);
            coords.read(first, n, block);
            for (int i = 0; i < n * dim; i++) {
                if (!Double.isFinite(block[i])) {
                    throw new InputException(source.name() + ": coordinate " + (i % dim + 1) + " of spot "
                            + (first + i / dim + 1) + " (1-based) is " + block[i] + " (expected a finite number)");
                }
            }
            w.addCoordinates(block, n);
        }
    }

    /** Checks one entry's indices and value. */
    void check(long spot, int gene, double value, long location) throws InputException {
        if (spot < 0 || spot >= spots) {
            throw new InputException(source.describe(location) + ": spot index " + spot + " is outside [0, " + spots
                    + ") (0-based)");
        }
        if (gene < 0 || gene >= genes) {
            throw new InputException(source.describe(location) + ": gene index " + gene + " is outside [0, " + genes
                    + ") (0-based)");
        }
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new InputException(source.describe(location) + ": value " + value + " for spot " + spot
                    + ", gene " + gene + " (0-based) is " + (value < 0 ? "negative" : "not finite"));
        }
    }

    /** The error for a duplicate entry. */
    InputException duplicate(long spot, int gene, long firstLocation, long location) {
        return new InputException(source.describe(location) + ": duplicate entry for spot " + spot + ", gene "
                + gene + " (0-based); first at " + source.describe(firstLocation));
    }

    /** One pass over a spot-major source: buffers the current row and writes it when the spot changes. */
    private final class OnePass implements CountSource.EntryConsumer {
        private final StoreWriter writer;
        private final Progress progress;
        private final int[] cols = new int[genes];
        private final double[] vals = new double[genes];
        private long spot;
        private int count;
        private long lastLocation;
        private long seen;

        OnePass(StoreWriter writer, Progress progress) {
            this.writer = writer;
            this.progress = progress;
        }

        @Override
        public void accept(long s, int gene, double value, long location) throws IOException {
            check(s, gene, value, location);
            if (s != spot) {
                if (s < spot) {
                    throw new StopReading("entries are not in spot-major order");
                }
                writer.addRow(cols, vals, count);
                for (long empty = spot + 1; empty < s; empty++) {
                    writer.addRow(cols, vals, 0);
                }
                spot = s;
                count = 0;
            } else if (count > 0 && gene <= cols[count - 1]) {
                if (gene == cols[count - 1]) {
                    throw duplicate(s, gene, lastLocation, location);
                }
                throw new StopReading("entries are not in spot-major order");
            }
            cols[count] = gene;
            vals[count] = value;
            count++;
            lastLocation = location;
            if (++seen % PROGRESS_ENTRIES == 0) {
                progress.advance(PROGRESS_ENTRIES);
            }
        }

        /** Writes the last buffered row and empty rows up to the spot count. */
        void finishRows() throws IOException {
            for (long s = spot; s < spots; s++) {
                writer.addRow(cols, vals, s == spot ? count : 0);
            }
        }
    }
}
