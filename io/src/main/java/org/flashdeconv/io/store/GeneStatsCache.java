package org.flashdeconv.io.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Optional;
import org.flashdeconv.engine.FitInput;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.ColumnMap;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * The per-gene statistics of the first pass over the counts ({@link GeneStats}), kept in the store as an extra
 * section written with the store ({@link #encode}), so that a run on that store and the same gene selection skips
 * that pass. A store is immutable once written: nothing here (or anywhere) writes into an existing store, and a
 * store without the section, or with one for another selection, simply runs the pass.
 *
 * <p>The statistics depend on the column selection, not only on the counts: the library size of a spot is summed
 * over the genes the column map keeps (the genes shared with the reference). The cache is therefore keyed by the
 * complete column map (stored in full and compared exactly, so no hash can collide), the model gene count, the
 * spot count and {@link GeneStats#ALGORITHM_VERSION}; any difference is a miss. A store holds at most one
 * selection.
 *
 * <p>Section layout (little-endian): i32 magic "FDGS", i32 layout version, i32 algorithm version, i32 stored
 * genes S, i32 model genes G, i32 map flag (0 = identity, 1 = map follows), i64 spots, i64 spots without counts,
 * then i32[S] column map (when flagged, padded to 8 bytes), then f64[G] Σ log, f64[G] Σ log², f64[G] Σ raw.
 *
 * <p>Integrity: the section's CRC32C (in the store's section table) is checked on every read; a damaged cache
 * is ignored (the caller computes the statistics), never an error.
 */
@SuppressWarnings("exports") // GeneStats is exported to this module only: the statistics stay between store and engine
public final class GeneStatsCache {

    /** The extra section kind holding the cache. */
    public static final SectionKind KIND = SectionKind.extra(SectionKind.FIRST_EXTRA + 1);

    private static final int MAGIC = 0x53474446; // "FDGS" little-endian
    private static final int LAYOUT = 1;
    private static final long HEAD = 40;

    private GeneStatsCache() {
    }

    /**
     * The cached statistics of {@code counts} (a view of {@code store}'s counts with its column map), if the store
     * holds a cache for exactly this selection and the cache's checksum is intact.
     *
     * @return the statistics, or empty on a miss or a damaged cache
     */
    public static Optional<GeneStats> read(CountStore store, CsrView counts) {
        Optional<MemorySegment> found = store.checkedSection(KIND);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MemorySegment s = found.get();
        ColumnMap map = identity(counts.columnMap(), store.genes()) ? null : counts.columnMap();
        int storedGenes = Math.toIntExact(store.genes());
        int modelGenes = Math.toIntExact(counts.cols());
        long mapBytes = map == null ? 0 : pad8((long) storedGenes * Integer.BYTES);
        long need = HEAD + mapBytes + 3L * modelGenes * Double.BYTES;
        if (s.byteSize() != need || s.getAtIndex(Layouts.I32, 0) != MAGIC || s.getAtIndex(Layouts.I32, 1) != LAYOUT
                || s.getAtIndex(Layouts.I32, 2) != GeneStats.ALGORITHM_VERSION
                || s.getAtIndex(Layouts.I32, 3) != storedGenes || s.getAtIndex(Layouts.I32, 4) != modelGenes
                || s.getAtIndex(Layouts.I32, 5) != (map == null ? 0 : 1)
                || s.get(Layouts.I64, 24) != counts.rows()) {
            return Optional.empty();
        }
        if (map != null) {
            int[] cached = s.asSlice(HEAD, (long) storedGenes * Integer.BYTES).toArray(Layouts.I32);
            if (map.storedColumns() != storedGenes || !Arrays.equals(cached, map.toArray())) {
                return Optional.empty();
            }
        }
        long zero = s.get(Layouts.I64, 32);
        if (zero < 0 || zero > counts.rows()) {
            return Optional.empty();
        }
        long at = HEAD + mapBytes;
        long len = (long) modelGenes * Double.BYTES;
        double[] sumLog = s.asSlice(at, len).toArray(Layouts.F64);
        double[] sumLogSq = s.asSlice(at + len, len).toArray(Layouts.F64);
        double[] sumRaw = s.asSlice(at + 2 * len, len).toArray(Layouts.F64);
        return Optional.of(new GeneStats(counts.rows(), modelGenes, sumLog, sumLogSq, sumRaw, zero));
    }

    /**
     * {@code input} with the per-gene statistics of its counts when {@code store} holds them for exactly that
     * selection ({@link #read}), else {@code input} unchanged (the engine then computes them).
     *
     * @param input a fit input whose counts are a view of {@code store}'s counts
     */
    public static FitInput withStoredStats(CountStore store, FitInput input) {
        return read(store, input.counts()).map(input::withKnownStats).orElse(input);
    }

    /**
     * The section that holds {@code stats} (computed from {@code counts}, a view with {@code storedGenes} stored
     * genes), for a store being written: give it to {@link StoreWriter#addSection} with {@link #KIND}. A store is
     * never changed once written, so the statistics go in when the store is made, or not at all.
     *
     * @param arena where the section's bytes are allocated
     * @throws IllegalArgumentException if the statistics do not have the shape of {@code counts}
     */
    public static MemorySegment encode(long storedGenes, CsrView counts, GeneStats stats, Arena arena) {
        if (stats.spots() != counts.rows() || stats.genes() != counts.cols()) {
            throw new IllegalArgumentException("gene statistics cache: statistics of " + stats.spots() + " x "
                    + stats.genes() + " counts do not describe the " + counts.rows() + " x " + counts.cols()
                    + " counts");
        }
        return encode(storedGenes, counts.columnMap(), stats, arena);
    }

    private static MemorySegment encode(long storedGenes, ColumnMap map, GeneStats stats, Arena arena) {
        int stored = Math.toIntExact(storedGenes);
        int genes = stats.genes();
        long mapBytes = map == null ? 0 : pad8((long) stored * Integer.BYTES);
        long len = (long) genes * Double.BYTES;
        MemorySegment s = arena.allocate(HEAD + mapBytes + 3 * len, Long.BYTES);
        s.setAtIndex(Layouts.I32, 0, MAGIC);
        s.setAtIndex(Layouts.I32, 1, LAYOUT);
        s.setAtIndex(Layouts.I32, 2, GeneStats.ALGORITHM_VERSION);
        s.setAtIndex(Layouts.I32, 3, stored);
        s.setAtIndex(Layouts.I32, 4, genes);
        s.setAtIndex(Layouts.I32, 5, map == null ? 0 : 1);
        s.set(Layouts.I64, 24, stats.spots());
        s.set(Layouts.I64, 32, stats.zeroCountSpots());
        if (map != null) {
            MemorySegment.copy(map.toArray(), 0, s, Layouts.I32, HEAD, stored);
        }
        long at = HEAD + mapBytes;
        MemorySegment.copy(stats.sumLog(), 0, s, Layouts.F64, at, genes);
        MemorySegment.copy(stats.sumLogSq(), 0, s, Layouts.F64, at + len, genes);
        MemorySegment.copy(stats.sumRaw(), 0, s, Layouts.F64, at + 2 * len, genes);
        return s;
    }

    /** True if {@code map} keeps every one of {@code storedGenes} columns in place (or is null). */
    private static boolean identity(ColumnMap map, long storedGenes) {
        if (map == null) {
            return true;
        }
        if (map.storedColumns() != storedGenes) {
            return false;
        }
        for (int c = 0; c < storedGenes; c++) {
            if (map.get(c) != c) {
                return false;
            }
        }
        return true;
    }

    /**
     * The section that holds {@code stats} computed over every stored gene (no column map), for a store being
     * written ({@link StoreConverter} does this for sources read in blocks). A view of all the store's genes in
     * their order, with or without an explicit column map, reads it back.
     *
     * @param arena where the section's bytes are allocated
     */
    public static MemorySegment encodeAllGenes(GeneStats stats, Arena arena) {
        return encode(stats.genes(), (ColumnMap) null, stats, arena);
    }

    private static long pad8(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
