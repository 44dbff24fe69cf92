package org.flashdeconv.io.mex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.FixedShapeSource;
import org.flashdeconv.io.source.StopReading;
import org.flashdeconv.io.text.CsvReader;
import org.flashdeconv.io.text.LineReader;
import org.flashdeconv.io.text.TextInput;
import org.flashdeconv.io.text.TextNames;

/**
 * A {@link CountSource} over a 10x-style MEX folder or a plain Matrix Market file.
 *
 * <p>A folder holds {@code matrix.mtx[.gz]} (features x barcodes, coordinate format, {@code integer},
 * {@code real} or {@code pattern}, entries in any order, comment lines allowed), {@code features.tsv[.gz]} or
 * {@code genes.tsv[.gz]} (one line per matrix row, tab-separated: id, name, type; with one column the id is
 * also the name) and {@code barcodes.tsv[.gz]} (one barcode per matrix column, first tab-separated field).
 * Gzip is recognised by content. A plain Matrix Market file has no names: genes are called {@code gene1, ...}
 * and spots {@code spot1, ...}. With {@code transpose} the matrix is read as barcodes x features instead.
 *
 * <p>Entries are read lazily on every {@link #forEachEntry} (nothing per entry is kept); the gene names and ids
 * live on the heap. {@link #spotMajor()} looks at up to the first {@value #ORDER_SAMPLE} entries: Cell Ranger
 * writes its matrices column by column, i.e. spot-major, so most files convert in one pass; if a file breaks
 * the order later, {@link org.flashdeconv.io.store.StoreConverter} notices and falls back to two passes.
 */
public final class MexSource extends FixedShapeSource {
    static final int ORDER_SAMPLE = 1 << 16;

    private final Path matrix;
    private final Path barcodes;
    private final MatrixMarketHeader header;
    private final boolean transpose;
    private Boolean spotMajor;

    private MexSource(Path matrix, Path features, Path barcodes, boolean transpose) throws IOException {
        MatrixMarketHeader header;
        try (LineReader r = new LineReader(matrix)) {
            header = MatrixMarketHeader.read(r);
        }
        long geneCount = transpose ? header.cols() : header.rows();
        long spots = transpose ? header.rows() : header.cols();
        requirePlausibleSize(matrix, header, features == null, barcodes == null, transpose);
        if (geneCount > Integer.MAX_VALUE - 8) {
            throw new MexFormatException(matrix, geneCount + " genes exceed the limit of 2^31 - 9");
        }
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        if (features == null) {
            for (long g = 1; g <= geneCount; g++) {
                names.add("gene" + g);
            }
        } else {
            readFeatures(features, names, ids);
            if (names.size() != geneCount) {
                throw new MexFormatException(features, names.size() + " features, but " + matrix + " has "
                        + geneCount + (transpose ? " columns" : " rows") + " (expected one feature per gene)");
            }
        }
        super(barcodes == null ? matrix.toString() : matrix.getParent().toString(), spots,
                Collections.unmodifiableList(names), Collections.unmodifiableList(ids));
        this.matrix = matrix;
        this.barcodes = barcodes;
        this.header = header;
        this.transpose = transpose;
        if (barcodes != null) {
            long[] n = {0};
            forEachBarcode(b -> n[0]++);
            if (n[0] != spots()) {
                throw new MexFormatException(barcodes, n[0] + " barcodes, but " + matrix + " has " + spots()
                        + (transpose ? " rows" : " columns") + " (expected one barcode per spot)");
            }
        }
    }

    /** Bytes of the shortest entry line, {@code "1 1 1\n"} (or {@code "1 1\n"} for a pattern matrix). */
    private static final long MIN_ENTRY_BYTES = 4;
    /** The most a deflate stream can expand (1032:1), with margin. */
    private static final long MAX_GZIP_RATIO = 1100;

    /**
     * Refuses a size line that declares more than the file can hold, before anything proportional to it is
     * allocated or spilled: entries need a line each; spots without a barcodes file, and genes without a features
     * file, are described by nothing but the size line, so a count beyond the file's (uncompressed) size is not real
     * (a 40-byte file declaring 3e9 spots).
     */
    private static void requirePlausibleSize(Path matrix, MatrixMarketHeader header, boolean noFeatures,
                                             boolean noBarcodes, boolean transpose) throws IOException {
        long bytes = Files.size(matrix);
        long most = !gzip(matrix) ? bytes
                : bytes > Long.MAX_VALUE / MAX_GZIP_RATIO ? Long.MAX_VALUE : bytes * MAX_GZIP_RATIO;
        if (header.entries() > most / MIN_ENTRY_BYTES) {
            throw new MexFormatException(matrix, "the size line declares " + header.entries() + " entries, more than "
                    + "a file of " + bytes + " bytes can hold; check the size line 'rows cols entries'");
        }
        long spots = transpose ? header.rows() : header.cols();
        long genes = transpose ? header.cols() : header.rows();
        if (noBarcodes && spots > most || noFeatures && genes > most) {
            throw new MexFormatException(matrix, "the size line declares " + (noBarcodes && spots > most ? spots
                    + " spots" : genes + " genes") + ", more than a file of " + bytes + " bytes without a "
                    + (noBarcodes && spots > most ? "barcodes" : "features") + " file can describe; check the size "
                    + "line 'rows cols entries' (and --transpose)");
        }
    }

    private static boolean gzip(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Opens a MEX folder or a Matrix Market file.
     *
     * @param transpose read the matrix as spots x genes (barcodes x features) instead of genes x spots
     * @throws MexFormatException if a file is missing, malformed or inconsistent with the others
     * @throws IOException        if a file cannot be read
     */
    public static MexSource open(Path input, boolean transpose) throws IOException {
        if (Files.isDirectory(input)) {
            Path mtx = find(input, true, "matrix.mtx");
            Path features = find(input, false, "features.tsv", "genes.tsv");
            if (features == null) {
                throw new MexFormatException(input, "no features.tsv[.gz] or genes.tsv[.gz] in the folder");
            }
            return new MexSource(mtx, features, find(input, true, "barcodes.tsv"), transpose);
        }
        if (!Files.isRegularFile(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
        }
        return new MexSource(input, null, null, transpose);
    }

    private static Path find(Path dir, boolean required, String... names) throws IOException {
        for (String n : names) {
            Path plain = dir.resolve(n);
            Path gz = dir.resolve(n + ".gz");
            if (Files.isRegularFile(plain) && Files.isRegularFile(gz)) {
                if (!sameText(plain, gz)) {
                    throw new MexFormatException(dir, n + " and " + n + ".gz are both there and differ: remove the "
                            + "one that does not belong to this matrix");
                }
                return plain;
            }
            if (Files.isRegularFile(plain)) {
                return plain;
            }
            if (Files.isRegularFile(gz)) {
                return gz;
            }
        }
        if (required) {
            throw new MexFormatException(dir, "no " + names[0] + "[.gz] in the folder");
        }
        return null;
    }

    /** True if the two files hold the same text once decompressed (a folder with both a file and its .gz). */
    private static boolean sameText(Path a, Path b) throws IOException {
        try (var x = TextInput.open(a); var y = TextInput.open(b)) {
            byte[] bx = new byte[1 << 16];
            byte[] by = new byte[1 << 16];
            while (true) {
                int nx = x.readNBytes(bx, 0, bx.length);
                int ny = y.readNBytes(by, 0, by.length);
                if (nx != ny || !java.util.Arrays.equals(bx, 0, nx, by, 0, ny)) {
                    return false;
                }
                if (nx < bx.length) {
                    return true;
                }
            }
        }
    }

    private static void readFeatures(Path file, List<String> names, List<String> ids) throws IOException {
        try (CsvReader r = CsvReader.openTsv(file)) {
            while (r.next()) {
                String id = r.field(0);
                String name = r.fields() > 1 && !r.isEmpty(1) ? r.field(1) : id;
                String problem = TextNames.problem(name);
                if (problem != null) {
                    throw r.error("feature '" + TextNames.visible(name) + "' " + problem
                            + " (expected id, name and type separated by tabs)");
                }
                ids.add(id);
                names.add(name);
            }
        }
    }

    @Override
    public void forEachBarcode(Consumer<String> consumer) throws IOException {
        if (barcodes == null) {
            for (long s = 1; s <= spots(); s++) {
                consumer.accept("spot" + s);
            }
            return;
        }
        try (CsvReader r = CsvReader.openTsv(barcodes)) {
            while (r.next()) {
                String b = r.field(0);
                String problem = TextNames.problem(b);
                if (problem != null) {
                    throw r.error("barcode '" + TextNames.visible(b) + "' " + problem);
                }
                consumer.accept(b);
            }
        }
    }

    @Override
    public boolean spotMajor() {
        if (spotMajor == null) {
            try {
                spotMajor = scanOrder();
            } catch (IOException e) {
                spotMajor = false; // the read error surfaces again, with its message, in forEachEntry
            }
        }
        return spotMajor;
    }

    private boolean scanOrder() throws IOException {
        long[] last = {-1, -1};
        boolean[] sorted = {true};
        try {
            read((spot, gene, value, line) -> {
                if (spot < last[0] || (spot == last[0] && gene <= last[1])) {
                    sorted[0] = false;
                    throw new StopReading("out of order");
                }
                last[0] = spot;
                last[1] = gene;
            }, ORDER_SAMPLE);
        } catch (StopReading e) {
            return sorted[0];
        }
        return sorted[0];
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        read(consumer, Long.MAX_VALUE);
    }

    /** Reads up to {@code limit} entries; the location of an entry is its 1-based line number. */
    private void read(EntryConsumer consumer, long limit) throws IOException {
        try (LineReader r = new LineReader(matrix)) {
            for (long i = 0; i < header.lines(); i++) {
                r.next();
            }
            long seen = 0;
            long rows = header.rows();
            long cols = header.cols();
            while (seen < limit && r.next()) {
                if (r.startsWith('%') || r.blank()) {
                    continue;
                }
                if (seen == header.entries()) {
                    throw r.error("more entries than the " + header.entries() + " promised by the size line");
                }
                long row = r.nextLong("row index");
                long col = r.nextLong("column index");
                double value = header.pattern() ? 1.0 : r.nextDouble("value");
                if (!r.atEnd()) {
                    throw r.error("expected " + (header.pattern() ? 2 : 3) + " fields, found '" + r.line() + "'");
                }
                if (row < 1 || row > rows || col < 1 || col > cols) {
                    throw r.error("index (" + row + ", " + col + ") is outside the " + rows + " x " + cols
                            + " matrix (1-based)");
                }
                seen++;
                if (transpose) {
                    consumer.accept(row - 1, (int) (col - 1), value, r.lineNumber());
                } else {
                    consumer.accept(col - 1, (int) (row - 1), value, r.lineNumber());
                }
            }
            if (seen < limit && seen < header.entries()) {
                throw r.error("the file ends after " + seen + " of the " + header.entries()
                        + " entries promised by the size line (truncated?)");
            }
        }
    }

    @Override
    public String describe(long location) {
        return matrix + " line " + location;
    }

    @Override
    public void close() {
        // every read opens and closes its own stream
    }
}
