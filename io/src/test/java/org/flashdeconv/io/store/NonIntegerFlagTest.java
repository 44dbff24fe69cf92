package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.engine.matrix.Layouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer records in the header whether every value is an integer; an extra section (here from a heap segment
 * over a {@code long[]}) keeps the flag.
 */
class NonIntegerFlagTest {
    @TempDir
    Path dir;

    private StoreSummary write(Path target, double value) throws IOException {
        return write(target, value, false);
    }

    private StoreSummary write(Path target, double value, boolean extra) throws IOException {
        try (StoreWriter w = StoreWriter.create(target, List.of("A", "B"), List.of(), 0)) {
            w.addRow("s1", new int[] {0, 1}, new double[] {3, value}, 2, null);
            w.addRow("s2", new int[] {1}, new double[] {1e6}, 1, null);
            if (extra) {
                w.addSection(SectionKind.extra(256), 1, MemorySegment.ofArray(new long[] {42}));
            }
            return w.finish();
        }
    }

    @Test
    void integersLeaveTheFlagClear() throws IOException {
        Path p = dir.resolve("int.fdstore");
        assertFalse(write(p, 7).nonIntegerValues());
        try (CountStore s = CountStore.open(p)) {
            assertFalse(s.nonIntegerValues());
            assertEquals(0, s.header().flags());
        }
    }

    @Test
    void aFractionSetsTheFlagAndAnExtraSectionKeepsIt() throws IOException {
        Path p = dir.resolve("frac.fdstore");
        assertTrue(write(p, 0.25, true).nonIntegerValues());
        try (CountStore s = CountStore.open(p)) {
            assertTrue(s.nonIntegerValues());
            assertEquals(StoreHeader.FLAG_NON_INTEGER, s.header().flags());
            assertEquals(42, s.section(SectionKind.extra(256)).orElseThrow().get(Layouts.I64, 0),
                    "a heap segment over a long[] is written as it is");
        }
    }
}
