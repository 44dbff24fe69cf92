package org.flashdeconv.io.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixCsvTest {
    @TempDir
    Path dir;

    @Test
    void valuesReadBackExactlyWithEmptyFieldsForNaN() throws IOException {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            MemorySegment v = arena.allocate(Layouts.F64, 6);
            double[] in = {0.0, 0.1 + 0.2, 1e-300, Double.NaN, 1.0, 2.5e-7};
            MemorySegment.copy(in, 0, v, Layouts.F64, 0, 6);
            Path f = dir.resolve("p.csv");
            MatrixCsv.write(f, List.of("A", "B", "C"), 2, v, i -> "s" + i, i -> i == 1 ? "no_counts" : "ok", ex);
            List<String> lines = Files.readAllLines(f);
            assertEquals("barcode,A,B,C,qc", lines.get(0));
            assertEquals("s1,,1,2.5E-7,no_counts", lines.get(2));
            String[] t = lines.get(1).split(",");
            assertEquals("0", t[1]);
            assertEquals(0.1 + 0.2, Double.parseDouble(t[2]));
            assertEquals(1e-300, Double.parseDouble(t[3]));
        }
    }

    @Test
    void bytesDoNotDependOnTheThreadCount() throws IOException {
        long n = 70_001;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment v = arena.allocate(Layouts.F64, n * 2);
            SplittableRandom rnd = new SplittableRandom(7);
            for (long i = 0; i < n * 2; i++) {
                v.setAtIndex(Layouts.F64, i, rnd.nextDouble());
            }
            byte[][] files = new byte[3][];
            for (int t = 1; t <= 3; t++) {
                try (BlockExecutor ex = new BlockExecutor(t)) {
                    Path f = dir.resolve("t" + t + ".csv");
                    MatrixCsv.write(f, List.of("x", "y"), n, v, i -> "b" + i, null, ex);
                    files[t - 1] = Files.readAllBytes(f);
                }
            }
            assertArrayEquals(files[0], files[1]);
            assertArrayEquals(files[0], files[2]);
            assertEquals(n + 1, Files.readAllLines(dir.resolve("t1.csv")).size());
        }
    }

    @Test
    void rejectsTooFewValues() {
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            MemorySegment v = arena.allocate(Layouts.F64, 3);
            assertThrows(IllegalArgumentException.class,
                    () -> MatrixCsv.write(dir.resolve("x.csv"), List.of("a", "b"), 2, v, i -> "", null, ex));
        }
    }
}
