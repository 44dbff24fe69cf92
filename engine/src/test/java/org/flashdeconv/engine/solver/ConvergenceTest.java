package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11.2: "converged" means close to the optimum. Over λ from 0 to 1e10, a solve at the default tolerance
 * that says it converged (block) or optimal (reference) is within a small distance of a tight-tolerance solution;
 * one that is not says so. A large λ no longer stops the block solver after one sweep at its 1/K start.
 */
class ConvergenceTest {
    private static final double RHO = 0.1;

    /** A connected chain of 24 spots, 4 correlated types. */
    private static final RandomProblem P = new RandomProblem(21, 24, 4, 9, 0.0, 0, true, 0.5, false);

    @ParameterizedTest(name = "lambda {0}")
    @ValueSource(doubles = {0, 1e-2, 1, 1e2, 1e4, 1e6, 1e10})
    void aConvergedSolveIsCloseToTheTightSolution(double lambda) {
        double[][] truth = tight(lambda);
        double scale = Arrays.stream(truth).flatMapToDouble(Arrays::stream).max().orElseThrow();
        for (Solver solver : new Solver[] {Solver.block(), Solver.reference()}) {
            SolverRun r = SolverRun.of(solver, P, new BcdSettings(lambda, RHO, 1000, 1e-4, false), 2, null);
            double error = maxDiff(r.beta(), truth) / scale;
            String what = solver.getClass().getSimpleName() + " lambda " + lambda + ": error " + error + " residual "
                    + r.info().residual() + " after " + r.info().iterations() + " sweeps";
            assertEquals(r.info().residual() < 1e-4, r.info().optimal(), what);
            if (solver == Solver.block()) {
                assertEquals(r.info().optimal(), r.info().converged(), "block converges only when optimal: " + what);
            }
            if (r.info().optimal()) {
                assertTrue(error < 1e-2, what);
            } else {
                assertTrue(error > 1e-6, "not optimal, yet at the optimum? " + what);
            }
            if (lambda >= 1e6 && solver == Solver.block()) {
                assertFalse(r.info().converged() && r.info().iterations() == 1, what);
            }
        }
    }

    /**
     * The solution at tol 1e-12. For a large λ the block solver starts from the consensus β (every spot the same:
     * the limit λ → ∞ on a connected graph), from which it converges; from 1/K it would take millions of sweeps.
     */
    private static double[][] tight(double lambda) {
        double[][] start = null;
        if (lambda >= 1e4) {
            double[] c = consensus();
            start = new double[P.n][];
            Arrays.setAll(start, i -> c.clone());
        }
        SolverRun r = SolverRun.of(Solver.block(), P, new BcdSettings(lambda, RHO, 50_000, 1e-12, false), 1, start);
        assertTrue(r.info().residual() < 1e-6, "tight solve residual " + r.info().residual());
        return r.beta();
    }

    /** argmin_{c ≥ 0} Σ_i ½ c'Gc − h_i'c + ρ Σ c, by cyclic coordinate descent to machine precision. */
    private static double[] consensus() {
        int k = P.k;
        double[] hs = new double[k];
        for (double[] row : P.h) {
            for (int t = 0; t < k; t++) {
                hs[t] += row[t];
            }
        }
        double[] c = new double[k];
        for (int sweep = 0; sweep < 200_000; sweep++) {
            for (int t = 0; t < k; t++) {
                double rest = 0;
                for (int l = 0; l < k; l++) {
                    rest += l == t ? 0 : P.gram[t][l] * c[l];
                }
                c[t] = Math.max(0, (hs[t] / P.n - RHO - rest) / P.gram[t][t]);
            }
        }
        return c;
    }

    private static double maxDiff(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                m = Math.max(m, Math.abs(a[i][k] - b[i][k]));
            }
        }
        return m;
    }
}
