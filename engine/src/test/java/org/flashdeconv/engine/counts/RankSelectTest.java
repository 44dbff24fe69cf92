package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The poor-fit threshold's selection ({@link CountModel#select}) against a sort, ties and all. */
class RankSelectTest {
    @Test
    void picksTheValueASortPutsAtTheRank() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 400; trial++) {
            int m = 1 + rnd.nextInt(trial < 200 ? 12 : 3000);
            int distinct = 1 + rnd.nextInt(trial % 3 == 0 ? 3 : 1000); // few values: many ties
            double[] a = new double[m + rnd.nextInt(3)]; // longer than m: the tail is ignored
            for (int j = 0; j < a.length; j++) {
                a[j] = j < m ? rnd.nextInt(distinct) * 0.37 + (trial % 2 == 0 ? rnd.nextDouble() * 1e-9 : 0) : -1;
            }
            double[] sorted = Arrays.copyOf(a, m);
            Arrays.sort(sorted);
            int r = rnd.nextInt(m);
            assertEquals(sorted[r], CountModel.select(a, m, r), "trial " + trial + ", m " + m + ", rank " + r);
            double[] prefix = Arrays.copyOf(a, m);
            Arrays.sort(prefix);
            assertEquals(Arrays.toString(sorted), Arrays.toString(prefix), "the first m values are only reordered");
        }
        assertEquals(2.0, CountModel.select(new double[] {3, 2, 1, 2, 2}, 5, 2));
        assertEquals(7.0, CountModel.select(new double[] {7}, 1, 0));
    }
}
