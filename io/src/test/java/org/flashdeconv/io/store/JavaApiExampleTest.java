package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flashdeconv.engine.FitInput;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.PreparedProblem;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Java API" examples, as written there (printing replaced by assertions): one λ from arrays in
 * memory, then several λ from a store, each result handed to a consumer in the options' order.
 */
class JavaApiExampleTest {
    @TempDir
    Path dir;

    private final SparseFixture fixture = new SparseFixture(90, 40, 0.4, true, 11);
    private final double[][] signatures = signatures(3, fixture.genes());

    private static double[][] signatures(int types, int genes) {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = new double[types][genes];
        for (double[] row : x) {
            for (int g = 0; g < genes; g++) {
                row[g] = rnd.nextDouble(0.1, 20);
            }
        }
        return x;
    }

    @Test
    void oneLambdaFromArrays() {
        double[][] counts = fixture.dense;
        double[][] coordinates = fixture.coords;
        // docs/algorithm.md §1 defaults otherwise
        FlashDeconvOptions options = FlashDeconvOptions.builder()
                .preprocess(Preprocess.LOG_CPM).kNeighbors(6).threads(2).build();
        try (FitResult fit = FlashDeconv.fit(counts /* double[spot][gene] or CsrArrays */,
                signatures /* [type][gene] */, coordinates /* [spot][x,y] */, List.of("B", "T", "Tumour"), options)) {
            double[][] proportions = fit.copyProportions();      // or fit.proportions(): an off-heap N x K view
            int[] dominant = fit.copyDominantCellType();
            assertEquals(fixture.spots(), proportions.length);
            assertEquals(fixture.spots(), dominant.length);
            assertEquals(List.of("B", "T", "Tumour"), fit.cellTypeNames());
            assertEquals(fixture.spots(), fit.summary().nSpots());              // lambda used, iterations, ...
            assertTrue(fit.summary().lambdaSpatial() > 0, fit.summary().toString());
        }
    }

    @Test
    void severalLambdasFromAStore() throws IOException {
        Path path = dir.resolve("slide.fdstore");
        StoreWriterTest.write(fixture, path, true);
        List<String> names = List.of("B", "T", "Tumour");
        List<LambdaSpec> requested = new ArrayList<>();
        List<Double> used = new ArrayList<>();
        try (CountStore store = CountStore.open(path)) {
            FlashDeconvOptions options = FlashDeconvOptions.builder()
                    .lambdas(LambdaSpec.parseList("auto,auto*3,100")).build();   // AUTO, autoTimes(3), of(100)
            FitInput input = FitInput.of(store.csr(), signatures, store.coords().orElseThrow())
                    .withCellTypeNames(names);
            try (PreparedProblem problem = FlashDeconv.prepare(input, options, Progress.NONE)) {
                problem.solveEach(fit -> {   // in the options' order; fit is closed after this call
                    requested.add(fit.lambdaRequested());
                    used.add(fit.lambdaUsed());
                });
            }
        }
        assertEquals(List.of(LambdaSpec.AUTO, LambdaSpec.autoTimes(3), LambdaSpec.of(100)), requested);
        assertEquals(3 * used.get(0), used.get(1), 0.0);
        assertEquals(100.0, used.get(2));
    }
}
