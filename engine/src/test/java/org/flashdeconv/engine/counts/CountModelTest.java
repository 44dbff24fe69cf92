package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.Model;
import org.flashdeconv.engine.Units;
import org.flashdeconv.engine.matrix.Layouts;
import org.junit.jupiter.api.Test;

/** The count model end to end on small simulated slides: accuracy, background test, flags, units, determinism. */
class CountModelTest {
    private static final int K = 3;
    private static final int GENES = 80;
    private static final int SIDE = 14;

    /** A slide of SIDE² spots: K reference types plus, if {@code missing}, a fourth type absent from the reference. */
    private record Slide(double[][] counts, double[][] signatures, double[][] coords, double[][] truth) {
    }

    private static Slide slide(long seed, boolean missing) {
        Random rnd = new Random(seed);
        int types = missing ? K + 1 : K;
        double[][] sig = new double[types][GENES];
        for (int t = 0; t < types; t++) {
            for (int g = 0; g < GENES; g++) {
                sig[t][g] = Math.exp(1.5 * rnd.nextGaussian()) * (g % types == t ? 8 : 1);
            }
        }
        int n = SIDE * SIDE;
        double[][] counts = new double[n][GENES];
        double[][] coords = new double[n][2];
        double[][] truth = new double[n][types];
        for (int i = 0; i < n; i++) {
            coords[i][0] = i % SIDE;
            coords[i][1] = i / SIDE;
            double sum = 0;
            for (int t = 0; t < types; t++) {
                // smooth domains: type t is frequent where x + y is near its centre
                double centre = (2.0 * SIDE) * (t + 0.5) / types;
                truth[i][t] = Math.exp(-Math.pow((coords[i][0] + coords[i][1] - centre) / 6, 2)) + 0.05 * rnd.nextDouble();
                sum += truth[i][t];
            }
            double depth = 200 + rnd.nextInt(800);
            for (int t = 0; t < types; t++) {
                truth[i][t] /= sum;
            }
            for (int g = 0; g < GENES; g++) {
                double m = 0;
                for (int t = 0; t < types; t++) {
                    double rowSum = 0;
                    for (double v : sig[t]) {
                        rowSum += v;
                    }
                    m += truth[i][t] * sig[t][g] / rowSum;
                }
                counts[i][g] = poisson(rnd, depth * m);
            }
        }
        double[][] reference = new double[K][];
        System.arraycopy(sig, 0, reference, 0, K);
        return new Slide(counts, reference, coords, truth);
    }

    private static double poisson(Random rnd, double mean) {
        double l = Math.exp(-mean);
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        int k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    private static FlashDeconvOptions counts(int threads) {
        return FlashDeconvOptions.builder().model(Model.COUNTS).threads(threads).build();
    }

    private static double rmse(double[][] est, double[][] truth) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < est.length; i++) {
            for (int t = 0; t < truth[i].length; t++) {
                double e = t < est[i].length ? est[i][t] : 0;
                s += (e - truth[i][t]) * (e - truth[i][t]);
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    @Test
    void recoversTheTruthBetterThanTheFlashDeconvModel() {
        Slide s = slide(3, false);
        try (FitResult c = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, counts(2));
             FitResult f = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, FlashDeconvOptions.defaults())) {
            double countsRmse = rmse(c.copyProportions(), s.truth);
            assertTrue(countsRmse < 0.03, "counts RMSE " + countsRmse);
            assertTrue(countsRmse < rmse(f.copyProportions(), s.truth), "beats flashdeconv");
            assertFalse(c.countSummary().orElseThrow().background().kept(), "no background without a missing type");
            assertEquals(0, c.countSummary().orElseThrow().notConverged());
            double[][] beta = c.copyAbundances();
            double[][] p = c.copyProportions();
            for (int i = 0; i < beta.length; i++) {
                double sum = 0;
                for (int t = 0; t < K; t++) {
                    assertTrue(p[i][t] >= 0);
                    sum += p[i][t];
                }
                assertEquals(1.0, sum, 1e-12, "molecule fractions sum to 1 without a background");
            }
        }
    }

    @Test
    void aMissingTypeIsTakenByTheBackground() {
        Slide s = slide(4, true);
        try (FitResult c = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, counts(2))) {
            CountModel.Summary sum = c.countSummary().orElseThrow();
            assertTrue(sum.background().kept(), "background kept: " + sum.background());
            assertTrue(sum.backgroundShare() > 0.02, "share " + sum.backgroundShare());
            double[][] p = c.copyProportions();
            int spots = p.length;
            double[] share = new double[spots];
            double[] missing = new double[spots];
            for (int i = 0; i < spots; i++) {
                double bg = c.background().getAtIndex(Layouts.F64, i);
                double total = bg;
                for (double v : c.copyAbundances()[i]) {
                    total += v;
                }
                double rowSum = 0;
                for (double v : p[i]) {
                    rowSum += v;
                }
                assertEquals(1.0, rowSum + bg / total, 1e-12, "types + background = 1");
                share[i] = bg / total;
                missing[i] = s.truth[i][K];
            }
            double where = 0;
            double elsewhere = 0;
            int nWhere = 0;
            for (int i = 0; i < spots; i++) {
                if (missing[i] > 0.5) {
                    where += share[i];
                    nWhere++;
                } else if (missing[i] < 0.05) {
                    elsewhere += share[i];
                }
            }
            assertTrue(nWhere > 10);
            assertTrue(where / nWhere > 10 * elsewhere / (spots - nWhere),
                    "the background sits where the missing type is");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Slide s = slide(5, true);
        s.counts[7] = new double[GENES];
        try (FitResult one = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, counts(1));
             FitResult two = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, counts(2))) {
            assertArrayEquals(one.copyAbundances(), two.copyAbundances());
            assertArrayEquals(one.quality().toArray(Layouts.F64), two.quality().toArray(Layouts.F64));
            assertArrayEquals(one.background().toArray(Layouts.F64), two.background().toArray(Layouts.F64));
            assertEquals(one.countSummary().orElseThrow().totalDeviance(),
                    two.countSummary().orElseThrow().totalDeviance());
        }
    }

    @Test
    void sweepTwoToleranceFollowsTheCountingNoiseBetweenItsBounds() {
        assertEquals(CountModel.TOL_SWEEP2, CountModel.sweep2Tolerance(1), 0, "a shallow bin: the loose bound");
        assertEquals(CountModel.TOL_SWEEP2, CountModel.sweep2Tolerance(200), 0, "hd8-like: 0.05/sqrt(200) > 3e-3");
        assertEquals(CountModel.NOISE_SHARE / 20, CountModel.sweep2Tolerance(400), 1e-18, "in between: 0.05/sqrt(n)");
        assertEquals(CountModel.TOL, CountModel.sweep2Tolerance(5000), 0, "a deep spot: the tight bound");
        double last = Double.POSITIVE_INFINITY;
        for (double n = 1; n < 1e6; n *= 1.3) {
            double t = CountModel.sweep2Tolerance(n);
            assertTrue(t <= last && t >= CountModel.TOL && t <= CountModel.TOL_SWEEP2, "n = " + n);
            last = t;
        }
    }

    @Test
    void traceNeighbourTypesAreObservedAsZeroAndCanLeaveTheSpot() {
        double[] pseudo = {0.6, 0.39, 0.01, 0.0};
        CountModel.pseudoCounts(2, 4, pseudo);
        assertArrayEquals(new double[] {1.2, 0.78, 0, 0}, pseudo, 1e-15, "y' = alpha * mean, 0.02 < PSEUDO_MIN dropped");
        // one gene per type, the spot has only type 0's gene: type 2 sits at exactly 0 without its trace pseudo-count
        double[] rows = {1, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 1};
        double[] cost = {1.1, 1.1, 1.1};
        PoissonSpot solver = new PoissonSpot(rows, 3);
        double[] b = {10, 10, 10};
        assertTrue(solver.solve(1, new int[] {0}, new double[] {30}, 3, cost, new double[] {2, 0, 0}, b, 100, 1e-10));
        assertEquals(0.0, b[2], 0, "no pseudo-count: held at 0");
        double[] withTrace = {10, 10, 10};
        assertTrue(solver.solve(1, new int[] {0}, new double[] {30}, 3, cost, new double[] {2, 0, 0.02}, withTrace,
                100, 1e-10));
        assertTrue(withTrace[2] > 0, "a pseudo-count keeps the type above 0");
        assertEquals(withTrace[0], b[0], 0.05, "type 0 barely moves");
    }

    @Test
    void aSpotWithoutCountsIsFlaggedNotInvented() {
        Slide s = slide(6, false);
        s.counts[20] = new double[GENES];
        try (FitResult c = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, counts(2))) {
            assertTrue(c.hasNoCounts(20));
            assertFalse(c.hasNoCounts(21));
            // no representation is formed for this model: FLASHDECONV's r and Gram are not reported
            assertEquals(0, c.summary().representationDim());
            assertTrue(Double.isNaN(c.summary().gramDiagMean()));
            assertEquals(0, c.geneWeights().length);
            // found by sweep 1 (no pass of its own): counted in the summary and warned about once
            assertEquals(1, c.countSummary().orElseThrow().spotsWithoutCounts());
            assertEquals(1, c.summary().zeroCountSpots());
            assertEquals(1, c.warnings().stream().filter(w -> w.equals("1 spots have no counts; their proportions are NaN"))
                    .count(), c.warnings().toString());
            for (double v : c.copyProportions()[20]) {
                assertTrue(Double.isNaN(v));
            }
            assertEquals(-1, c.copyDominantCellType()[20]);
            assertTrue(Double.isNaN(c.quality().getAtIndex(Layouts.F64, 20L * CountModel.QUALITY.size())));
            assertEquals(0, c.poorFit().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 20));
        }
    }

    @Test
    void cellUnitsDivideByTheCellSizes() {
        Slide s = slide(7, false);
        try (FitResult m = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, counts(2));
             FitResult c = FlashDeconv.fit(s.counts, s.signatures, s.coords, null,
                     counts(2).toBuilder().units(Units.CELLS).build())) {
            double[][] beta = m.copyAbundances();
            double[][] cells = c.copyProportions();
            int[] genes = m.geneIndices();
            double[] size = new double[K];
            for (int t = 0; t < K; t++) {
                for (int g : genes) {
                    size[t] += s.signatures[t][g];
                }
            }
            double sum = 0;
            for (int t = 0; t < K; t++) {
                sum += beta[0][t] / size[t];
            }
            for (int t = 0; t < K; t++) {
                assertEquals(beta[0][t] / size[t] / sum, cells[0][t], 1e-12);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> FlashDeconvOptions.builder().units(Units.CELLS).build());
    }

    @Test
    void qualityColumnsAreConsistent() {
        Slide s = slide(8, false);
        try (FitResult c = FlashDeconv.fit(s.counts, s.signatures, s.coords, null, counts(2))) {
            int q = CountModel.QUALITY.size();
            double[] quality = c.quality().toArray(Layouts.F64);
            for (int i = 0; i < s.counts.length; i++) {
                double total = 0;
                for (int g : c.geneIndices()) {
                    total += s.counts[i][g];
                }
                assertTrue(quality[i * q] >= 0);
                assertEquals(quality[i * q] / total, quality[i * q + 1], 1e-12);
                assertTrue(quality[i * q + 2] >= 0 && quality[i * q + 2] < 1, "a good fit explains most");
                assertEquals(0, quality[i * q + 3]);
                assertTrue(quality[i * q + 4] >= 0 && quality[i * q + 4] <= Math.log(K) + 1e-12);
            }
        }
    }
}
