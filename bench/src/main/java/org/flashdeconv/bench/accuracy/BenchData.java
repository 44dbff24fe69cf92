package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreConverter;

/**
 * One data set of the accuracy benchmark: the spots' counts in a temporary store (genes aligned with the
 * signatures), their coordinates, the reference (K signatures over the same genes, single cells when available)
 * and the truth. Owns the store: {@link #close()} unmaps and deletes it.
 */
public final class BenchData implements AutoCloseable {
    private final String name;
    private final CountStore store;
    private final Path storeFile;
    private final List<String> referenceTypes;
    private final double[][] signatures;
    private final SingleCells cells;
    private final Truth truth;

    private BenchData(String name, CountStore store, Path storeFile, List<String> referenceTypes,
                      double[][] signatures, SingleCells cells, Truth truth) {
        this.name = name;
        this.store = store;
        this.storeFile = storeFile;
        this.referenceTypes = List.copyOf(referenceTypes);
        this.signatures = signatures;
        this.cells = cells;
        this.truth = truth;
    }

    /**
     * Converts {@code spots} (genes already aligned with {@code signatures}, with coordinates) into a store in
     * {@code workDir} and wraps it.
     *
     * @param cells single-cell reference over the same genes, or null
     * @throws IOException              if the store cannot be written
     * @throws IllegalArgumentException if the shapes disagree or a reference type is not in the truth
     */
    public static BenchData convert(String name, CountSource spots, List<String> referenceTypes,
                                    double[][] signatures, SingleCells cells, Truth truth, Path workDir)
            throws IOException {
        if (signatures.length != referenceTypes.size() || signatures[0].length != spots.genes()
                || truth.spots() != spots.spots()) {
            throw new IllegalArgumentException(name + ": " + signatures.length + " x " + signatures[0].length
                    + " signatures for " + referenceTypes.size() + " types and " + spots.genes() + " genes; truth "
                    + truth.spots() + " spots for " + spots.spots());
        }
        for (String t : referenceTypes) {
            if (!truth.types().contains(t)) {
                throw new IllegalArgumentException(name + ": reference type '" + t + "' is not in the truth");
            }
        }
        Path file = Files.createTempFile(workDir, "bench-", ".fdstore");
        boolean done = false;
        try {
            StoreConverter.convert(spots, file, Progress.NONE);
            CountStore store = CountStore.open(file);
            done = true;
            return new BenchData(name, store, file, referenceTypes, signatures, cells, truth);
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The data set's name in the tables ("hd8/realistic", "merfish-8types"). */
    public String name() {
        return name;
    }

    /** Spots x genes counts (a view over the store; valid until close). */
    public CsrView counts() {
        return store.csr();
    }

    /** Spot coordinates (valid until close). */
    public CoordsView coords() {
        return store.coords().orElseThrow();
    }

    /** Number of spots. */
    public int spots() {
        return (int) store.spots();
    }

    /** Number of genes (shared by the counts and the signatures). */
    public int genes() {
        return store.genes();
    }

    /** The reference's type names (the columns of an {@link Estimate}). */
    public List<String> referenceTypes() {
        return referenceTypes;
    }

    /** K x G signatures as the reference gives them (scale: per-type mean counts, or per 10,000, or fractions). */
    public double[][] signatures() {
        return signatures;
    }

    /** The single-cell reference, when the data set has one. */
    public Optional<SingleCells> singleCells() {
        return Optional.ofNullable(cells);
    }

    /** The truth (for scoring only; methods must not read it). */
    public Truth truth() {
        return truth;
    }

    /** Unmaps and deletes the store. */
    @Override
    public void close() {
        store.close();
        try {
            Files.deleteIfExists(storeFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
