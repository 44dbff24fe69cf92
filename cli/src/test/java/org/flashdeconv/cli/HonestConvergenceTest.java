package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.2 through the command line: a large λ no longer gives "converged after 1 sweep" at the 1/K start; the
 * console, summary.json and the warnings say when the result is not at the optimum.
 */
class HonestConvergenceTest extends CatalogueCase {

    @Test
    void aHugeLambdaIsReportedAsNotConverged() throws IOException {
        for (String lambda : new String[] {"1e10", "1e6"}) {
            Result r = deconvolve(new TinySlide(24), "--model", "flashdeconv", "--lambda", lambda, "--max-iter", "50");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("NOT converged after 50 sweeps"), r.out());
            String s = summary();
            assertTrue(s.contains("\"converged\": false") && s.contains("\"optimal\": false"), s);
            assertTrue(s.contains("the solver stopped before the optimum after 50 sweeps"), s);
        }
    }

    @Test
    void theReferenceSolverSaysWhenItsChangeRuleStoppedEarly() throws IOException {
        Result r = deconvolve(new TinySlide(24), "--model", "flashdeconv", "--lambda", "1e10", "--solver", "reference");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stopped by the change rule but NOT optimal after 1 sweeps"), r.out());
        assertTrue(summary().contains("\"optimal\": false"), summary());
    }

    @Test
    void anOrdinaryRunIsConvergedAndOptimal() throws IOException {
        for (String solver : new String[] {"block", "reference"}) {
            Result r = deconvolve(new TinySlide(24), "--solver", solver, "--tol", "1e-6", "--max-iter", "5000");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains(": 24 spots, 3 cell types, ") && r.out().contains(", converged after "),
                    r.out());
            assertTrue(summary().contains("\"optimal\": true"), summary());
        }
    }
}
