package org.flashdeconv.engine.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.genes.SpotRow;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.GeneStatsAssertions;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class CsrViewColumnMapTest {

    /** Stored columns 0..9; the model keeps 7, 2, 5, 0 (in that order) and drops the rest. */
    private static final int[] MAP = {3, -1, 1, -1, -1, 2, -1, 0, -1, -1};
    private static final int[] KEPT = {7, 2, 5, 0};

    @Test
    void rowsReadThroughTheMapKeepOnlyModelColumnsInStoredOrder() {
        double[][] y = random(30, 10, 1);
        try (Arena arena = Arena.ofConfined()) {
            CsrView v = TestMatrices.csr(y, arena).withColumnMap(MAP, 4);
            assertEquals(4, v.cols());
            SpotRow row = new SpotRow();
            for (int i = 0; i < y.length; i++) {
                int n = row.load(v, i);
                int j = 0;
                for (int c = 0; c < 10; c++) {
                    if (y[i][c] != 0 && MAP[c] >= 0) {
                        assertEquals(MAP[c], row.cols()[j]);
                        assertEquals(y[i][c], row.values()[j]);
                        j++;
                    }
                }
                assertEquals(j, n);
            }
        }
    }

    @Test
    void geneStatisticsOfAMappedViewEqualThoseOfTheRestrictedMatrix() {
        double[][] y = random(200, 10, 2);
        double[][] restricted = new double[y.length][KEPT.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < KEPT.length; j++) {
                restricted[i][j] = y[i][KEPT[j]];
            }
        }
        try (Arena arena = Arena.ofConfined(); BlockExecutor ex = new BlockExecutor(1)) {
            GeneStats mapped = GeneStats.compute(TestMatrices.csr(y, arena).withColumnMap(MAP, 4), ex, Progress.NONE);
            GeneStats direct = GeneStats.compute(TestMatrices.csr(restricted, arena), ex, Progress.NONE);
            GeneStatsAssertions.assertSameStats(direct, mapped, 0);
        }
    }

    @Test
    void mapsComposeAndAreChecked() {
        try (Arena arena = Arena.ofConfined()) {
            CsrView v = TestMatrices.csr(random(3, 10, 3), arena).withColumnMap(MAP, 4);
            CsrView twice = v.withColumnMap(new int[] {-1, 0, 1, -1}, 2);
            assertEquals(0, twice.mapColumn(2));
            assertEquals(1, twice.mapColumn(5));
            assertEquals(-1, twice.mapColumn(7));
            assertThrows(IllegalArgumentException.class, () -> v.withColumnMap(new int[] {0, 1}, 2));
            assertThrows(IllegalArgumentException.class, () -> v.withColumnMap(new int[] {0, 1, 2, 4}, 4));
        }
    }

    private static double[][] random(int n, int g, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] y = new double[n][g];
        for (double[] r : y) {
            for (int c = 0; c < g; c++) {
                r[c] = rnd.nextInt(3) == 0 ? rnd.nextInt(1, 40) : 0;
            }
        }
        y[0] = new double[g];
        y[1][1] = 5; // a spot whose only counts may fall on dropped columns
        return y;
    }
}
