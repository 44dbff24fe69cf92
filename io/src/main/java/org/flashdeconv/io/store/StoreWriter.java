package org.flashdeconv.io.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Writes a {@code .fdstore} file (layout: {@link StoreHeader}) in one streaming pass, rows in spot order:
 * column indices go straight to the output ({@link FileSink}); row pointers, totals, barcodes and coordinates go to
 * temporary spill files and are appended at {@link #finish()}. The values go straight to the output too, as f32 at
 * an offset reserved after the column indices, when the writer knows the number of entries in advance
 * ({@link #reserveEntries}) and every value is exactly a float (raw counts always are); otherwise (no reservation,
 * more entries than reserved, or the first value that needs f64) they go to a spill file and are appended at
 * {@link #finish()}, f32 if every value is exactly a float, else f64. Fewer entries than reserved moves the values
 * down behind the column indices at the end. Heap use is a few MiB of buffers whatever the size.
 *
 * <p>The file is written under a temporary name beside the target ({@link AtomicOutput}) and renamed into place
 * by {@link #finish()}; closing an unfinished writer deletes everything, leaving the target untouched.
 *
 * <pre>{@code
 * try (StoreWriter w = StoreWriter.create(target, geneNames, geneIds, 2)) {
 *     w.addRow("AAAC-1", cols, values, count, new double[] {x, y});
 *     ...
 *     StoreSummary s = w.finish();
 * }
 * }</pre>
 *
 * Not thread-safe. The barcode, row and coordinate streams may be fed separately (each in spot order) with
 * {@link #addBarcode}, {@link #addRow(int[], double[], int)} and {@link #addCoordinates}; their counts must agree
 * at {@link #finish()}. Barcode uniqueness is not checked here ({@link StoreConverter} checks it).
 */
public final class StoreWriter implements AutoCloseable {
    private final AtomicOutput output;
    private final List<String> geneNames;
    private final List<String> geneIds;
    private final int genes;
    private final int coordDim;
    private final FileSink sink;
    private FileSink.Region directValues;
    private long reserved;
    private final List<AutoCloseable> spills = new ArrayList<>();
    private final SpillFile values;
    private final SpillFile rowPtr;
    private final SpillFile totals;
    private final SpillFile barcodeOffsets;
    private final SpillFile barcodeBytes;
    private final SpillFile coords;
    private final List<SectionEntry> extras = new ArrayList<>();
    private final List<SpillFile> extraData = new ArrayList<>();
    private long rows;
    private long nnz;
    private long barcodes;
    private long coordRows;
    private boolean allFloat = true;
    private boolean allInteger = true;
    private boolean finished;
    private boolean temporary;

    private StoreWriter(AtomicOutput output, List<String> geneNames, List<String> geneIds, int coordDim)
            throws IOException {
        this.output = output;
        this.geneNames = List.copyOf(geneNames);
        this.geneIds = List.copyOf(geneIds);
        this.genes = geneNames.size();
        this.coordDim = coordDim;
        Path dir = output.temp().getParent();
        String prefix = output.temp().getFileName().toString();
        boolean success = false;
        try {
            this.values = spill(dir, prefix, ".values");
            this.rowPtr = spill(dir, prefix, ".rowptr");
            this.totals = spill(dir, prefix, ".totals");
            this.barcodeOffsets = spill(dir, prefix, ".bcoff");
            this.barcodeBytes = spill(dir, prefix, ".bc");
            this.coords = spill(dir, prefix, ".coords");
            rowPtr.putLong(0);
            barcodeOffsets.putLong(0);
            this.sink = new FileSink(output.temp());
            spills.add(sink);
            sink.begin(SectionKind.COL_IDX, 0);
            success = true;
        } finally {
            if (!success) {
                close();
            }
        }
    }

    private SpillFile spill(Path dir, String prefix, String suffix) throws IOException {
        SpillFile s = new SpillFile(dir, prefix, suffix);
        spills.add(s);
        return s;
    }

    /**
     * Starts a store at {@code target}.
     *
     * @param geneNames gene names in column order
     * @param geneIds   gene ids in column order, or an empty list
     * @param coordDim  coordinate columns (2 or 3), or 0 for a store without coordinates
     * @throws IllegalArgumentException if the gene ids are neither empty nor as many as the names, or
     *                                  {@code coordDim} is not 0, 2 or 3
     * @throws IOException              if the temporary files cannot be created
     */
    public static StoreWriter create(Path target, List<String> geneNames, List<String> geneIds, int coordDim)
            throws IOException {
        if (!geneIds.isEmpty() && geneIds.size() != geneNames.size()) {
            throw new IllegalArgumentException("store writer: expected " + geneNames.size()
                    + " gene ids (one per gene name) or none, found " + geneIds.size());
        }
        if (coordDim != 0 && coordDim != 2 && coordDim != 3) {
            throw new IllegalArgumentException("store writer: coordDim must be 0, 2 or 3, found " + coordDim);
        }
        AtomicOutput out = AtomicOutput.create(target);
        boolean success = false;
        try {
            StoreWriter w = new StoreWriter(out, geneNames, geneIds, coordDim);
            success = true;
            return w;
        } finally {
            if (!success) {
                out.close();
            }
        }
    }

    /** Number of genes (columns) of the store being written. */
    public int genes() {
        return genes;
    }

    /**
     * Appends the next barcode (spot order).
     *
     * @throws IOException on a write error
     */
    public void addBarcode(String barcode) throws IOException {
        byte[] b = barcode.getBytes(StandardCharsets.UTF_8);
        barcodeBytes.put(b, 0, b.length);
        barcodeOffsets.putLong(barcodeBytes.bytes());
        barcodes++;
    }

    /**
     * Appends the next row: the first {@code count} entries of {@code cols} and {@code values}.
     *
     * @throws IllegalArgumentException if a column is out of range or not above the previous one, or a value is
     *                                  NaN, infinite or negative (names the row and column)
     * @throws IOException              on a write error
     */
    public void addRow(int[] cols, double[] values, int count) throws IOException {
        addRow(cols, values, 0, count);
    }

    /**
     * Appends the next row: entries {@code [from, from + count)} of {@code cols} and {@code values}.
     *
     * @throws IllegalArgumentException as {@link #addRow(int[], double[], int)}
     * @throws IOException              on a write error
     */
    public void addRow(int[] cols, double[] values, int from, int count) throws IOException {
        double sum = 0;
        int last = -1;
        for (int i = from; i < from + count; i++) {
            int c = cols[i];
            double v = values[i];
            if (c <= last || c >= genes) {
                throw new IllegalArgumentException("store writer: row " + rows + " has column " + c + " after " + last
                        + " (expected strictly increasing columns in [0, " + genes + "))");
            }
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("store writer: row " + rows + ", column " + c + " has value " + v
                        + " (expected finite and >= 0)");
            }
            last = c;
            sum += v;
            allFloat &= (double) (float) v == v;
            allInteger &= v == Math.rint(v);
            sink.room(Integer.BYTES).putInt(c);
            if (directValues != null) {
                if ((double) (float) v == v && nnz + i - from < reserved) {
                    directValues.room(Float.BYTES).putFloat((float) v);
                    continue;
                }
                spillDirectValues();
            }
            this.values.putDouble(v);
        }
        nnz += count;
        rows++;
        rowPtr.putLong(nnz);
        totals.putDouble(sum);
    }

    /**
     * Declares how many entries the rows will hold (exactly, or at most: a few more or fewer only cost a copy), so
     * that the values can be written straight into their section instead of a spill file. Call it before the first
     * row.
     *
     * @throws IllegalStateException    if a row was already added
     * @throws IllegalArgumentException if {@code entries} is negative
     */
    public void reserveEntries(long entries) {
        if (rows > 0 || directValues != null) {
            throw new IllegalStateException("store writer: reserveEntries must come before the first row, once");
        }
        if (entries < 0) {
            throw new IllegalArgumentException("store writer: entries must be >= 0, found " + entries);
        }
        reserved = entries;
        directValues = sink.region(StoreHeader.align(sink.position() + Math.multiplyExact(entries, 4L)));
    }

    /** Leaves the direct path: the f32 values written so far go to the spill file as doubles. */
    private void spillDirectValues() throws IOException {
        FileSink.Region region = directValues;
        directValues = null;
        region.flush();
        long count = (region.position() - region.start()) / Float.BYTES;
        ByteBuffer chunk = ByteBuffer.allocate(FileSink.BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long at = 0; at < count; ) {
            int n = (int) Math.min(chunk.capacity() / Float.BYTES, count - at);
            chunk.clear().limit(n * Float.BYTES);
            sink.read(region.start() + at * Float.BYTES, chunk);
            chunk.flip();
            for (int i = 0; i < n; i++) {
                values.putDouble(chunk.getFloat());
            }
            at += n;
        }
    }

    /** The values section from the direct region: in place, or moved down behind the column indices. */
    private SectionEntry directValuesSection() throws IOException {
        FileSink.Region region = directValues;
        region.flush();
        long bytes = nnz * Float.BYTES;
        if (StoreHeader.align(sink.position()) == region.start()) {
            sink.continueAt(region.start() + bytes);
            return region.finish(SectionKind.VALUES, nnz);
        }
        sink.begin(SectionKind.VALUES, nnz);
        ByteBuffer chunk = ByteBuffer.allocate(FileSink.BLOCK_BYTES);
        for (long at = 0; at < bytes; ) {
            int n = (int) Math.min(chunk.capacity(), bytes - at);
            chunk.clear().limit(n);
            sink.read(region.start() + at, chunk);
            chunk.flip();
            sink.put(chunk);
            at += n;
        }
        return sink.end();
    }

    /**
     * Appends the coordinates of the next {@code spots} spots ({@code spots * coordDim} values, row-major).
     *
     * @throws IllegalArgumentException if the store has no coordinates or a value is not finite
     * @throws IOException              on a write error
     */
    public void addCoordinates(double[] xyz, int spots) throws IOException {
        if (coordDim == 0) {
            throw new IllegalArgumentException("store writer: created without coordinates (coordDim 0)");
        }
        for (int i = 0; i < spots * coordDim; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException("store writer: coordinate " + (i % coordDim) + " of spot "
                        + (coordRows + i / coordDim) + " is " + xyz[i] + " (expected a finite number)");
            }
            coords.putDouble(xyz[i]);
        }
        coordRows += spots;
    }

    /**
     * Appends a whole spot: barcode, row and (when the store has coordinates) its coordinates.
     *
     * @param coordOrNull {@code coordDim} values, or null for a store without coordinates
     * @throws IllegalArgumentException as {@link #addRow(int[], double[], int)} and {@link #addCoordinates}
     * @throws IOException              on a write error
     */
    public void addRow(String barcode, int[] cols, double[] values, int count, double[] coordOrNull)
            throws IOException {
        addRow(cols, values, count);
        addBarcode(barcode);
        if (coordOrNull != null) {
            addCoordinates(coordOrNull, 1);
        }
    }

    /**
     * Adds an extra section, copied now and written after the built-in ones.
     *
     * @param kind  an extra kind ({@link SectionKind#extra})
     * @param items element count recorded in the section table
     * @throws IllegalArgumentException if {@code kind} is built in or already added
     * @throws IOException              on a write error
     */
    public void addSection(SectionKind kind, long items, MemorySegment data) throws IOException {
        if (kind.builtIn() || extras.stream().anyMatch(e -> e.kind().equals(kind))) {
            throw new IllegalArgumentException("store writer: section " + kind + " is built in or already added");
        }
        SpillFile s = spill(output.temp().getParent(), output.temp().getFileName().toString(), ".extra");
        byte[] chunk = new byte[SpillFile.BUFFER_BYTES];
        for (long at = 0; at < data.byteSize(); at += chunk.length) {
            int n = (int) Math.min(chunk.length, data.byteSize() - at);
            MemorySegment.copy(data, at, MemorySegment.ofArray(chunk), 0, n);
            s.put(chunk, 0, n);
        }
        extras.add(new SectionEntry(kind, 0, 0, data.byteSize(), items));
        extraData.add(s);
    }

    /**
     * Writes the remaining sections and the header, and renames the file into place.
     *
     * @throws IllegalArgumentException if the numbers of rows, barcodes and coordinate rows differ
     * @throws IOException              on a write error
     */
    public StoreSummary finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("store writer: already finished");
        }
        if (barcodes != rows || (coordDim > 0 && coordRows != rows)) {
            throw new IllegalArgumentException("store writer: " + rows + " rows, " + barcodes + " barcodes and "
                    + coordRows + " coordinate rows (expected the same number)");
        }
        List<SectionEntry> table = new ArrayList<>();
        table.add(withItems(sink.end(), nnz));
        ValueType vt = allFloat ? ValueType.F32 : ValueType.F64;
        if (directValues != null) {
            table.add(directValuesSection());
        } else {
            sink.begin(SectionKind.VALUES, nnz);
            values.read(chunk -> {
                while (chunk.hasRemaining()) {
                    double v = chunk.getDouble();
                    if (vt == ValueType.F32) {
                        sink.room(Float.BYTES).putFloat((float) v);
                    } else {
                        sink.room(Double.BYTES).putDouble(v);
                    }
                }
            });
            table.add(sink.end());
        }
        table.add(copy(SectionKind.ROW_PTR, rows + 1, rowPtr));
        table.add(copy(SectionKind.TOTALS, rows, totals));
        sink.begin(SectionKind.BARCODES, rows);
        barcodeOffsets.read(sink::put);
        barcodeBytes.read(sink::put);
        table.add(sink.end());
        table.add(strings(SectionKind.GENE_NAMES, geneNames));
        table.add(strings(SectionKind.GENE_IDS, geneIds));
        if (coordDim > 0) {
            table.add(copy(SectionKind.COORDS, rows * coordDim, coords));
        }
        for (int i = 0; i < extras.size(); i++) {
            table.add(copy(extras.get(i).kind(), extras.get(i).items(), extraData.get(i)));
        }
        long length = sink.position();
        int flags = allInteger ? 0 : StoreHeader.FLAG_NON_INTEGER;
        StoreHeader header = new StoreHeader(StoreHeader.VERSION, flags, rows, genes, nnz, vt, coordDim, length,
                table);
        sink.writeHeader(header.encode());
        sink.close();
        spills.remove(sink);
        try (FileChannel ch = NamedChannel.open(output.temp(), output.target(), StandardOpenOption.WRITE)) {
            ch.truncate(length);
            if (!temporary) {
                ch.force(true);
            }
        }
        output.commit();
        finished = true;
        close();
        return new StoreSummary(output.target(), rows, genes, nnz, vt, coordDim, !allInteger);
    }

    private static SectionEntry withItems(SectionEntry e, long items) {
        return new SectionEntry(e.kind(), e.crc(), e.offset(), e.length(), items);
    }

    private SectionEntry copy(SectionKind kind, long items, SpillFile from) throws IOException {
        sink.begin(kind, items);
        from.read(sink::put);
        return sink.end();
    }

    private SectionEntry strings(SectionKind kind, List<String> strings) throws IOException {
        List<byte[]> encoded = new ArrayList<>(strings.size());
        for (String s : strings) {
            encoded.add(s.getBytes(StandardCharsets.UTF_8));
        }
        sink.begin(kind, strings.size());
        long at = 0;
        sink.room(Long.BYTES).putLong(0);
        for (byte[] b : encoded) {
            at += b.length;
            sink.room(Long.BYTES).putLong(at);
        }
        for (byte[] b : encoded) {
            sink.put(b);
        }
        return sink.end();
    }

    /**
     * Makes this a temporary store (deleted after use, as {@code deconvolve} makes of an input that is not a store):
     * its pages are not forced to the disk, neither while writing nor at {@link #finish()}.
     */
    public void temporary() {
        temporary = true;
        sink.noSyncAhead();
    }

    /** Deletes the temporary files; without a successful {@link #finish()}, nothing appears at the target. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (AutoCloseable c : spills) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof IOException io ? io : new IOException(e);
                }
            }
        }
        spills.clear();
        try {
            output.close();
        } catch (IOException e) {
            if (first == null) {
                first = e;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
