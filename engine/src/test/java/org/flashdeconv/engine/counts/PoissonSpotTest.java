package org.flashdeconv.engine.counts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-spot solver against the naive problem over every gene: KKT, objective, agreement with EM, edge cases. */
class PoissonSpotTest {

    /** A random spot problem: K profiles over G genes (floored like {@link CountProfiles}), counts of a random mix. */
    private record Problem(double[][] p, double[] y, double[] penalty, double[] pseudo) {
        NaivePoisson naive() {
            return new NaivePoisson(p, y, penalty, pseudo);
        }
    }

    private static Problem random(Random rnd, int k, int genes, double depth, boolean zeros, boolean prior,
                                  double backgroundPenalty) {
        double[][] x = new double[k][genes];
        for (int t = 0; t < k; t++) {
            for (int g = 0; g < genes; g++) {
                x[t][g] = zeros && rnd.nextInt(3) == 0 ? 0 : Math.exp(2 * rnd.nextGaussian());
            }
        }
        int[] all = new int[genes];
        for (int g = 0; g < genes; g++) {
            all[g] = g;
        }
        CountProfiles prof = CountProfiles.of(x, all, genes);
        double[][] p = new double[k][genes];
        for (int t = 0; t < k; t++) {
            for (int g = 0; g < genes; g++) {
                p[t][g] = prof.rows()[g * prof.stride() + t];
            }
        }
        double[] mix = new double[k];
        for (int t = 0; t < k; t++) {
            mix[t] = rnd.nextInt(2) == 0 ? 0 : rnd.nextDouble();
        }
        mix[rnd.nextInt(k)] += 0.5;
        double[] y = new double[genes];
        for (int g = 0; g < genes; g++) {
            double m = 0;
            double s = 0;
            for (int t = 0; t < k; t++) {
                m += mix[t] * p[t][g];
                s += mix[t];
            }
            y[g] = poisson(rnd, depth * m / s);
        }
        double[] penalty = new double[k];
        penalty[k - 1] = backgroundPenalty;
        double[] pseudo = new double[k];
        if (prior) {
            for (int t = 0; t < k; t++) {
                pseudo[t] = 10.0 * rnd.nextDouble() / k;
            }
        }
        return new Problem(p, y, penalty, pseudo);
    }

    private static double poisson(Random rnd, double mean) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int n = 0;
        double prod = rnd.nextDouble();
        while (prod > l) {
            n++;
            prod *= rnd.nextDouble();
        }
        return n;
    }

    /** Solves with {@link PoissonSpot} on the problem's non-zeros only. */
    private static double[] solve(Problem pr, double[] start, boolean[] converged) {
        int k = pr.p.length;
        int genes = pr.y.length;
        double[] rows = new double[genes * k];
        for (int g = 0; g < genes; g++) {
            for (int t = 0; t < k; t++) {
                rows[g * k + t] = pr.p[t][g];
            }
        }
        int nnz = 0;
        int[] pos = new int[genes];
        double[] y = new double[genes];
        for (int g = 0; g < genes; g++) {
            if (pr.y[g] > 0) {
                pos[nnz] = g;
                y[nnz++] = pr.y[g];
            }
        }
        double[] cost = new double[k];
        boolean prior = false;
        for (int t = 0; t < k; t++) {
            for (int g = 0; g < genes; g++) {
                cost[t] += pr.p[t][g];
            }
            cost[t] += pr.penalty[t];
            prior |= pr.pseudo[t] > 0;
        }
        double[] b = start.clone();
        converged[0] = new PoissonSpot(rows, k).solve(nnz, pos, y, k, cost, prior ? pr.pseudo : null, b, 100, 1e-10);
        return b;
    }

    /** max_k |projected gradient_k| · max(β_k, 1) over the spot's total: the solver's own stopping measure. */
    private static double kkt(NaivePoisson n, double[] b) {
        double[] g = n.gradient(b);
        double total = 1;
        for (double v : n.y) {
            total += v;
        }
        double r = 0;
        for (int k = 0; k < b.length; k++) {
            assertTrue(b[k] >= 0, "beta >= 0");
            double pg = b[k] > 0 ? g[k] : Math.min(g[k], 0);
            r = Math.max(r, Math.abs(pg) * Math.max(b[k], 1));
        }
        return r / total;
    }

    @Test
    void solutionsMeetKktAndBeatEmOnRandomProblems() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int k = 1 + rnd.nextInt(6);
            int genes = 5 + rnd.nextInt(40);
            double depth = new double[] {3, 30, 300, 5000}[trial % 4];
            Problem pr = random(rnd, k, genes, depth, trial % 3 == 0, trial % 5 == 0, trial % 2 == 0 ? 1 : 0);
            boolean[] ok = new boolean[1];
            double[] b = solve(pr, new double[k], ok);
            NaivePoisson naive = pr.naive();
            assertTrue(ok[0], "converged, trial " + trial + " k " + k + " kkt " + kkt(naive, b) + " b " + java.util.Arrays.toString(b) + " em " + java.util.Arrays.toString(naive.em(20000)));
            assertTrue(kkt(naive, b) <= 1e-8, "KKT at the solution, trial " + trial + ": " + kkt(naive, b));
            double[] em = naive.em(20_000);
            double f = naive.objective(b);
            assertTrue(f <= naive.objective(em) + 1e-9 * Math.abs(f), "objective <= EM's, trial " + trial);
            double scale = 1;
            for (double v : pr.y) {
                scale += v;
            }
            for (int t = 0; t < k; t++) {
                assertEquals(em[t], b[t], 2e-3 * scale, "beta_" + t + " vs EM, trial " + trial);
            }
        }
    }

    @Test
    void theStartDoesNotChangeTheSolution() {
        Random rnd = new Random(5);
        Problem pr = random(rnd, 5, 30, 500, false, false, 0);
        boolean[] ok = new boolean[1];
        double[] cold = solve(pr, new double[5], ok);
        double[] warm = solve(pr, new double[] {100, 0, 0, 300, 1}, ok);
        assertArrayEquals(cold, warm, 1e-6 * 500);
    }

    @Test
    void oneMoleculeGoesToTheTypesMostLikelyToMakeIt() {
        // two types, one gene with the molecule: all of the spot's one molecule goes to the type with more of it
        double[][] p = {{0.9, 0.1}, {0.2, 0.8}};
        Problem pr = new Problem(p, new double[] {1, 0}, new double[2], new double[2]);
        boolean[] ok = new boolean[1];
        double[] b = solve(pr, new double[2], ok);
        assertTrue(ok[0]);
        assertEquals(1.0, b[0], 1e-9);
        assertEquals(0.0, b[1], 0);
        assertTrue(kkt(pr.naive(), b) <= 1e-9);
    }

    @Test
    void aSpotWithoutCountsStaysAtZero() {
        Problem pr = new Problem(new double[][] {{0.5, 0.5}, {0.1, 0.9}}, new double[2], new double[2],
                new double[2]);
        boolean[] ok = new boolean[1];
        double[] b = solve(pr, new double[] {3, 4}, ok);
        assertTrue(ok[0]);
        assertArrayEquals(new double[2], b, 0);
    }

    @Test
    void theLogarithmsLowerBoundIsBelowAndThirdOrderClose() {
        // the line search certifies Armijo's test with it: it must never exceed log r, and be close near r = 1
        for (double r : new double[] {1e-6, 0.01, 0.3, 0.7, 0.95, 0.999, 1, 1.001, 1.05, 1.5, 4, 1e3, 1e6}) {
            double lower = PoissonSpot.logBelow(r);
            assertTrue(lower <= Math.log(r), "below log r at r = " + r);
            double gap = Math.log(r) - lower;
            if (r >= 0.3 && r <= 4) {
                double third = Math.abs(Math.pow(r - 1, 3));
                assertTrue(gap <= third / 4 + 1e-16, "O((r - 1)^3) at r = " + r + ": " + gap);
            }
        }
        assertEquals(0.0, PoissonSpot.logBelow(1), 0);
        assertEquals(Math.log(1.1), PoissonSpot.logBelow(1.1), 1e-3);
        assertTrue(Math.log(1.1) - PoissonSpot.logBelow(1.1) > 0, "strictly below off 1");
    }

    @Test
    void profilesAreFlooredAndSumToOne() {
        double[][] x = {{0, 0, 5, 5}, {1, 0, 0, 0}, {0, 0, 0, 0}};
        CountProfiles prof = CountProfiles.of(x, new int[] {0, 1, 2, 3}, 4);
        for (int t = 0; t < 3; t++) {
            double sum = 0;
            for (int g = 0; g < 4; g++) {
                double v = prof.rows()[g * prof.stride() + t];
                assertTrue(v >= CountProfiles.FLOOR / 4 / (1 + CountProfiles.FLOOR) - 1e-15, "floored");
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12);
        }
        assertArrayEquals(new double[] {10, 1, 0}, prof.cellSizes());
        assertEquals(0.25, prof.rows()[2], 1e-15, "an all-zero signature is uniform");
    }
}
