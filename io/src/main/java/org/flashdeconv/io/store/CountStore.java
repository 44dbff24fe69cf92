package org.flashdeconv.io.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.io.atomic.NamedChannel;
import org.flashdeconv.io.text.TextBuffer;

/**
 * An opened {@code .fdstore} file (layout: {@link StoreHeader}): the whole file mapped read-only, once, into a
 * {@link MemorySegment} of a shared {@link Arena}, so worker threads may read it concurrently. An owner: every
 * segment and view it hands out ({@link #csr()}, {@link #totals()}, {@link #coords()}, {@link #section}) stays
 * valid until {@link #close()}, and must not be used after.
 *
 * <p>Opening checks the magic, the version, the header checksum, every section's bounds and alignment, the
 * sizes of the sections against the shape, the first and last row pointer and the string tables' end offsets;
 * with {@code verifyChecksums} (the default) it also runs {@link #verify()}. Problems raise a
 * {@link StoreFormatException} (or its {@link StoreChecksumException}) naming the file, section and offset.
 */
public final class CountStore implements AutoCloseable {
    /** Bytes checksummed per step; each step's pages are released behind it, so verifying keeps RSS small. */
    private static final long CRC_CHUNK = 1L << 26;
    /** Column indices checked between releases of the pages behind the structural check (32 MB of a f32 store). */
    private static final long RELEASE_ENTRIES = 1L << 22;

    private final Path path;
    private final Arena arena;
    private final MemorySegment file;
    private final StoreHeader header;
    private final CsrView csr;
    private final MemorySegment totals;
    private final StringTable barcodes;
    private final List<String> geneNames;
    private final List<String> geneIds;
    private final CoordsView coords;
    private boolean verified;

    private CountStore(Path path, Arena arena, MemorySegment file, StoreHeader h) throws StoreFormatException {
        this.path = path;
        this.arena = arena;
        this.file = file;
        this.header = h;
        long n = h.spots();
        MemorySegment rowPtr = required(SectionKind.ROW_PTR, Math.multiplyExact(n + 1, 8L));
        MemorySegment colIdx = required(SectionKind.COL_IDX, Math.multiplyExact(h.nnz(), 4L));
        MemorySegment values = required(SectionKind.VALUES, Math.multiplyExact(h.nnz(), h.valueType().bytes()));
        this.totals = required(SectionKind.TOTALS, Math.multiplyExact(n, 8L));
        long first = rowPtr.getAtIndex(Layouts.I64, 0);
        long last = rowPtr.getAtIndex(Layouts.I64, n);
        SectionEntry ptrEntry = h.find(SectionKind.ROW_PTR);
        if (first != 0) {
            throw new StoreFormatException(path, "rowPtr", ptrEntry.offset(), "broken row pointer: rowPtr[0] is "
                    + first + ", expected 0");
        }
        if (last != h.nnz()) {
            throw new StoreFormatException(path, "rowPtr", ptrEntry.offset() + n * 8, "broken row pointer: rowPtr["
                    + n + "] is " + last + ", expected nnz " + h.nnz());
        }
        this.csr = new CsrView(n, h.genes(), rowPtr, colIdx, values, h.valueType());
        this.barcodes = strings(SectionKind.BARCODES, n, false, false);
        // decoded now, so every offset is checked first: a damaged table must not reach StringTable.get
        this.geneNames = decodeAll(strings(SectionKind.GENE_NAMES, h.genes(), false, true));
        this.geneIds = decodeAll(strings(SectionKind.GENE_IDS, h.genes(), true, true));
        if (h.coordDim() > 0) {
            long bytes = Math.multiplyExact(Math.multiplyExact(n, (long) h.coordDim()), 8L);
            this.coords = new CoordsView(n, h.coordDim(), required(SectionKind.COORDS, bytes));
        } else {
            this.coords = null;
        }
    }

    /**
     * True if {@code path} is a regular file that starts with the store's magic bytes, whatever its name
     * ({@code convert -o x} writes a store called {@code x}).
     *
     * @throws IOException if the file exists but cannot be read
     */
    public static boolean isStore(Path path) throws IOException {
        if (!java.nio.file.Files.isRegularFile(path)) {
            return false;
        }
        try (var in = java.nio.file.Files.newInputStream(path)) {
            return java.util.Arrays.equals(in.readNBytes(StoreHeader.MAGIC.length), StoreHeader.MAGIC);
        }
    }

    /**
     * Opens and fully verifies a store (same as {@code open(path, true)}).
     *
     * @throws StoreFormatException   if the file is not a valid store
     * @throws StoreChecksumException if a checksum does not match
     * @throws IOException            if the file cannot be read
     */
    public static CountStore open(Path path) throws IOException {
        return open(path, true);
    }

    /**
     * Maps and checks a store. The cheap structural checks always run; {@code verifyChecksums} adds
     * {@link #verify()} (reads every byte once).
     *
     * @throws StoreFormatException   if the file is not a valid store
     * @throws StoreChecksumException if {@code verifyChecksums} and a checksum does not match
     * @throws IOException            if the file cannot be read, or cannot be mapped (the message says which
     *                                limits to check: {@code ulimit -v}, {@code vm.max_map_count})
     */
    public static CountStore open(Path path, boolean verifyChecksums) throws IOException {
        Arena arena = Arena.ofShared();
        boolean success = false;
        try {
            MemorySegment file;
            long size;
            try (FileChannel ch = NamedChannel.open(path, StandardOpenOption.READ)) {
                size = ch.size();
                if (size < StoreHeader.HEADER_BYTES) {
                    throw new StoreFormatException(path, "header", size, "truncated: the file has " + size
                            + " bytes, shorter than the " + StoreHeader.HEADER_BYTES + "-byte header");
                }
                file = MapFailure.mapReadOnly(ch, path, size, arena);
            }
            StoreHeader h = StoreHeader.read(path, file, size);
            if (verifyChecksums) {
                // checksums before any structural check, so damage is reported as such
                checkSections(path, file, h);
            }
            CountStore store = new CountStore(path, arena, file, h);
            if (verifyChecksums) {
                store.checkStructure();
                store.releasePages(); // the checks read every section; the row ends of their windows stay resident
            }
            success = true;
            return store;
        } finally {
            if (!success) {
                arena.close();
            }
        }
    }

    private MemorySegment required(SectionKind kind, long expectedBytes) throws StoreFormatException {
        SectionEntry e = header.find(kind);
        if (e == null) {
            throw new StoreFormatException(path, kind.label(), StoreHeader.HEADER_BYTES, "required section missing");
        }
        if (e.length() != expectedBytes) {
            throw new StoreFormatException(path, kind.label(), e.offset(), "section has " + e.length()
                    + " bytes, expected " + expectedBytes + " for " + header.spots() + " spots, " + header.genes()
                    + " genes, " + header.nnz() + " entries");
        }
        return file.asSlice(e.offset(), e.length());
    }

    private StringTable strings(SectionKind kind, long count, boolean mayBeEmpty, boolean full)
            throws StoreFormatException {
        SectionEntry e = header.find(kind);
        if (e == null) {
            throw new StoreFormatException(path, kind.label(), StoreHeader.HEADER_BYTES, "required section missing");
        }
        long expected = mayBeEmpty && e.items() == 0 ? 0 : count;
        return StringTable.of(path, e, file.asSlice(e.offset(), e.length()), expected, full);
    }

    private static List<String> decodeAll(StringTable t) {
        List<String> out = new ArrayList<>((int) t.count());
        for (long i = 0; i < t.count(); i++) {
            out.add(t.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Re-reads the whole file: every section's CRC32C, then the full structure (row pointers non-decreasing,
     * column indices in range and strictly increasing within each row, string offsets in order). Extra sections
     * ({@link SectionKind#extra}) are caches whose readers check them ({@link #checkedSection}): a damaged one
     * is ignored there and recomputed, so it does not fail this check.
     *
     * @throws StoreChecksumException if a section's checksum does not match
     * @throws StoreFormatException   if the structure is broken
     */
    public void verify() throws StoreFormatException {
        checkSections(path, file, header);
        checkStructure();
    }

    private static void checkSections(Path path, MemorySegment file, StoreHeader header)
            throws StoreChecksumException {
        List<SectionEntry> sections = header.sections().stream().filter(e -> e.kind().builtIn()).toList();
        // the sections on every core (the column indices and the values are most of the file), reported in file order
        int[] crcs = sections.parallelStream().mapToInt(e -> crc32c(file.asSlice(e.offset(), e.length()))).toArray();
        for (int i = 0; i < crcs.length; i++) {
            SectionEntry e = sections.get(i);
            if (crcs[i] != e.crc()) {
                throw new StoreChecksumException(path, e.kind().label(), e.offset(), e.length(), e.crc(), crcs[i]);
            }
        }
    }

    private void checkStructure() throws StoreFormatException {
        int parts = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                header.nnz() / RELEASE_ENTRIES + 1));
        long rows = csr.rows();
        List<StoreFormatException> found = IntStream.range(0, parts).parallel()
                .mapToObj(i -> checkRows(rows * i / parts, rows * (i + 1) / parts)).toList();
        for (StoreFormatException e : found) { // the first problem in row order, whatever the thread count
            if (e != null) {
                throw e;
            }
        }
        strings(SectionKind.BARCODES, header.spots(), false, true);
        strings(SectionKind.GENE_NAMES, header.genes(), false, true);
        strings(SectionKind.GENE_IDS, header.genes(), true, true);
        verified = true;
    }

    /**
     * Checks rows {@code [from, to)}: row pointers in order, column indices in range and increasing, values finite
     * and not negative; returns the first problem, or null.
     */
    private StoreFormatException checkRows(long from, long to) {
        long ptrOffset = header.find(SectionKind.ROW_PTR).offset();
        long colOffset = header.find(SectionKind.COL_IDX).offset();
        long valOffset = header.find(SectionKind.VALUES).offset();
        long genes = header.genes();
        long prev = from == 0 ? 0 : csr.rowEnd(from - 1);
        long released = prev;
        for (long row = from; row < to; row++) {
            if (prev - released >= RELEASE_ENTRIES) { // keep the resident set to a window of the file
                csr.colIdx().asSlice(released * Integer.BYTES, (prev - released) * Integer.BYTES).unload();
                int vb = header.valueType().bytes();
                csr.values().asSlice(released * vb, (prev - released) * vb).unload();
                released = prev;
            }
            long end = csr.rowEnd(row);
            if (end < prev || end > header.nnz()) {
                return new StoreFormatException(path, "rowPtr", ptrOffset + (row + 1) * 8, "broken row pointer: "
                        + "rowPtr[" + (row + 1) + "] is " + end + " after " + prev + " (nnz " + header.nnz() + ")");
            }
            int lastCol = -1;
            for (long k = prev; k < end; k++) {
                int c = csr.col(k);
                if (c <= lastCol || c >= genes) {
                    return new StoreFormatException(path, "colIdx", colOffset + k * 4, "column index " + c
                            + " in row " + row + " is out of range [0, " + genes + ") or not above " + lastCol);
                }
                lastCol = c;
                double v = csr.value(k);
                if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                    return new StoreFormatException(path, "values", valOffset + k * header.valueType().bytes(),
                            "value " + v + " in row " + row + ", column " + c + " is negative or not finite");
                }
            }
            prev = end;
        }
        return null;
    }

    /** CRC32C of {@code data}; pages of a mapped segment are released behind the read (see {@link #verify}). */
    static int crc32c(MemorySegment data) {
        CRC32C crc = new CRC32C();
        for (long at = 0; at < data.byteSize(); at += CRC_CHUNK) {
            MemorySegment chunk = data.asSlice(at, Math.min(CRC_CHUNK, data.byteSize() - at));
            crc.update(chunk.asByteBuffer());
            if (chunk.isMapped()) {
                chunk.unload();
            }
        }
        return (int) crc.getValue();
    }

    /**
     * Drops this process's resident pages of the mapped file, for a caller that has finished a pass over it (the
     * open-time checks, a pass over the barcodes or coordinates): the pages stay in the operating system's file
     * cache, and a later read maps them back cheaply (a minor fault per page). Every view stays valid.
     *
     * @throws IllegalStateException if the store is closed
     */
    public void releasePages() {
        file.unload();
    }

    /** True once {@link #verify()} has passed on this opened file. */
    public boolean verified() {
        return verified;
    }

    /** The counts as a CSR view (spots x genes); valid until {@link #close()}. */
    public CsrView csr() {
        return csr;
    }

    /** Number of spots (rows). */
    public long spots() {
        return header.spots();
    }

    /** Number of genes (columns). */
    public int genes() {
        return (int) header.genes();
    }

    /** Number of stored entries. */
    public long nnz() {
        return header.nnz();
    }

    /** Element type of the values. */
    public ValueType valueType() {
        return header.valueType();
    }

    /**
     * True if the writer saw a value that is not an integer ({@link StoreHeader#FLAG_NON_INTEGER}): the data may
     * be normalised rather than raw counts, which the model assumes.
     */
    public boolean nonIntegerValues() {
        return (header.flags() & StoreHeader.FLAG_NON_INTEGER) != 0;
    }

    /** Per-spot totals (sum of the row's values), f64[spots]; valid until {@link #close()}. */
    public MemorySegment totals() {
        return totals;
    }

    /**
     * The barcode of {@code spot}.
     *
     * @throws IndexOutOfBoundsException if {@code spot} is outside {@code [0, spots())}
     */
    public String barcode(long spot) {
        return barcodes.get(spot);
    }

    /**
     * Appends the barcode of {@code spot} to {@code out} as a CSV field: what {@code out.appendField(barcode(spot))}
     * appends, without a String for an ASCII barcode.
     *
     * @throws IndexOutOfBoundsException if {@code spot} is outside {@code [0, spots())}
     */
    public void appendBarcodeField(long spot, TextBuffer out) {
        barcodes.appendField(spot, out);
    }

    /** Visits every barcode in spot order (decoding one at a time: nothing of size spots is kept). */
    public void forEachBarcode(Consumer<String> consumer) {
        for (long i = 0; i < barcodes.count(); i++) {
            consumer.accept(barcodes.get(i));
        }
    }

    /** Gene names in column order (unmodifiable). */
    public List<String> geneNames() {
        return geneNames;
    }

    /** Gene ids in column order (unmodifiable), empty when the input had none. */
    public List<String> geneIds() {
        return geneIds;
    }

    /** The spot coordinates, when the store has them; valid until {@link #close()}. */
    public Optional<CoordsView> coords() {
        return Optional.ofNullable(coords);
    }

    /**
     * The bytes of the section of {@code kind} (read-only), when the store has one; valid until
     * {@link #close()}. This is how extra sections ({@link SectionKind#extra}) are read back.
     */
    public Optional<MemorySegment> section(SectionKind kind) {
        SectionEntry e = header.find(kind);
        return e == null ? Optional.empty() : Optional.of(file.asSlice(e.offset(), e.length()));
    }

    /**
     * The bytes of the section of {@code kind}, only if the store has one and its CRC32C matches the section
     * table; valid until {@link #close()}. Readers of caches use this: a damaged cache reads as absent.
     */
    public Optional<MemorySegment> checkedSection(SectionKind kind) {
        SectionEntry e = header.find(kind);
        if (e == null) {
            return Optional.empty();
        }
        MemorySegment s = file.asSlice(e.offset(), e.length());
        return crc32c(s) == e.crc() ? Optional.of(s) : Optional.empty();
    }

    /** The parsed header, including the section table. */
    public StoreHeader header() {
        return header;
    }

    /** The file this store was opened from. */
    public Path path() {
        return path;
    }

    /** Unmaps the file; every segment handed out becomes invalid. */
    @Override
    public void close() {
        arena.close();
    }
}
