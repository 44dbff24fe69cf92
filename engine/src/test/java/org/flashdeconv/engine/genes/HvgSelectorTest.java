package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class HvgSelectorTest {

    @Test
    void matchesTheNaiveSelectionOnRandomCounts() {
        Random rnd = new Random(11);
        boolean sawFallback = false;
        boolean sawWindow = false;
        for (int spots : new int[] {2, 5, 60, 300}) {
            for (int genes : new int[] {3, 40, 200}) {
                double[][] y = randomCounts(rnd, spots, genes);
                GeneStats stats = stats(y);
                HvgSelector.Diagnostics d = HvgSelector.diagnostics(stats);
                Naive naive = new Naive(y);
                assertArrayEquals(naive.mean, d.mean());
                assertArrayEquals(naive.var, d.var());
                assertArrayEquals(naive.bin, d.bin());
                for (int g = 0; g < genes; g++) {
                    assertEquals(naive.z[g], d.z()[g], 1e-12 * Math.max(1, Math.abs(naive.z[g])));
                }
                for (int nTop : new int[] {0, 1, 5, genes / 2, genes, genes + 3}) {
                    assertArrayEquals(naive.select(nTop), HvgSelector.select(stats, nTop),
                            spots + " x " + genes + " nTop " + nTop);
                    boolean fallback = naive.validCount() < nTop;
                    sawFallback |= fallback && nTop > 0 && nTop < genes;
                    sawWindow |= !fallback && nTop > 0;
                }
            }
        }
        assertTrue(sawFallback && sawWindow, "both branches of the candidate rule are exercised");
    }

    @Test
    void percentileEdgesFollowTheType7Recipe() {
        double[] edges = HvgSelector.edges(new double[] {0, 5, 1, 4, 2, 3, 0});
        assertEquals(21, edges.length);
        for (int j = 0; j <= 20; j++) {
            assertEquals(1 + 0.2 * j, edges[j], 1e-15, "edge " + j);
        }
        // two positive means: edges interpolate between them
        assertArrayEquals(new double[] {1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45, 1.5, 1.55, 1.6, 1.65,
                1.7, 1.75, 1.8, 1.85, 1.9, 1.95, 2}, HvgSelector.edges(new double[] {2, 1}), 1e-15);
        // repeated values collapse to distinct edges
        assertArrayEquals(new double[] {1, 1.5, 2}, HvgSelector.edges(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}));
        assertEquals(0, HvgSelector.edges(new double[] {0, 3, 0}).length);
        assertEquals(1, HvgSelector.edges(new double[] {3, 3, 3}).length);
    }

    @Test
    void oneSpotGivesZeroVarianceAndTheFirstGenes() {
        GeneStats s = stats(new double[][] {{1, 5, 0, 2, 9, 1}});
        HvgSelector.Diagnostics d = HvgSelector.diagnostics(s);
        assertArrayEquals(new double[6], d.var());
        assertArrayEquals(new double[6], d.z());
        assertArrayEquals(new int[] {0, 1, 2}, HvgSelector.select(s, 3));
    }

    @Test
    void binningIsSkippedWithoutTwoDistinctPositiveMeans() {
        GeneStats zeros = stats(new double[4][5]);
        HvgSelector.Diagnostics d = HvgSelector.diagnostics(zeros);
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1}, d.bin());
        assertArrayEquals(new int[] {0, 1}, HvgSelector.select(zeros, 2));
        GeneStats one = stats(new double[][] {{0, 3, 0}, {0, 1, 0}});
        assertArrayEquals(new int[] {-1, -1, -1}, HvgSelector.diagnostics(one).bin());
        GeneStats equal = stats(new double[][] {{2, 2}, {2, 2}});
        assertArrayEquals(new int[] {-1, -1}, HvgSelector.diagnostics(equal).bin());
    }

    @Test
    void extremeCounts() {
        GeneStats s = stats(randomCounts(new Random(2), 30, 12));
        assertEquals(0, HvgSelector.select(s, 0).length);
        int[] all = HvgSelector.select(s, 12);
        assertArrayEquals(HvgSelector.identity(12), all);
        assertArrayEquals(HvgSelector.identity(12), HvgSelector.select(s, 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HvgSelector.select(s, -1));
        assertTrue(e.getMessage().contains("n_hvg"));
        assertThrows(IllegalArgumentException.class,
                () -> HvgSelector.diagnostics(new GeneStats(0, 1, new double[1], new double[1], new double[1], 0)));
    }

    @Test
    void descendingRankIsStable() {
        double[] key = {1, 3, 3, -0.0, 0.0, 2, 3};
        assertArrayEquals(new int[] {1, 2, 6, 5, 0, 3, 4}, DescendingRank.top(key, HvgSelector.identity(7), 7));
        assertArrayEquals(new int[] {2, 6}, DescendingRank.top(key, new int[] {0, 2, 3, 6}, 2));
        assertEquals(0, DescendingRank.top(key, new int[0], 4).length);
    }

    static GeneStats stats(double[][] y) {
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            return GeneStats.compute(TestMatrices.csr(y, arena), ex, Progress.NONE);
        }
    }

    /** Genes with densities from very sparse to dense, so that means fall on both sides of the window. */
    static double[][] randomCounts(Random rnd, int spots, int genes) {
        double[] density = new double[genes];
        for (int g = 0; g < genes; g++) {
            density[g] = rnd.nextInt(6) == 0 ? 0 : Math.pow(rnd.nextDouble(), 2);
        }
        double[][] y = new double[spots][genes];
        for (int i = 0; i < spots; i++) {
            for (int g = 0; g < genes; g++) {
                if (rnd.nextDouble() < density[g]) {
                    y[i][g] = 1 + rnd.nextInt(1 + rnd.nextInt(200));
                }
            }
        }
        return y;
    }

    /** docs/algorithm.md §4.1 written the plain way on a dense matrix, with lists and boxed sorting. */
    private static final class Naive {
        final double[] mean;
        final double[] var;
        final double[] z;
        final int[] bin;

        Naive(double[][] y) {
            int n = y.length;
            int genes = y[0].length;
            double[] sum = new double[genes];
            double[] sq = new double[genes];
            for (double[] row : y) {
                double lib = Math.max(Arrays.stream(row).sum(), 1);
                for (int g = 0; g < genes; g++) {
                    double v = row[g] == 0 ? 0 : Math.log1p(row[g] * (10000 / lib));
                    sum[g] += v;
                    sq[g] += v * v;
                }
            }
            mean = new double[genes];
            var = new double[genes];
            for (int g = 0; g < genes; g++) {
                mean[g] = sum[g] / n;
                var[g] = n < 2 ? 0 : Math.max(0, (double) n / (n - 1) * (sq[g] / n - mean[g] * mean[g]));
            }
            z = new double[genes];
            bin = new int[genes];
            Arrays.fill(bin, -1);
            List<Double> positive = new ArrayList<>();
            for (double m : mean) {
                if (m > 0) {
                    positive.add(m);
                }
            }
            positive.sort(null);
            if (positive.size() < 2) {
                return;
            }
            List<Double> edges = new ArrayList<>();
            int m = positive.size();
            for (int j = 0; j <= 20; j++) {
                double h = (m - 1) * (5 * j / 100.0);
                double e;
                if (h >= m - 1) {
                    e = positive.get(m - 1);
                } else {
                    int lo = (int) h;
                    double t = h - lo;
                    double a = positive.get(lo);
                    double b = positive.get(lo + 1);
                    e = t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
                }
                if (!edges.contains(e)) {
                    edges.add(e);
                }
            }
            if (edges.size() < 2) {
                return;
            }
            for (int g = 0; g < genes; g++) {
                int count = 0;
                for (double e : edges) {
                    count += e <= mean[g] ? 1 : 0;
                }
                bin[g] = Math.min(Math.max(count - 1, 0), edges.size() - 2);
            }
            for (int b = 0; b < edges.size() - 1; b++) {
                List<Integer> members = new ArrayList<>();
                for (int g = 0; g < genes; g++) {
                    if (bin[g] == b) {
                        members.add(g);
                    }
                }
                if (members.size() < 2) {
                    continue;
                }
                double mu = members.stream().mapToDouble(g -> var[g]).sum() / members.size();
                double ss = members.stream().mapToDouble(g -> (var[g] - mu) * (var[g] - mu)).sum();
                double sd = Math.sqrt(ss / members.size());
                for (int g : members) {
                    z[g] = (var[g] - mu) / (sd + 1e-10);
                }
            }
        }

        int validCount() {
            int c = 0;
            for (int g = 0; g < mean.length; g++) {
                c += mean[g] >= 0.0125 && mean[g] <= 3.0 && z[g] >= 0.5 ? 1 : 0;
            }
            return c;
        }

        int[] select(int nTop) {
            List<Integer> candidates = new ArrayList<>();
            boolean window = validCount() >= nTop;
            for (int g = 0; g < mean.length; g++) {
                if (!window || (mean[g] >= 0.0125 && mean[g] <= 3.0 && z[g] >= 0.5)) {
                    candidates.add(g);
                }
            }
            candidates.sort((a, b) -> z[a] != z[b] ? Double.compare(z[b], z[a]) : Integer.compare(a, b));
            return candidates.subList(0, Math.min(nTop, candidates.size())).stream().mapToInt(Integer::intValue)
                    .sorted().toArray();
        }
    }
}
