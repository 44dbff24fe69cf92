package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.engine.matrix.ValueType;
import org.flashdeconv.io.testing.SparseFixture;
import org.flashdeconv.io.testing.StoreAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StoreWriter#reserveEntries}: values written straight into their section give the same file, byte for
 * byte, as values written through the spill file, whether the reservation is exact, too large (the values move
 * down), too small or meets a value that needs f64 (both fall back to the spill file part-way).
 */
class ReservedValuesTest {
    @TempDir
    Path dir;

    private Path write(SparseFixture f, String name, long reserve) throws IOException {
        Path p = dir.resolve(name);
        try (StoreWriter w = StoreWriter.create(p, f.geneNames, f.geneIds, 2)) {
            if (reserve >= 0) {
                w.reserveEntries(reserve);
            }
            StoreWriterTest.addRows(f, w, true);
            w.finish();
        }
        return p;
    }

    @ParameterizedTest(name = "integers {0}, reserve nnz {1}")
    @CsvSource({"true, 0", "true, 1", "true, -1", "true, 1000", "true, -10000", "false, 0", "false, 5"})
    void anyReservationWritesTheSameBytesAsNone(boolean integers, long delta) throws IOException {
        SparseFixture f = new SparseFixture(300, 120, 0.3, integers, 7);
        Path plain = write(f, "plain.fdstore", -1);
        Path reserved = write(f, "reserved.fdstore", Math.max(0, f.nnz() + delta));
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(reserved));
        try (CountStore store = CountStore.open(reserved)) {
            store.verify();
            assertEquals(integers ? ValueType.F32 : ValueType.F64, store.valueType());
            StoreAssertions.assertSameAs(f, store, true);
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void reservingAfterTheFirstRowIsRefused() throws IOException {
        SparseFixture f = new SparseFixture(3, 4, 0.5, true, 1);
        try (StoreWriter w = StoreWriter.create(dir.resolve("r.fdstore"), f.geneNames, f.geneIds, 0)) {
            w.addRow(new int[0], new double[0], 0);
            assertThrows(IllegalStateException.class, () -> w.reserveEntries(5));
        }
    }
}
