package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceBcdTest {

    private static final Solver BCD = Solver.reference();

    private static SolverRun run(RandomProblem p, BcdSettings s, int threads, double[][] start) {
        return SolverRun.of(BCD, p, s, threads, start);
    }

    @ParameterizedTest(name = "seed {0}: n={1} k={2} edgeProb={3} isolated={4} lambda={5} rho={6}")
    @CsvSource({
        "1, 30, 4, 0.1, 0, 2.0, 0.5",
        "2, 25, 5, 0.0, 0, 0.0, 0.3",      // no neighbours at all
        "3, 40, 3, 0.08, 4, 5.0, 0.0",     // rho 0, isolated spots
        "4, 30, 6, 0.1, 0, 0.0, 1.0",      // lambda 0 with a graph
        "5, 20, 1, 0.2, 3, 3.0, 0.2",      // K = 1
        "6, 35, 4, 0.3, 5, 50.0, 2.0",     // strong smoothing
        "7, 1, 3, 0.0, 0, 1.0, 0.1",       // one spot
    })
    void matchesTheNaiveTranscriptionBitForBit(long seed, int n, int k, double edgeProb, int isolated,
                                               double lambda, double rho) {
        RandomProblem p = new RandomProblem(seed, n, k, 9, edgeProb, isolated, edgeProb > 0);
        BcdSettings s = new BcdSettings(lambda, rho, 300, 1e-6, true);
        SolverRun got = run(p, s, 2, null);
        NaiveBcd want = new NaiveBcd(p, lambda, rho, 300, 1e-6, true);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(want.beta[i], got.beta()[i], 0.0, "spot " + i);
        }
        assertEquals(want.iterations, got.info().iterations());
        assertEquals(want.converged, got.info().converged());
        assertEquals(want.change, got.info().finalChange(), 0.0);
        double f = NaiveBcd.objective(p, want.beta, lambda, rho);
        assertEquals(f, got.info().finalObjective(), 1e-10 * Math.abs(f));
        assertEquals(want.objectives.size(), got.info().objectives().size());
        for (int t = 0; t < want.objectives.size(); t++) {
            double w = want.objectives.get(t);
            assertEquals(w, got.info().objectives().get(t), 1e-10 * Math.abs(w));
        }
    }

    @Test
    void aNonConvergedRunIsAResultAndRecordsEveryTenthSweepAndTheLast() {
        RandomProblem p = new RandomProblem(11, 30, 4, 7, 0.1, 0, true);
        BcdSettings s = new BcdSettings(4.0, 0.1, 25, 1e-300, true);
        SolverRun got = run(p, s, 1, null);
        assertFalse(got.info().converged());
        assertEquals(25, got.info().iterations());
        assertTrue(got.info().finalChange() > 0);
        assertEquals(4, got.info().objectives().size()); // sweeps t = 0, 10, 20, 24
        assertEquals(got.info().finalObjective(), got.info().objectives().get(3), 0.0);
        SolverRun quiet = run(p, new BcdSettings(4.0, 0.1, 25, 1e-300, false), 1, null);
        assertTrue(quiet.info().objectives().isEmpty());
    }

    @Test
    void objectiveDoesNotIncreaseOverSweeps() {
        for (long seed = 20; seed < 26; seed++) {
            RandomProblem p = new RandomProblem(seed, 40, 5, 8, 0.1, 7, true);
            double lambda = 0.5 + seed;
            BcdSettings one = new BcdSettings(lambda, 0.3, 1, 1e-300, false);
            SolverRun r = run(p, one, 1, null);
            double prev = NaiveBcd.objective(p, uniform(p), lambda, 0.3);
            for (int t = 0; t < 40; t++) {
                double f = r.info().finalObjective();
                assertTrue(f <= prev + 1e-12 * Math.abs(prev), "seed " + seed + " sweep " + t + ": " + f + " > " + prev);
                prev = f;
                r = run(p, one, 1, r.beta());
            }
        }
    }

    @Test
    void oneSweepAtATimeWithWarmStartsRetracesTheFullRun() {
        RandomProblem p = new RandomProblem(31, 30, 4, 6, 0.15, 0, true);
        SolverRun full = run(p, new BcdSettings(2.0, 0.2, 12, 1e-300, false), 1, null);
        SolverRun step = run(p, new BcdSettings(2.0, 0.2, 1, 1e-300, false), 1, null);
        for (int t = 1; t < 12; t++) {
            step = run(p, new BcdSettings(2.0, 0.2, 1, 1e-300, false), 1, step.beta());
        }
        for (int i = 0; i < p.n; i++) {
            assertArrayEquals(full.beta()[i], step.beta()[i], 0.0);
        }
    }

    @Test
    void warmStartIsClippedAtZero() {
        RandomProblem p = new RandomProblem(32, 12, 3, 5, 0.2, 0, true);
        double[][] start = new double[12][3];
        double[][] clipped = new double[12][3];
        for (int i = 0; i < 12; i++) {
            for (int k = 0; k < 3; k++) {
                start[i][k] = (i + k) % 2 == 0 ? -0.5 * (i + 1) : 0.1 * (k + 1);
                clipped[i][k] = Math.max(0, start[i][k]);
            }
        }
        start[3][1] = Double.NaN;
        clipped[3][1] = 0;
        BcdSettings zero = new BcdSettings(1.0, 0.1, 0, 1e-4, false);
        SolverRun r = run(p, zero, 1, start);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(clipped[i], r.beta()[i], 0.0);
        }
        BcdSettings s = new BcdSettings(1.0, 0.1, 50, 1e-6, false);
        SolverRun a = run(p, s, 1, start);
        SolverRun b = run(p, s, 1, clipped);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(b.beta()[i], a.beta()[i], 0.0);
        }
    }

    @Test
    void zeroSweepsReturnTheUniformStart() {
        RandomProblem p = new RandomProblem(33, 10, 4, 5, 0.2, 0, true);
        SolverRun r = run(p, new BcdSettings(1.0, 0.1, 0, 1e-4, true), 1, null);
        for (double[] row : r.beta()) {
            assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, row, 0.0);
        }
        assertFalse(r.info().converged());
        assertEquals(0, r.info().iterations());
        assertEquals(0.0, r.info().finalChange());
        assertTrue(r.info().objectives().isEmpty());
        assertEquals(NaiveBcd.objective(p, r.beta(), 1.0, 0.1), r.info().finalObjective(), 1e-9);
    }

    @Test
    void anEmptyProblemConvergesImmediately() {
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            MemorySegment ptr = arena.allocate(Layouts.I64, 1);
            BcdProblem p = new BcdProblem(0, 3, MemorySegment.NULL, new double[9], ptr, MemorySegment.NULL, 0);
            SolveInfo info = BCD.solve(p, new BcdSettings(1, 0, 10, 1e-4, false), null, MemorySegment.NULL,
                    MemorySegment.NULL, ex, Progress.NONE);
            assertEquals(new SolveInfo(true, 0, 0, 0, List.of()), info);
        }
    }

    @Test
    void betaIsBitIdenticalForOneTwoAndThreeThreads() {
        // several solver blocks (2048 spots each) and objective blocks
        RandomProblem p = new RandomProblem(40, 9000, 5, 6, 0.0, 13, true);
        BcdSettings s = new BcdSettings(3.0, 0.2, 15, 1e-300, true);
        SolverRun one = run(p, s, 1, null);
        for (int threads : new int[] {2, 3}) {
            SolverRun other = run(p, s, threads, null);
            for (int i = 0; i < p.n; i++) {
                assertArrayEquals(one.beta()[i], other.beta()[i], 0.0);
            }
            assertEquals(one.info(), other.info());
        }
    }

    @Test
    void reportsEverySweepToProgress() {
        RandomProblem p = new RandomProblem(41, 20, 3, 5, 0.2, 0, true);
        List<Double> changes = new ArrayList<>();
        List<Integer> sweeps = new ArrayList<>();
        Progress listener = new Progress() {
            @Override
            public void sweep(int iteration, double relativeChange) {
                sweeps.add(iteration);
                changes.add(relativeChange);
            }
        };
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            BcdProblem bp = p.offHeap(arena);
            MemorySegment beta = arena.allocate(Layouts.F64, 60);
            MemorySegment work = arena.allocate(Layouts.F64, 60);
            SolveInfo info = BCD.solve(bp, new BcdSettings(1, 0.1, 100, 1e-5, false), null, beta, work, ex,
                    listener);
            assertEquals(info.iterations(), sweeps.size());
            assertEquals(1, sweeps.get(0));
            assertEquals(info.finalChange(), changes.get(changes.size() - 1), 0.0);
        }
    }

    private static double[][] uniform(RandomProblem p) {
        double[][] b = new double[p.n][p.k];
        for (double[] row : b) {
            java.util.Arrays.fill(row, 1.0 / p.k);
        }
        return b;
    }
}
