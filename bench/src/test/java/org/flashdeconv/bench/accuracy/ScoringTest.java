package org.flashdeconv.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private static final List<String> ABC = List.of("A", "B", "C");

    @Test
    void aPerfectEstimateScoresRmseZeroAndROne() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] truth = new double[50][3];
        for (double[] row : truth) {
            double a = rng.nextDouble();
            double b = rng.nextDouble() * (1 - a);
            row[0] = a;
            row[1] = b;
            row[2] = 1 - a - b;
        }
        // the estimate lists the types in another order
        double[][] p = new double[50][];
        for (int i = 0; i < 50; i++) {
            p[i] = new double[] {truth[i][2], truth[i][0], truth[i][1]};
        }
        for (Scoring.Definition d : Scoring.Definition.values()) {
            Scoring.Score s = Scoring.score(truth, ABC, new Estimate(p, new boolean[50]), List.of("C", "A", "B"), d);
            assertEquals(0.0, s.rmse(), 1e-15, d.name());
            assertEquals(1.0, s.r(), 1e-12, d.name());
            assertEquals(50, s.spots());
            if (d != Scoring.Definition.KNOWN_TYPES) {
                assertEquals(0.0, s.jsd(), 1e-12);
            }
        }
    }

    @Test
    void theDefinitionsDifferAsDocumentedWhenATypeIsMissing() {
        double[][] truth = {{0.5, 0.3, 0.2}, {0.0, 0.0, 1.0}};
        double[][] p = {{0.6, 0.4}, {0.5, 0.5}};
        Estimate e = new Estimate(p, new boolean[2]);
        List<String> known = List.of("A", "B");
        // all types: entries (0.5,0.6) (0.3,0.4) (0.2,0) (0,0.5) (0,0.5) (1,0)
        Scoring.Score all = Scoring.score(truth, ABC, e, known, Scoring.Definition.ALL_TYPES);
        double se = 0.01 + 0.01 + 0.04 + 0.25 + 0.25 + 1.0;
        assertEquals(Math.sqrt(se / 6), all.rmse(), 1e-12);
        assertEquals(pearson(new double[] {0.5, 0.3, 0.2, 0, 0, 1}, new double[] {0.6, 0.4, 0, 0.5, 0.5, 0}),
                all.r(), 1e-12);
        // known types, truth as is: (0.5,0.6) (0.3,0.4) (0,0.5) (0,0.5)
        Scoring.Score known4 = Scoring.score(truth, ABC, e, known, Scoring.Definition.KNOWN_TYPES);
        assertEquals(Math.sqrt((0.01 + 0.01 + 0.25 + 0.25) / 4), known4.rmse(), 1e-12);
        assertTrue(Double.isNaN(known4.jsd()));
        // renormalised: spot 2 holds only the missing type and is skipped; spot 1 truth (0.625, 0.375)
        Scoring.Score renorm = Scoring.score(truth, ABC, e, known, Scoring.Definition.RENORMALISED);
        assertEquals(1, renorm.spots());
        assertEquals(Math.sqrt((0.025 * 0.025 * 2) / 2), renorm.rmse(), 1e-12);
        assertEquals(Scoring.jsd(new double[] {0.625, 0.375}, new double[] {0.6, 0.4}), renorm.jsd(), 1e-15);
    }

    @Test
    void flaggedSpotsAreLeftOutAndJsdIsBounded() {
        double[][] truth = {{1, 0}, {0, 1}, {0.5, 0.5}};
        double[][] p = {{0, 1}, {0.3, 0.7}, {0.5, 0.5}};
        Scoring.Score s = Scoring.score(truth, List.of("A", "B"), new Estimate(p, new boolean[] {false, true, false}),
                List.of("A", "B"), Scoring.Definition.ALL_TYPES);
        assertEquals(2, s.spots());
        assertEquals(Math.sqrt(2.0 / 4), s.rmse(), 1e-12);
        assertEquals(0.5, s.jsd(), 1e-12, "disjoint rows have JSD 1, identical 0");
        assertThrows(IllegalArgumentException.class, () -> Scoring.score(truth, List.of("A", "B"),
                new Estimate(p, new boolean[3]), List.of("A", "X"), Scoring.Definition.ALL_TYPES));
    }

    private static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }
}
