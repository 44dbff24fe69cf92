package org.flashdeconv.engine.represent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.flashdeconv.engine.GeneWeighting;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneSelection;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.genes.RandomCounts;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class RepresentationPassTest {

    @Test
    void matchesTheNaiveDenseRepresentationForEveryMethod() {
        Random rnd = new Random(81);
        int[][] shapes = {{1, 4, 1}, {3, 9, 2}, {40, 30, 3}, {150, 80, 5}};
        for (int[] shape : shapes) {
            double[][] y = RandomCounts.dense(rnd, shape[0], shape[1], 0.3, 50);
            double[][] x = signatures(rnd, shape[2], shape[1]);
            for (Preprocess pp : Preprocess.values()) {
                for (GeneWeighting gw : GeneWeighting.values()) {
                    for (int d : new int[] {1, 3, 64}) {
                        check(y, x, pp, gw, d, 5, 2, 4);
                    }
                }
            }
        }
    }

    @Test
    void spotsWithoutCountsOnTheSelectedGenesGiveZeroRows() {
        double[][] y = {
            {0, 0, 0, 0, 0},
            {0, 0, 0, 0, 7},
            {3, 1, 0, 2, 0},
        };
        double[][] x = {{10, 0, 3, 1, 0}, {0, 9, 1, 2, 0}};
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            CsrView csr = TestMatrices.csr(y, arena);
            GeneStats stats = GeneStats.compute(csr, ex, Progress.NONE);
            assertEquals(1, stats.zeroCountSpots());
            GeneSelection sel = GeneSelection.select(stats, x, 0, 2); // markers 0..3; gene 4 not selected
            assertArrayEquals(new int[] {0, 1, 2, 3}, sel.selected());
            Representation rep = RepresentationPass.prepare(x, sel, stats, Preprocess.LOG_CPM,
                    GeneWeighting.EXPECTED, 512, 0);
            MemorySegment h = arena.allocate(Layouts.F64, 6);
            h.fill((byte) 0x7F); // every element must be overwritten
            double norm = RepresentationPass.project(csr, sel, stats, Preprocess.LOG_CPM, rep, h, ex, Progress.NONE);
            for (int e = 0; e < 4; e++) {
                assertEquals(0.0, h.getAtIndex(Layouts.F64, e), 0);
            }
            assertTrue(h.getAtIndex(Layouts.F64, 4) > 0 && h.getAtIndex(Layouts.F64, 5) > 0);
            NaiveRepresentation naive = new NaiveRepresentation(y, sel.selected(), stats, Preprocess.LOG_CPM, rep);
            assertEquals(naive.squaredNorm(), norm, 1e-13 * norm);
        }
    }

    @Test
    void flagsSpotsWithoutCountsOnTheKeptGenesSelectedOrNot() {
        double[][] y = {
            {0, 0, 0, 0, 0},
            {0, 0, 0, 0, 7},   // counts only on gene 4: kept but not selected, or left out by the map
            {3, 1, 0, 2, 0},
            {0, 0, 0, 0, 0},
        };
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(2)) {
            CsrView all = TestMatrices.csr(y, arena);
            assertArrayEquals(new byte[] {1, 0, 0, 1}, flags(all, new double[][] {{10, 0, 3, 1, 0}, {0, 9, 1, 2, 0}},
                    arena, ex));
            CsrView kept = all.withColumnMap(new int[] {0, 1, 2, 3, -1}, 4);
            assertArrayEquals(new byte[] {1, 1, 0, 1}, flags(kept, new double[][] {{10, 0, 3, 1}, {0, 9, 1, 2}},
                    arena, ex));
            // an explicitly stored zero is not a count
            CsrView zero = TestMatrices.csr(new double[][] {{1, 0}, {0, 2}}, arena);
            MemorySegment v = arena.allocate(Layouts.F64, 2);
            v.setAtIndex(Layouts.F64, 1, 0.0);
            v.setAtIndex(Layouts.F64, 0, 1.0);
            CsrView stored = new CsrView(2, 2, zero.rowPtr(), zero.colIdx(), v, zero.valueType());
            assertArrayEquals(new byte[] {0, 1}, flags(stored, new double[][] {{1, 1}, {2, 0}}, arena, ex));
        }
    }

    private static byte[] flags(CsrView y, double[][] x, Arena arena, BlockExecutor ex) {
        GeneStats stats = GeneStats.compute(y, ex, Progress.NONE);
        GeneSelection sel = GeneSelection.select(stats, x, 0, 2);
        Representation rep = RepresentationPass.prepare(x, sel, stats, Preprocess.LOG_CPM, GeneWeighting.EXPECTED,
                512, 0);
        MemorySegment h = arena.allocate(Layouts.F64, y.rows() * x.length);
        MemorySegment out = arena.allocate(y.rows());
        RepresentationPass.project(y, sel, stats, Preprocess.LOG_CPM, rep, h, out, ex, Progress.NONE);
        return out.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    @Test
    void sameBitsForOneTwoAndThreeThreadsAndForF32Input() {
        Random rnd = new Random(82);
        double[][] y = RandomCounts.dense(rnd, 900, 50, 0.2, 30);
        double[][] x = signatures(rnd, 4, 50);
        for (GeneWeighting gw : GeneWeighting.values()) {
            double[] reference = null;
            for (int threads = 1; threads <= 3; threads++) {
                for (boolean f32 : new boolean[] {false, true}) {
                    try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(threads)) {
                        CsrView csr = f32 ? RandomCounts.csrF32(y, arena) : TestMatrices.csr(y, arena);
                        GeneStats stats = GeneStats.compute(csr, ex, Progress.NONE);
                        GeneSelection sel = GeneSelection.select(stats, x, 10, 3);
                        Representation rep = RepresentationPass.prepare(x, sel, stats, Preprocess.LOG_CPM, gw, 16, 3);
                        MemorySegment h = arena.allocate(Layouts.F64, 900L * 4);
                        double norm = RepresentationPass.project(csr, sel, stats, Preprocess.LOG_CPM, rep, h, ex,
                                Progress.NONE, 13);
                        double[] bits = new double[900 * 4 + 1];
                        MemorySegment.copy(h, Layouts.F64, 0, bits, 0, 900 * 4);
                        bits[900 * 4] = norm;
                        if (reference == null) {
                            reference = bits;
                        } else {
                            assertArrayEquals(reference, bits, gw + " threads " + threads + " f32 " + f32);
                        }
                    }
                }
            }
        }
    }

    @Test
    void preparedReferenceMatchesTheNaiveTransformation() {
        Random rnd = new Random(83);
        double[][] y = RandomCounts.dense(rnd, 30, 25, 0.4, 20);
        double[][] x = signatures(rnd, 3, 25);
        GeneStats stats = stats(y);
        GeneSelection sel = GeneSelection.select(stats, x, 6, 2);
        int[] s = sel.selected();
        for (Preprocess pp : Preprocess.values()) {
            double[][] xt = naiveReference(x, s, pp);
            Representation.Weighted e = assertInstanceOf(Representation.Weighted.class,
                    RepresentationPass.prepare(x, sel, stats, pp, GeneWeighting.EXPECTED, 8, 0));
            assertEquals(s.length, e.dim());
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < s.length; j++) {
                    assertEquals(xt[k][j] * e.weights()[j], e.xr()[k][j], 0);
                }
            }
            Representation.Sketched c = assertInstanceOf(Representation.Sketched.class,
                    RepresentationPass.prepare(x, sel, stats, pp, GeneWeighting.COUNTSKETCH, 8, 0));
            assertEquals(8, c.dim());
            for (int k = 0; k < 3; k++) {
                for (int b = 0; b < 8; b++) {
                    double sum = 0;
                    for (int j = 0; j < s.length; j++) {
                        sum += c.sketch().bucket()[j] == b ? xt[k][j] * c.sketch().value()[j] : 0;
                    }
                    assertEquals(sum, c.xr()[k][b], 1e-14 * Math.abs(sum));
                }
                for (int l = 0; l < 3; l++) {
                    double dot = 0;
                    for (int b = 0; b < 8; b++) {
                        dot += c.xr()[k][b] * c.xr()[l][b];
                    }
                    assertEquals(dot, c.gram()[k][l], 0);
                }
            }
        }
    }

    @Test
    void rejectsMismatchedInputs() {
        Random rnd = new Random(84);
        double[][] y = RandomCounts.dense(rnd, 20, 12, 0.5, 9);
        double[][] x = signatures(rnd, 2, 12);
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            CsrView csr = TestMatrices.csr(y, arena);
            GeneStats stats = GeneStats.compute(csr, ex, Progress.NONE);
            GeneSelection sel = GeneSelection.select(stats, x, 4, 2);
            Representation rep = RepresentationPass.prepare(x, sel, stats, Preprocess.RAW, GeneWeighting.EXPECTED,
                    4, 0);
            MemorySegment small = arena.allocate(Layouts.F64, 39);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RepresentationPass.project(csr, sel, stats, Preprocess.RAW, rep, small, ex, Progress.NONE));
            assertTrue(e.getMessage().contains("320 bytes"), e.getMessage());
            CsrView other = TestMatrices.csr(new double[21][12], arena);
            assertThrows(IllegalArgumentException.class, () -> RepresentationPass.project(other, sel, stats,
                    Preprocess.RAW, rep, arena.allocate(Layouts.F64, 42), ex, Progress.NONE));
            assertThrows(IllegalArgumentException.class, () -> RepresentationPass.prepare(
                    new double[][] {new double[11]}, sel, stats, Preprocess.RAW, GeneWeighting.EXPECTED, 4, 0));
            assertThrows(IllegalArgumentException.class, () -> RepresentationPass.prepare(x, sel, stats,
                    Preprocess.RAW, GeneWeighting.COUNTSKETCH, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> RepresentationPass.prepare(x, sel, stats,
                    Preprocess.RAW, GeneWeighting.COUNTSKETCH, 4, -3));
        }
    }

    /** Runs the pass with {@code threads} workers and blocks of {@code blockSpots}, and compares with the oracle. */
    private static void check(double[][] y, double[][] x, Preprocess pp, GeneWeighting gw, int d, int nHvg,
                              int threads, int blockSpots) {
        int types = x.length;
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(threads)) {
            CsrView csr = TestMatrices.csr(y, arena);
            GeneStats stats = GeneStats.compute(csr, ex, Progress.NONE);
            GeneSelection sel = GeneSelection.select(stats, x, nHvg, 2);
            Representation rep = RepresentationPass.prepare(x, sel, stats, pp, gw, d, 7);
            MemorySegment h = arena.allocate(Layouts.F64, (long) y.length * types);
            double norm = RepresentationPass.project(csr, sel, stats, pp, rep, h, ex, Progress.NONE, blockSpots);
            NaiveRepresentation naive = new NaiveRepresentation(y, sel.selected(), stats, pp, rep);
            String what = pp + " " + gw + " d " + d + " " + y.length + " x " + y[0].length;
            assertEquals(naive.squaredNorm(), norm, 1e-12 * norm, what);
            double[][] hn = naive.h();
            for (int i = 0; i < y.length; i++) {
                for (int k = 0; k < types; k++) {
                    assertEquals(hn[i][k], h.getAtIndex(Layouts.F64, (long) i * types + k),
                            1e-12 * Math.max(1, Math.abs(hn[i][k])), what + " spot " + i + " type " + k);
                }
            }
        }
    }

    static double[][] naiveReference(double[][] x, int[] s, Preprocess pp) {
        int types = x.length;
        double[][] xt = new double[types][s.length];
        for (int k = 0; k < types; k++) {
            double rowSum = 0;
            for (int g : s) {
                rowSum += x[k][g];
            }
            for (int j = 0; j < s.length; j++) {
                double v = x[k][s[j]];
                double colMean = 0;
                for (double[] row : x) {
                    colMean += row[s[j]];
                }
                colMean = colMean / types + 1e-6;
                xt[k][j] = switch (pp) {
                    case LOG_CPM -> Math.log1p(v / (rowSum + 1e-10) * 10000);
                    case PEARSON -> v / Math.sqrt(colMean + colMean * colMean / 100);
                    case RAW -> v;
                };
            }
        }
        return xt;
    }

    private static GeneStats stats(double[][] y) {
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            return GeneStats.compute(TestMatrices.csr(y, arena), ex, Progress.NONE);
        }
    }

    private static double[][] signatures(Random rnd, int types, int genes) {
        double[][] x = new double[types][genes];
        for (double[] row : x) {
            for (int g = 0; g < genes; g++) {
                row[g] = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 40;
            }
        }
        return x;
    }
}
