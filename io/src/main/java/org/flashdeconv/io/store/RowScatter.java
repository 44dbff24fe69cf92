package org.flashdeconv.io.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.atomic.NamedChannel;
import org.flashdeconv.io.atomic.Preallocation;
import org.flashdeconv.io.atomic.TemporaryFiles;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.StopReading;

/**
 * The two-pass path of {@link StoreConverter} for sources in any entry order. Pass 1 validates every entry and
 * counts the entries of each spot (row offsets on the heap: 8 bytes a spot, plus 8 for the fill cursors).
 * Pass 2 scatters each entry to its row's next free slot in a temporary file beside the target, mapped with
 * {@link FileChannel#map} into a confined arena: f64 values then i32 genes, 12 bytes an entry, off-heap. Then
 * every row is copied out, sorted by gene if needed (stable, so the first duplicate found is deterministic),
 * checked for duplicates and handed to the {@link StoreWriter}. The temporary file is deleted at the end.
 */
final class RowScatter {
    private final StoreConverter conv;
    private final CountSource source;
    private final StoreWriter writer;
    private final Progress progress;
    private final long spots;

    RowScatter(StoreConverter conv, StoreWriter writer, Progress progress) {
        this.conv = conv;
        this.source = conv.source();
        this.writer = writer;
        this.progress = progress;
        this.spots = conv.spots();
    }

    /** Runs both passes and writes every row. */
    void run(Path scratchDir) throws IOException {
        if (spots >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source.name() + ": " + spots + " spots exceed the converter's limit of "
                    + (Integer.MAX_VALUE - 1));
        }
        long[] rowStart = new long[(int) spots + 1];
        progress.start("convert: counting entries per spot", -1);
        long[] seen = {0};
        source.forEachEntry((spot, gene, value, location) -> {
            conv.check(spot, gene, value, location);
            rowStart[(int) spot + 1]++;
            if (++seen[0] % StoreConverter.PROGRESS_ENTRIES == 0) {
                progress.advance(StoreConverter.PROGRESS_ENTRIES);
            }
        });
        progress.end();
        int maxRow = 0;
        for (int s = 0; s < spots; s++) {
            maxRow = (int) Math.max(maxRow, rowStart[s + 1]);
            rowStart[s + 1] += rowStart[s];
        }
        long nnz = rowStart[(int) spots];
        writer.reserveEntries(nnz);
        Path scratch = TemporaryFiles.createFile(scratchDir, ".fdstore-scatter.", ".tmp");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cols = MemorySegment.NULL;
            MemorySegment vals = MemorySegment.NULL;
            if (nnz > 0) {
                long valBytes = Math.multiplyExact(nnz, 8L);
                long bytes = Math.addExact(valBytes, Math.multiplyExact(nnz, 4L));
                // a full disk under a mapping is SIGBUS, not an IOException: reserve the blocks first
                Preallocation.reserve(scratch, bytes);
                try (FileChannel ch = NamedChannel.open(scratch, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    MemorySegment all = ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
                    vals = all.asSlice(0, valBytes);
                    cols = all.asSlice(valBytes);
                }
            }
            try {
                if (nnz > 0) {
                    scatter(rowStart, cols, vals);
                }
                writeRows(rowStart, maxRow, cols, vals);
            } catch (InternalError e) {
                throw Preallocation.mappedWriteFailed(scratch, e);
            }
        } finally {
            Files.deleteIfExists(scratch);
            TemporaryFiles.unregister(scratch);
        }
    }

    private void scatter(long[] rowStart, MemorySegment cols, MemorySegment vals) throws IOException {
        long[] next = Arrays.copyOf(rowStart, (int) spots);
        progress.start("convert: placing entries", -1);
        long[] seen = {0};
        source.forEachEntry((spot, gene, value, location) -> {
            if (spot < 0 || spot >= spots || next[(int) spot] >= rowStart[(int) spot + 1]) {
                throw new IOException(source.describe(location) + ": the input changed between two reads");
            }
            long k = next[(int) spot]++;
            cols.setAtIndex(Layouts.I32, k, gene);
            vals.setAtIndex(Layouts.F64, k, value);
            if (++seen[0] % StoreConverter.PROGRESS_ENTRIES == 0) {
                progress.advance(StoreConverter.PROGRESS_ENTRIES);
            }
        });
        progress.end();
    }

    private void writeRows(long[] rowStart, int maxRow, MemorySegment cols, MemorySegment vals) throws IOException {
        int[] c = new int[maxRow];
        double[] v = new double[maxRow];
        long[] keys = new long[maxRow];
        int[] c2 = new int[maxRow];
        double[] v2 = new double[maxRow];
        progress.start("convert: writing rows", spots);
        for (int s = 0; s < spots; s++) {
            long start = rowStart[s];
            int n = (int) (rowStart[s + 1] - start);
            MemorySegment.copy(cols, Layouts.I32, start * 4, c, 0, n);
            MemorySegment.copy(vals, Layouts.F64, start * 8, v, 0, n);
            boolean sorted = true;
            for (int i = 1; i < n && sorted; i++) {
                sorted = c[i] > c[i - 1];
            }
            if (!sorted) {
                for (int i = 0; i < n; i++) {
                    keys[i] = (long) c[i] << 32 | i;
                }
                Arrays.sort(keys, 0, n);
                for (int i = 0; i < n; i++) {
                    c2[i] = c[(int) keys[i]];
                    v2[i] = v[(int) keys[i]];
                }
                for (int i = 0; i < n; i++) {
                    if (i > 0 && c2[i] == c2[i - 1]) {
                        throw locateDuplicate(s, c2[i]);
                    }
                    c[i] = c2[i];
                    v[i] = v2[i];
                }
            }
            writer.addRow(c, v, n);
            if ((s + 1) % 4096 == 0) {
                progress.advance(4096);
            }
        }
        progress.end();
    }

    /** Reads the input once more to find where the two entries of ({@code spot}, {@code gene}) are. */
    private InputException locateDuplicate(long spot, int gene) throws IOException {
        long[] found = {-1, -1};
        try {
            source.forEachEntry((s, g, value, location) -> {
                if (s == spot && g == gene) {
                    if (found[0] < 0) {
                        found[0] = location;
                    } else {
                        found[1] = location;
                        throw new StopReading("both found");
                    }
                }
            });
        } catch (StopReading e) {
            return conv.duplicate(spot, gene, found[0], found[1]);
        }
        throw new IOException(source.name() + ": duplicate entry for spot " + spot + ", gene " + gene
                + " seen once but not on a re-read: the input changed between two reads");
    }
}
