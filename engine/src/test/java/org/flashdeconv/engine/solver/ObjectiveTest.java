package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    private static MemorySegment fill(Arena arena, double[][] beta) {
        int n = beta.length;
        int k = beta[0].length;
        MemorySegment seg = arena.allocate(Layouts.F64, (long) n * k);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                seg.setAtIndex(Layouts.F64, (long) i * k + t, beta[i][t]);
            }
        }
        return seg;
    }

    @Test
    void matchesTheDenseFormulaOnRandomIterates() {
        Random rnd = new Random(5);
        for (long seed = 0; seed < 5; seed++) {
            RandomProblem p = new RandomProblem(seed, 50, 4, 6, 0.1, 6, true);
            double[][] beta = new double[p.n][p.k];
            for (double[] row : beta) {
                for (int t = 0; t < p.k; t++) {
                    row[t] = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble();
                }
            }
            try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(2)) {
                double got = Objective.evaluate(p.offHeap(arena), 1.7, 0.4, fill(arena, beta), ex);
                double want = NaiveBcd.objective(p, beta, 1.7, 0.4);
                assertEquals(want, got, 1e-12 * Math.abs(want));
            }
        }
    }

    @Test
    void laplacianTermIsHalfTheSumOfSquaredEdgeDifferencesAndVanishesOnConstantRows() {
        RandomProblem p = new RandomProblem(9, 60, 3, 5, 0.1, 7, true);
        Random rnd = new Random(3);
        double[][] beta = new double[p.n][p.k];
        double[][] constant = new double[p.n][];
        for (int i = 0; i < p.n; i++) {
            for (int t = 0; t < p.k; t++) {
                beta[i][t] = rnd.nextDouble();
            }
            constant[i] = new double[] {0.25, 0.5, 0.125};
        }
        double edges = 0;
        for (int i = 0; i < p.n; i++) {
            for (int j : p.nbrs[i]) {
                if (j > i) {
                    for (int t = 0; t < p.k; t++) {
                        double d = beta[i][t] - beta[j][t];
                        edges += d * d;
                    }
                }
            }
        }
        assertTrue(edges > 1);
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            BcdProblem bp = p.offHeap(arena);
            MemorySegment b = fill(arena, beta);
            double spatial = Objective.evaluate(bp, 2.0, 0, b, ex) - Objective.evaluate(bp, 0, 0, b, ex);
            assertEquals(0.5 * 2.0 * edges, spatial, 1e-9 * edges);
            MemorySegment c = fill(arena, constant);
            // rows of L sum to zero: a spatially constant β has no Laplacian energy
            assertEquals(0.0, Objective.evaluate(bp, 3.0, 0, c, ex) - Objective.evaluate(bp, 0, 0, c, ex), 1e-9);
        }
    }
}
