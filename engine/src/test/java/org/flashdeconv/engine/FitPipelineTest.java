package org.flashdeconv.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.testing.ParityFixture;
import org.junit.jupiter.api.Test;

/** The pipeline end to end on the small upstream fixture: input forms, several λ, spots without counts. */
class FitPipelineTest {

    private static final ParityFixture F = ParityComparison.fixture(ParityFixture.UPSTREAM);
    private static final FlashDeconvOptions OPTIONS = ParityComparison.options(
            F.expected("v020-expected").params(), 2).toBuilder().verbose(false).build();

    private static CsrArrays csr(double[][] dense) {
        return Inputs.fromDense(dense);
    }

    @Test
    void denseAndCsrInputsGiveTheSameBits() {
        try (FitResult dense = FlashDeconv.fit(F.counts, F.signatures, F.coords, F.cellTypes, OPTIONS);
             FitResult sparse = FlashDeconv.fit(csr(F.counts), F.signatures, F.coords, F.cellTypes, OPTIONS)) {
            assertArrayEquals(dense.copyAbundances(), sparse.copyAbundances());
            assertArrayEquals(dense.geneIndices(), sparse.geneIndices());
            assertEquals(dense.info(), sparse.info());
            assertEquals(19, dense.info().iterations());
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        try (FitResult one = FlashDeconv.fit(F.counts, F.signatures, F.coords, null,
                OPTIONS.toBuilder().threads(1).build());
             FitResult three = FlashDeconv.fit(F.counts, F.signatures, F.coords, null,
                     OPTIONS.toBuilder().threads(3).build())) {
            assertArrayEquals(one.copyAbundances(), three.copyAbundances());
            assertEquals(one.info(), three.info());
            assertEquals(List.of("CellType_0", "CellType_1", "CellType_2", "CellType_3"), one.cellTypeNames());
        }
    }

    @Test
    void severalLambdasReuseThePreparationAndWarmStart() {
        FlashDeconvOptions multi = OPTIONS.toBuilder().lambdas(LambdaSpec.parseList("auto,5,0,auto*3")).tol(1e-9)
                .build();
        try (PreparedProblem p = FlashDeconv.prepare(F.counts, F.signatures, F.coords, F.cellTypes, multi);
             FitResult cold = p.solve(LambdaSpec.of(5))) {
            List<FitResult> seen = new ArrayList<>();
            List<double[][]> abundances = new ArrayList<>();
            p.solveEach(fit -> {
                seen.add(fit);
                abundances.add(fit.copyAbundances());
                assertEquals(multi.lambdas().get(seen.size() - 1), fit.lambdaRequested());
                assertEquals(fit.lambdaRequested(), fit.summary().lambdaRequested());
                switch (seen.size()) {
                    case 1 -> {
                        assertEquals(p.lambdaFor(LambdaSpec.AUTO), fit.lambdaUsed());
                        assertEquals(0.3838012755445189, fit.lambdaUsed(), 1e-12 * 0.39);
                    }
                    case 2 -> {
                        assertEquals(5.0, fit.lambdaUsed());
                        // the warm start reaches the same minimiser as a cold start, in fewer sweeps
                        assertTrue(fit.info().iterations() < cold.info().iterations(),
                                fit.info().iterations() + " vs " + cold.info().iterations());
                        assertEquals(cold.info().finalObjective(), fit.info().finalObjective(),
                                1e-9 * cold.info().finalObjective());
                    }
                    case 3 -> assertEquals(0.0, fit.lambdaUsed());
                    default -> assertEquals(3 * p.lambdaFor(LambdaSpec.AUTO), fit.lambdaUsed());
                }
            });
            assertEquals(4, seen.size());
            // each result is closed once the next λ has started from it (and the last one at the end)
            for (FitResult fit : seen) {
                assertThrows(IllegalStateException.class, () -> fit.proportions().get(Layouts.F64, 0));
            }
            double[][] a = abundances.get(1);
            double[][] b = cold.copyAbundances();
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(b[i], a[i], 1e-5);
            }
        }
    }

    @Test
    void releasingAfterTheLastLambdaGivesTheSameResultsAndEndsTheProblem() {
        FlashDeconvOptions multi = OPTIONS.toBuilder().lambdas(LambdaSpec.parseList("auto,5")).build();
        List<double[][]> kept = new ArrayList<>();
        List<double[][]> released = new ArrayList<>();
        try (PreparedProblem p = FlashDeconv.prepare(F.counts, F.signatures, F.coords, F.cellTypes, multi)) {
            p.solveEach(fit -> kept.add(fit.copyProportions()));
            p.solveEachThenRelease(fit -> {
                released.add(fit.copyProportions());
                assertEquals(fit.spots(), fit.dominantCellType().byteSize() / Integer.BYTES);
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.solve(LambdaSpec.AUTO));
            assertTrue(e.getMessage().contains("released"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> p.solveEach(fit -> { }));
        }
        assertEquals(2, released.size());
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < kept.get(l).length; i++) {
                assertArrayEquals(kept.get(l)[i], released.get(l)[i], 0.0);
            }
        }
    }

    @Test
    void aConsumerFailureStopsTheLoopAndClosesTheResults() {
        FlashDeconvOptions multi = OPTIONS.toBuilder().lambdas(LambdaSpec.parseList("auto,5,0")).build();
        try (PreparedProblem p = FlashDeconv.prepare(F.counts, F.signatures, F.coords, F.cellTypes, multi)) {
            List<FitResult> seen = new ArrayList<>();
            IOException e = assertThrows(IOException.class, () -> p.solveEach(fit -> {
                seen.add(fit);
                if (seen.size() == 2) {
                    throw new IOException("disk full");
                }
            }));
            assertEquals("disk full", e.getMessage());
            assertEquals(2, seen.size());
            for (FitResult fit : seen) {
                assertThrows(IllegalStateException.class, () -> fit.proportions().get(Layouts.F64, 0));
            }
        }
    }


    @Test
    void spotsWithoutCountsKeepTheirPlaceAndGetNaNProportions() {
        double[][] counts = new double[F.counts.length][];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = F.counts[i].clone();
        }
        java.util.Arrays.fill(counts[7], 0);
        java.util.Arrays.fill(counts[42], 0);
        try (FitResult r = FlashDeconv.fit(counts, F.signatures, F.coords, F.cellTypes, OPTIONS)) {
            assertEquals(2, r.summary().zeroCountSpots());
            assertTrue(r.warnings().contains("2 spots have no counts; their proportions are NaN"), r.warnings()
                    .toString());
            assertTrue(r.hasNoCounts(7));
            assertTrue(r.hasNoCounts(42));
            assertFalse(r.hasNoCounts(8));
            double[][] p = r.copyProportions();
            int[] dom = r.copyDominantCellType();
            for (int i = 0; i < p.length; i++) {
                if (i == 7 || i == 42) {
                    assertTrue(Double.isNaN(p[i][0]) && Double.isNaN(p[i][3]));
                    assertEquals(-1, dom[i]);
                } else {
                    assertEquals(1.0, p[i][0] + p[i][1] + p[i][2] + p[i][3], 1e-12);
                    assertTrue(dom[i] >= 0);
                }
            }
        }
    }

    @Test
    void spotsPushedToZeroAreFlaggedNoFitNeverGivenAUniformRow() {
        // a huge ρ soft-thresholds every abundance to zero: every spot has counts but no fit
        for (String solver : List.of("block", "reference")) {
            FlashDeconvOptions o = FlashDeconvOptions.builder().rhoSparsity(1e9).threads(1)
                    .solver(SolverType.valueOf(solver.toUpperCase(java.util.Locale.ROOT))).build();
            try (FitResult r = FlashDeconv.fit(F.counts, F.signatures, F.coords, F.cellTypes, o)) {
                assertEquals(r.spots(), r.noFitSpots(), solver);
                assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no_fit")), r.warnings().toString());
                for (long i = 0; i < r.spots(); i++) {
                    assertEquals(SpotStatus.NO_FIT, r.status(i));
                    assertFalse(r.hasResult(i));
                    assertEquals(FitResult.NO_DOMINANT, r.copyDominantCellType()[(int) i]);
                    assertTrue(Double.isNaN(r.copyProportions()[(int) i][0]));
                }
            }
        }
        try (FitResult r = FlashDeconv.fit(F.counts, F.signatures, F.coords, F.cellTypes, OPTIONS)) {
            assertEquals(0, r.noFitSpots());
            assertTrue(r.hasResult(0));
            assertEquals(SpotStatus.OK, r.status(0));
        }
    }

    @Test
    void tinyInputsFitWithTheSpecRules() {
        java.util.Random rnd = new java.util.Random(3);
        double[][] counts = new double[4][20];
        double[][] sig = new double[2][20];
        for (int g = 0; g < 20; g++) {
            for (double[] row : counts) {
                row[g] = rnd.nextInt(4);
            }
            sig[0][g] = 1 + rnd.nextInt(9);
        }
        double[][] xy = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        FlashDeconvOptions small = FlashDeconvOptions.builder().nHvg(10).nMarkersPerType(5).threads(1).build();
        try (FitResult r = FlashDeconv.fit(counts, sig, xy, null, small)) {
            // k = 6 > N - 1 = 3: every spot links to the three others
            assertEquals(6, r.graph().undirectedEdges());
            assertEquals(List.of("cell type 1 has an all-zero signature",
                    "k_neighbors 6 exceeds N - 1 = 3; every spot is linked to all others"), r.warnings());
            for (double[] p : r.copyProportions()) {
                assertEquals(1.0, p[0] + p[1], 1e-15);
            }
        }
        try (FitResult one = FlashDeconv.fit(new double[][] {counts[0]}, new double[][] {sig[0]},
                new double[][] {{3, 4, 5}}, List.of("only"), small)) {
            assertEquals(0, one.graph().undirectedEdges());
            assertEquals(0.005 * one.gram()[0][0], one.lambdaUsed(), 0.0); // mean degree floored at 1
            assertArrayEquals(new double[] {1.0}, one.copyProportions()[0]);
            assertEquals(0, one.copyDominantCellType()[0]);
        }
    }

    @Test
    void theSummaryCarriesTheRecordAndTheViewsCloseWithTheResult() {
        FitResult r = FlashDeconv.fit(F.counts, F.signatures, F.coords, F.cellTypes, OPTIONS);
        FitSummary s = r.summary();
        assertEquals(100, s.nSpots());
        assertEquals(4, s.nCellTypes());
        assertEquals(172, s.nGenesUsed());
        assertEquals(172, s.representationDim());
        assertEquals(r.lambdaUsed(), s.lambdaSpatial());
        assertEquals(0.01 * s.gramDiagMean(), s.rhoEff(), 0.0);
        assertEquals(382, r.graph().undirectedEdges());
        assertEquals(0, s.zeroCountSpots());
        assertTrue(s.times().solverMs() >= 0);
        assertEquals(r.proportions().getAtIndex(Layouts.F64, 5), r.copyProportions()[1][1]);
        r.close();
        assertThrows(IllegalStateException.class, () -> r.proportions().getAtIndex(Layouts.F64, 0));
        assertEquals(172, r.geneIndices().length); // the heap record stays readable
    }
}
