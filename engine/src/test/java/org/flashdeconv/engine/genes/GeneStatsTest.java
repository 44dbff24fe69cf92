package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.GeneStatsAssertions;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GeneStatsTest {

    @Test
    void matchesTheNaiveDenseSumsOverEdgeSizes() {
        Random rnd = new Random(1);
        int[][] shapes = {{1, 1}, {1, 9}, {2, 1}, {3, 7}, {17, 64}, {130, 65}, {300, 5}};
        for (int[] shape : shapes) {
            double[][] y = RandomCounts.dense(rnd, shape[0], shape[1], 0.3, 40);
            Naive expected = new Naive(y);
            try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(2)) {
                // one block: the same additions in the same order as the naive loop
                GeneStats one = GeneStats.compute(TestMatrices.csr(y, arena), ex, Progress.NONE);
                assertArrayEquals(expected.sumLog, one.sumLog());
                assertArrayEquals(expected.sumLogSq, one.sumLogSq());
                assertArrayEquals(expected.sumRaw, one.sumRaw());
                assertEquals(expected.zeroSpots, one.zeroCountSpots());
                assertEquals(shape[0], one.spots());
                assertEquals(shape[1], one.genes());
                // many blocks: same sums up to rounding
                GeneStats many = GeneStats.compute(TestMatrices.csr(y, arena), ex, Progress.NONE, 4);
                assertClose(expected.sumLog, many.sumLog());
                assertClose(expected.sumLogSq, many.sumLogSq());
                assertClose(expected.sumRaw, many.sumRaw());
                assertEquals(expected.zeroSpots, many.zeroCountSpots());
            }
        }
    }

    @Test
    void f32AndF64ValuesGiveTheSameBits() {
        double[][] y = RandomCounts.dense(new Random(2), 200, 31, 0.2, 1000);
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            GeneStats a = GeneStats.compute(TestMatrices.csr(y, arena), ex, Progress.NONE, 16);
            GeneStats b = GeneStats.compute(RandomCounts.csrF32(y, arena), ex, Progress.NONE, 16);
            assertArrayEquals(a.sumLog(), b.sumLog());
            assertArrayEquals(a.sumLogSq(), b.sumLogSq());
            assertArrayEquals(a.sumRaw(), b.sumRaw());
        }
    }

    @Test
    void aColumnMapSelectsAndReordersGenes() {
        Random rnd = new Random(6);
        double[][] stored = RandomCounts.dense(rnd, 60, 10, 0.4, 25);
        int[] map = {3, -1, 0, 5, -1, 1, 4, 2, -1, 6}; // stored column -> model gene, -1 left out
        double[][] model = new double[60][7];
        for (int i = 0; i < 60; i++) {
            for (int c = 0; c < 10; c++) {
                if (map[c] >= 0) {
                    model[i][map[c]] = stored[i][c];
                }
            }
        }
        stored[17][4] = Double.NaN; // in a left-out column: never read
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(2)) {
            GeneStats mapped = GeneStats.compute(TestMatrices.csr(stored, arena).withColumnMap(map, 7), ex,
                    Progress.NONE, 8);
            GeneStats direct = GeneStats.compute(TestMatrices.csr(model, arena), ex, Progress.NONE, 8);
            assertEquals(7, mapped.genes());
            GeneStatsAssertions.assertSameStats(direct, mapped, 1e-12);
        }
    }

    @Test
    void sameBitsForOneTwoAndThreeThreads() {
        double[][] y = RandomCounts.dense(new Random(3), 2000, 23, 0.25, 60);
        GeneStats reference = null;
        for (int threads = 1; threads <= 3; threads++) {
            try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(threads)) {
                GeneStats s = GeneStats.compute(TestMatrices.csr(y, arena), ex, Progress.NONE, 7);
                if (reference == null) {
                    reference = s;
                } else {
                    assertArrayEquals(reference.sumLog(), s.sumLog(), "threads " + threads);
                    assertArrayEquals(reference.sumLogSq(), s.sumLogSq(), "threads " + threads);
                    assertArrayEquals(reference.sumRaw(), s.sumRaw(), "threads " + threads);
                    assertEquals(reference.zeroCountSpots(), s.zeroCountSpots());
                }
            }
        }
    }

    @Test
    void reportsProgressPerBlock() {
        double[][] y = RandomCounts.dense(new Random(4), 100, 5, 0.5, 3);
        AtomicLong advanced = new AtomicLong();
        AtomicLong ends = new AtomicLong();
        String[] stage = new String[1];
        long[] total = new long[1];
        Progress p = new Progress() {
            @Override
            public void start(String s, long t) {
                stage[0] = s;
                total[0] = t;
            }

            @Override
            public void advance(long units) {
                advanced.addAndGet(units);
            }

            @Override
            public void end() {
                ends.incrementAndGet();
            }
        };
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(2)) {
            GeneStats.compute(TestMatrices.csr(y, arena), ex, p, 30);
        }
        assertEquals("gene statistics", stage[0]);
        assertEquals(100, total[0]);
        assertEquals(100, advanced.get());
        assertEquals(1, ends.get());
    }

    @Test
    @Timeout(30) // guards against a deadlock of the ordered merge after a failure
    void rejectsNanInfinityAndNegativeCountsNamingSpotAndGene() {
        double[][] base = RandomCounts.dense(new Random(5), 900, 12, 0.3, 9);
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1};
        for (double v : bad) {
            double[][] y = new double[base.length][];
            for (int i = 0; i < y.length; i++) {
                y[i] = base[i].clone();
            }
            y[777][10] = v;
            for (int threads = 1; threads <= 3; threads++) {
                try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(threads)) {
                    CsrView csr = TestMatrices.csr(y, arena);
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> GeneStats.compute(csr, ex, Progress.NONE, 5));
                    assertTrue(e.getMessage().contains("spot 777 gene 10"), e.getMessage());
                }
            }
        }
    }

    @Test
    void rejectsArraysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class,
                () -> new GeneStats(1, 2, new double[2], new double[1], new double[2], 0));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneStats(1, 1, new double[1], new double[1], new double[1], 2));
    }

    private static void assertClose(double[] expected, double[] actual) {
        for (int g = 0; g < expected.length; g++) {
            assertEquals(expected[g], actual[g], 1e-12 * Math.abs(expected[g]), "gene " + g);
        }
    }

    /** The sums written the plain way over a dense matrix, spot by spot. */
    private static final class Naive {
        final double[] sumLog;
        final double[] sumLogSq;
        final double[] sumRaw;
        long zeroSpots;

        Naive(double[][] y) {
            int genes = y[0].length;
            sumLog = new double[genes];
            sumLogSq = new double[genes];
            sumRaw = new double[genes];
            for (double[] row : y) {
                double library = 0;
                for (double v : row) {
                    library += v;
                }
                zeroSpots += library == 0 ? 1 : 0;
                double ell = Math.max(library, 1);
                for (int g = 0; g < genes; g++) {
                    if (row[g] != 0) {
                        double z = Math.log1p(row[g] * (10000 / ell));
                        sumLog[g] += z;
                        sumLogSq[g] += z * z;
                        sumRaw[g] += row[g];
                    }
                }
            }
        }
    }
}
