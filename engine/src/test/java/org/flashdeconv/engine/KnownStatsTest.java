package org.flashdeconv.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.testing.ParityFixture;
import org.junit.jupiter.api.Test;

/** Preparing with statistics known from an earlier run (the store's cache) skips pass 1 and changes nothing. */
class KnownStatsTest {

    private static final ParityFixture F = ParityComparison.fixture(ParityFixture.UPSTREAM);

    @Test
    void knownStatisticsGiveTheSameBitsAsComputingThem() {
        FlashDeconvOptions o = FlashDeconvOptions.builder().threads(2).build();
        try (Arena arena = Arena.ofShared()) {
            CsrView y = Inputs.toView(Inputs.fromDense(F.counts), arena);
            CoordsView c = Inputs.toView(F.coords, arena);
            try (PreparedProblem first = FlashDeconv.prepare(FitInput.of(y, F.signatures, c), o, Progress.NONE);
                 FitResult a = first.solve(LambdaSpec.AUTO)) {
                GeneStats stats = first.geneStats();
                assertEquals(F.counts.length, stats.spots());
                int[] counted = new int[1];
                Progress watch = new Progress() {
                    @Override
                    public void start(String stage, long total) {
                        if (stage.equals("gene statistics")) {
                            counted[0]++;
                        }
                    }
                };
                try (PreparedProblem again = FlashDeconv.prepare(FitInput.of(y, F.signatures, c).withKnownStats(stats), o,
                        watch);
                     FitResult b = again.solve(LambdaSpec.AUTO)) {
                    assertEquals(0, counted[0], "pass 1 must be skipped");
                    assertSame(stats, again.geneStats());
                    assertArrayEquals(a.copyAbundances(), b.copyAbundances());
                    assertArrayEquals(a.geneIndices(), b.geneIndices());
                    assertEquals(a.info(), b.info());
                }
                GeneStats wrong = new GeneStats(stats.spots() - 1, stats.genes(), stats.sumLog(), stats.sumLogSq(),
                        stats.sumRaw(), 0);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> FlashDeconv.prepare(FitInput.of(y, F.signatures, c).withKnownStats(wrong), o,
                                Progress.NONE));
                assertTrue(e.getMessage().contains("known gene statistics"), e.getMessage());
            }
        }
    }
}
