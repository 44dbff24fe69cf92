package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MarkerSelectorTest {

    @Test
    void matchesTheNaiveSelectionOnRandomSignatures() {
        Random rnd = new Random(21);
        for (int types : new int[] {1, 2, 3, 6, 11}) {
            for (int genes : new int[] {1, 5, 64, 300}) {
                double[][] x = new double[types][genes];
                for (double[] row : x) {
                    for (int g = 0; g < genes; g++) {
                        row[g] = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * 100;
                    }
                }
                for (int n : new int[] {0, 1, 3, 20, genes, genes + 5}) {
                    assertArrayEquals(naive(x, n), MarkerSelector.select(x, n), types + " x " + genes + " n " + n);
                }
            }
        }
    }

    @Test
    void tiesForTheMaximumGiveZeroSpecificityAndTheFirstOwner() {
        // gene 0: types 0 and 1 tie (spec 0, owner 0); type 2 owns nothing and falls back to its row fractions
        double[][] x = {
            {5, 9, 0, 1},
            {5, 0, 1, 9},
            {1, 1, 1, 1},
        };
        // fractions: type0 {5,9,0,1}/15, type1 {5,0,1,9}/15, type2 {1,1,1,1}/4 = 0.25 each
        // type 2 dominates gene 2 (0.25 > 1/15): owners 0->0 (tie), 1->0, 2->2, 3->1
        assertArrayEquals(new int[] {1, 2, 3}, MarkerSelector.select(x, 1));
        double[][] twins = {{1, 2, 3}, {1, 2, 3}};
        // type 0 owns every gene with specificity 0 (ties: lowest index first, gene 0); type 1 owns nothing
        // (ties go to type 0) and falls back to its largest fraction, gene 2
        assertArrayEquals(new int[] {0, 2}, MarkerSelector.select(twins, 1));
        assertArrayEquals(naive(twins, 2), MarkerSelector.select(twins, 2));
    }

    @Test
    void oneTypeTakesTheFirstGenes() {
        assertArrayEquals(new int[] {0, 1, 2}, MarkerSelector.select(new double[][] {{9, 1, 5, 7, 0}}, 3));
        assertArrayEquals(new int[] {0, 1}, MarkerSelector.select(new double[][] {{9, 1}}, 3));
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarkerSelector.select(new double[][] {{1}}, -1));
        assertTrue(e.getMessage().contains("n_markers_per_type"));
        assertThrows(IllegalArgumentException.class, () -> MarkerSelector.select(new double[0][], 1));
        assertThrows(IllegalArgumentException.class, () -> MarkerSelector.select(new double[][] {{1, 2}, {1}}, 1));
        assertEquals(0, MarkerSelector.select(new double[][] {{1, 2}, {3, 4}}, 0).length);
    }

    /** docs/algorithm.md §4.2 written the plain way: a dense fraction matrix, lists and boxed sorting. */
    static int[] naive(double[][] x, int n) {
        int types = x.length;
        int genes = x[0].length;
        if (n == 0) {
            return new int[0];
        }
        TreeSet<Integer> out = new TreeSet<>();
        if (types == 1) {
            for (int g = 0; g < Math.min(n, genes); g++) {
                out.add(g);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        double[][] f = new double[types][genes];
        for (int k = 0; k < types; k++) {
            double s = 0;
            for (double v : x[k]) {
                s += v;
            }
            for (int g = 0; g < genes; g++) {
                f[k][g] = x[k][g] / (s + 1e-10);
            }
        }
        double[] spec = new double[genes];
        int[] owner = new int[genes];
        for (int g = 0; g < genes; g++) {
            List<Double> column = new ArrayList<>();
            for (int k = 0; k < types; k++) {
                column.add(f[k][g]);
                if (f[k][g] > f[owner[g]][g]) {
                    owner[g] = k;
                }
            }
            column.sort((a, b) -> Double.compare(b, a));
            spec[g] = column.get(0) - column.get(1);
        }
        for (int k = 0; k < types; k++) {
            List<Integer> mine = new ArrayList<>();
            for (int g = 0; g < genes; g++) {
                if (owner[g] == k) {
                    mine.add(g);
                }
            }
            double[] key;
            if (mine.isEmpty()) {
                key = f[k];
                for (int g = 0; g < genes; g++) {
                    mine.add(g);
                }
            } else {
                key = spec;
            }
            mine.sort((a, b) -> key[a] != key[b] ? Double.compare(key[b], key[a]) : Integer.compare(a, b));
            out.addAll(mine.subList(0, Math.min(n, mine.size())));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
