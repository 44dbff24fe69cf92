package org.flashdeconv.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flashdeconv.engine.testing.ParityFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** End-to-end parity with every fixture configuration, tolerances of docs/algorithm.md §13.2 and the fixture README. */
class ParityTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.flashdeconv.engine.testing.ParityFixture#configurations")
    void reproducesTheExpectedOutputs(String caseName, String config) {
        ParityComparison.Figures f = ParityComparison.compare(caseName, config, 2);
        assertAll(
                () -> assertTrue(f.hvg(), "HVG list"),
                () -> assertTrue(f.markers(), "marker list"),
                () -> assertTrue(f.genes(), "selected genes"),
                () -> assertTrue(f.sketchDraws(), "sketch buckets and signs"),
                () -> assertTrue(f.weightsRel() <= 1e-10, "weights or sketch values " + f.weightsRel()),
                () -> assertTrue(f.leverageRel() <= 1e-10, "leverage " + f.leverageRel()),
                () -> assertTrue(f.edges(), "graph edges"),
                () -> assertEquals(f.expectedEdges(), f.graph().undirectedEdges(), "edge count"),
                () -> assertEquals(f.expectedMeanDegree(), f.graph().meanDegree(), 1e-15, "mean degree"),
                () -> assertArrayEquals(f.expectedHistogram(), f.graph().degreeHistogram(), "degree histogram"),
                () -> assertTrue(f.gramRel() <= 1e-10, "gram " + f.gramRel()),
                () -> assertTrue(f.gramDiagMeanRel() <= 1e-10, "gram diag mean " + f.gramDiagMeanRel()),
                () -> assertTrue(f.yrSqNormRel() <= 1e-10, "||Yr||^2 " + f.yrSqNormRel()),
                () -> assertTrue(f.lambdaRel() <= 1e-12, "lambda " + f.lambdaRel()),
                () -> assertTrue(f.rhoEffRel() <= 1e-10, "rho_eff " + f.rhoEffRel()),
                () -> assertTrue(f.traceChangeRel() <= 1e-6, "trace rel_change " + f.traceChangeRel()),
                () -> assertTrue(f.traceObjectiveRel() <= 1e-10, "trace objective " + f.traceObjectiveRel()),
                () -> assertEquals(f.expectedIterations(), f.iterations(), "iterations"),
                () -> assertTrue(f.converged(), "converged"),
                () -> assertTrue(f.betaAbs() <= 1e-9, "beta " + f.betaAbs()),
                () -> assertTrue(f.proportionsAbs() <= 1e-9, "proportions " + f.proportionsAbs()),
                () -> assertTrue(f.dominant(), "dominant"),
                () -> assertTrue(f.objectiveRel() <= 1e-10, "final objective " + f.objectiveRel()));
    }
}
