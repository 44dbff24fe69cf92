package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.atomic.TemporaryFiles;
import org.flashdeconv.io.coords.CoordinatesCsv;
import org.flashdeconv.io.h5.H5adSource;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreConverter;
import org.flashdeconv.io.text.TextNames;

/**
 * The spatial counts of a run as an open, read-only store: a {@code .fdstore} file as given, or any input
 * {@code convert} reads, converted once into a temporary store beside the outputs and deleted on close; with what
 * was read from where (an AnnData file's count matrix and gene names) and whether the values look like raw counts.
 */
final class SpatialStore implements AutoCloseable {
    private final CountStore store;
    private final Path temporary;
    private final List<String> notes;
    private final List<String> warnings;
    private final String countsProblem;
    private final double[] imagePixels;
    private Path annData;
    private Sections sections;

    private SpatialStore(CountStore store, Path temporary, List<String> notes, List<String> warnings,
                         String countsProblem, double[] imagePixels) {
        this.store = store;
        this.temporary = temporary;
        this.notes = List.copyOf(notes);
        this.warnings = List.copyOf(warnings);
        this.countsProblem = countsProblem;
        this.imagePixels = imagePixels;
    }

    /**
     * Opens {@code path}.
     *
     * @param path    a store, or an input that {@link ReadOptions#open} reads
     * @param coords  a coordinates CSV to attach, or null
     * @param options how to read non-store inputs
     * @param workDir where a temporary store may go
     * @throws IOException              if the input cannot be read or converted
     * @throws IllegalArgumentException if coordinates are given for a store (they are fixed at conversion)
     */
    static SpatialStore open(Path path, Path coords, ReadOptions options, String libraryKey, Path workDir,
                             Progress progress) throws IOException {
        if (isStore(path)) {
            if (libraryKey != null) {
                throw new IllegalArgumentException("--library-key: " + path + " is a store, which keeps no obs columns;"
                        + " give the AnnData file it was converted from");
            }
            if (coords != null) {
                throw new IllegalArgumentException("--coords: " + path + " is a store, whose coordinates were fixed"
                        + " by 'flashdeconv convert'; convert the input again with --coords " + coords);
            }
            if (options.geneColumn != null) {
                throw new IllegalArgumentException("--spatial-gene-column: " + path + " is a store, whose genes were"
                        + " fixed by 'flashdeconv convert'; convert the input again with --spatial-gene-column "
                        + options.geneColumn);
            }
            CountStore store = CountStore.open(path);
            return new SpatialStore(store, null, List.of(), List.of(), store.nonIntegerValues()
                    ? NonIntegerWarning.of(path) : null, null);
        }
        Path temp = TemporaryFiles.createFile(workDir, ".flashdeconv-input-", ".fdstore.tmp");
        boolean ok = false;
        try {
            List<String> notes = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            String problem = null;
            boolean annData = false;
            double[] pixels = null;
            Sections sections = null;
            try (CountSource raw = options.open(path);
                 CountSource src = coords == null ? raw : CoordinatesCsv.attach(raw, coords)) {
                if (raw instanceof H5adSource h) {
                    annData = true;
                    notes.add("counts from " + h.matrixPath());
                    if (h.countsNote() != null) {
                        warnings.add(path + ": " + h.countsNote());
                    }
                    notes.add("genes: " + h.geneSource());
                    sections = Sections.read(h, libraryKey);
                    if (sections != null) {
                        notes.add(sections.describe());
                    }
                    problem = h.countsProblem() == null ? null : path + ": " + h.countsProblem()
                            + "; FlashDeconv expects raw counts (give --layer NAME if they are elsewhere)";
                } else if (libraryKey != null) {
                    throw new IllegalArgumentException("--library-key: " + path + " is not an AnnData file (only "
                            + "AnnData inputs have obs columns)");
                } else if (options.geneColumn != null) {
                    throw new IllegalArgumentException("--spatial-gene-column: " + path + " is not an AnnData file "
                            + "(only AnnData inputs have var columns)");
                }
                if (coords == null && src.imagePixels().isPresent()) { // --coords replaces the µm the pixels pair with
                    pixels = new double[Math.toIntExact(2 * src.spots())];
                    src.imagePixels().get().read(0, Math.toIntExact(src.spots()), pixels);
                    notes.add("image pixels from Space Ranger's tissue positions (coordinates.csv: x_um,y_um,x_px,y_px)");
                }
                warnings.addAll(src.warnings());
                StoreConverter.convertTemporary(src, temp, progress);
            }
            // the conversion's garbage (decoded chunks, about 40 bytes an entry) grew the heap; a full collection
            // hands it back (G1 shrinks after one) before the engine allocates its off-heap arrays, so the run's
            // peak is the larger of the two stages, not their sum
            System.gc();
            CountStore store = CountStore.open(temp, false);
            if (problem == null && store.nonIntegerValues()) {
                problem = NonIntegerWarning.of(path);
            }
            ok = true;
            SpatialStore s = new SpatialStore(store, temp, notes, warnings, problem, pixels);
            s.annData = annData ? path : null;
            s.sections = sections;
            return s;
        } finally {
            if (!ok) {
                Files.deleteIfExists(temp);
                TemporaryFiles.unregister(temp);
            }
        }
    }

    /**
     * True for a store: a file that starts with the store's magic bytes whatever its name, or one named
     * {@code .fdstore} (so a damaged store reports its damage instead of "not a recognised input").
     */
    static boolean isStore(Path path) throws IOException {
        return CountStore.isStore(path) || path.getFileName() != null
                && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".fdstore");
    }

    /**
     * Each spot's full-resolution image pixel ({@code 2 n}, x = column, y = row) when the input carried it beside
     * the coordinates used for the graph (a Visium HD folder read directly), else null.
     */
    double[] imagePixels() {
        return imagePixels;
    }

    /**
     * Checks the store's names: barcodes and genes must be non-empty and visible (every result table carries
     * them; repeated barcodes are the converter's error).
     *
     * @throws org.flashdeconv.io.InputFormatException naming {@code input} and the first bad name, escaped
     */
    void checkNames(Path input) throws IOException {
        String problem = TextNames.firstProblem("gene", store.geneNames(), false);
        if (problem == null) {
            java.util.List<String> barcodes = new ArrayList<>((int) Math.min(store.spots(), Integer.MAX_VALUE));
            store.forEachBarcode(barcodes::add);
            problem = TextNames.firstProblem("barcode", barcodes, false);
        }
        if (problem != null) {
            throw new org.flashdeconv.io.InputFormatException(input, problem);
        }
    }

    /** The open store. */
    CountStore store() {
        return store;
    }

    /** What was read from where (an AnnData file's count matrix and gene names), one line each. */
    List<String> notes() {
        return notes;
    }

    /** The tissue sections of the spots (an AnnData input's library column), or null when there is no such column. */
    Sections sections() {
        return sections;
    }

    /** The spatial input when it is an AnnData file (its spots are the store's, in order), else null. */
    Path annData() {
        return annData;
    }

    /** Warnings about the input (counts taken from a layer or raw/X because X is normalised), one line each. */
    List<String> warnings() {
        return warnings;
    }

    /** Why the counts do not look like raw counts (naming where they were looked for), or null. */
    String countsProblem() {
        return countsProblem;
    }

    @Override
    public void close() throws IOException {
        store.close();
        if (temporary != null) {
            Files.deleteIfExists(temporary);
            TemporaryFiles.unregister(temporary);
        }
    }
}
