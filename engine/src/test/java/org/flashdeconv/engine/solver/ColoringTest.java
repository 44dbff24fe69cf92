package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;
import org.junit.jupiter.api.Test;

class ColoringTest {

    private static int[] colour(RandomProblem p, int[] count) {
        try (Arena arena = Arena.ofConfined()) {
            BcdProblem bp = p.offHeap(arena);
            MemorySegment color = arena.allocate(Layouts.I32, Math.max(1, p.n));
            count[0] = Coloring.greedy(bp.rowPtr(), bp.neighbors(), p.n, color);
            int[] out = new int[p.n];
            for (int i = 0; i < p.n; i++) {
                out[i] = color.getAtIndex(Layouts.I32, i);
            }
            return out;
        }
    }

    @Test
    void noEdgeJoinsTwoSpotsOfOneColourAndAtMostMaxDegreePlusOneColoursAreUsed() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomProblem p = new RandomProblem(seed, 120, 2, 3, 0.05 * seed, 11, true);
            int[] count = new int[1];
            int[] c = colour(p, count);
            int maxDeg = 0;
            for (int i = 0; i < p.n; i++) {
                maxDeg = Math.max(maxDeg, p.nbrs[i].length);
                assertTrue(c[i] >= 0 && c[i] < count[0]);
                for (int j : p.nbrs[i]) {
                    assertNotEquals(c[i], c[j], "edge " + i + "-" + j);
                }
            }
            assertTrue(count[0] <= maxDeg + 1, count[0] + " colours for max degree " + maxDeg);
        }
    }

    @Test
    void aChainTakesTwoColoursAndAnEdgelessGraphOne() {
        int[] count = new int[1];
        int[] chain = colour(new RandomProblem(1, 7, 2, 3, 0, 0, true), count);
        assertEquals(2, count[0]);
        assertEquals(0, chain[0]);
        assertEquals(1, chain[1]);
        colour(new RandomProblem(1, 7, 2, 3, 0, 0, false), count);
        assertEquals(1, count[0]);
        colour(new RandomProblem(1, 0, 2, 3, 0, 0, false), count);
        assertEquals(0, count[0]);
    }
}
