package org.flashdeconv.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlashDeconvOptionsTest {

    @Test
    void defaultsAreThoseOfTheSpec() {
        FlashDeconvOptions o = FlashDeconvOptions.defaults();
        assertEquals(512, o.sketchDim());
        assertEquals(List.of(LambdaSpec.AUTO), o.lambdas());
        assertEquals(0.01, o.rhoSparsity());
        assertEquals(2000, o.nHvg());
        assertEquals(50, o.nMarkersPerType());
        assertEquals(SpatialMethod.KNN, o.spatialMethod());
        assertEquals(6, o.kNeighbors());
        assertEquals(OptionalDouble.empty(), o.radius());
        assertEquals(1000, o.maxIter());
        assertEquals(1e-4, o.tol());
        assertEquals(Preprocess.LOG_CPM, o.preprocess());
        assertEquals(GeneWeighting.EXPECTED, o.geneWeighting());
        assertEquals(OptionalLong.of(0), o.randomState());
        assertEquals(false, o.verbose());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
        assertEquals(SolverType.BLOCK, o.solver());
    }

    private static String rejected(UnaryOperator<FlashDeconvOptions.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(FlashDeconvOptions.builder()).build())
                .getMessage();
    }

    @Test
    void rejectsEachInvalidParameterNamingIt() {
        assertEquals("sketch_dim must be an integer >= 1, found 0", rejected(b -> b.sketchDim(0)));
        assertEquals("k_neighbors must be >= 0, found -1", rejected(b -> b.kNeighbors(-1)));
        assertEquals("max_iter must be >= 0, found -3", rejected(b -> b.maxIter(-3)));
        assertEquals("tol must be a finite number > 0, found 0.0", rejected(b -> b.tol(0)));
        assertEquals("tol must be a finite number > 0, found NaN", rejected(b -> b.tol(Double.NaN)));
        assertEquals("lambda_spatial must be 'auto' or a finite number >= 0, found NaN",
                rejected(b -> b.lambda(Double.NaN)));
        assertEquals("lambda_spatial must be 'auto' or a finite number >= 0, found -1.0",
                rejected(b -> b.lambda(-1)));
        assertEquals("lambda_spatial needs at least one value ('auto' or a number >= 0)",
                rejected(b -> b.lambdas(List.of())));
        assertEquals("rho_sparsity must be a finite number >= 0, found -0.1", rejected(b -> b.rhoSparsity(-0.1)));
        assertEquals("n_hvg must be >= 0, found -1", rejected(b -> b.nHvg(-1)));
        assertEquals("n_markers_per_type must be >= 0, found -2", rejected(b -> b.nMarkersPerType(-2)));
        assertEquals("spatial_method must be one of knn, radius, grid, found null",
                rejected(b -> b.spatialMethod(null)));
        assertEquals("radius is required when spatial_method is radius",
                rejected(b -> b.spatialMethod(SpatialMethod.RADIUS)));
        assertEquals("radius must be a finite number > 0, found 0.0", rejected(b -> b.radius(0)));
        assertEquals("radius must be a finite number > 0, found -2.0",
                rejected(b -> b.spatialMethod(SpatialMethod.GRID).radius(-2)));
        assertEquals("preprocess must be one of log_cpm, pearson, raw, found null", rejected(b -> b.preprocess(null)));
        assertEquals("gene_weighting must be one of expected, countsketch, found null",
                rejected(b -> b.geneWeighting(null)));
        assertEquals("random_state must be in [0, 4294967295] with gene_weighting countsketch, found 4294967296",
                rejected(b -> b.geneWeighting(GeneWeighting.COUNTSKETCH).randomState(1L << 32)));
        assertEquals("random_state must be in [0, 4294967295] with gene_weighting countsketch, found -1",
                rejected(b -> b.geneWeighting(GeneWeighting.COUNTSKETCH).randomState(-1)));
        assertEquals("threads must be >= 1, found 0", rejected(b -> b.threads(0)));
    }

    @Test
    void reportsTheFirstInvalidParameterInSpecOrder() {
        assertTrue(rejected(b -> b.nHvg(-1).sketchDim(-5)).startsWith("sketch_dim"));
        assertTrue(rejected(b -> b.rhoSparsity(-1).lambda(-1)).startsWith("lambda_spatial"));
    }

    @Test
    void acceptsBoundaryValuesAndSeveralLambdas() {
        FlashDeconvOptions o = FlashDeconvOptions.builder().sketchDim(1).kNeighbors(0).maxIter(0).lambda(0)
                .rhoSparsity(0).nHvg(0).nMarkersPerType(0).spatialMethod(SpatialMethod.RADIUS).radius(1e-9)
                .geneWeighting(GeneWeighting.COUNTSKETCH).randomState(4294967295L).threads(1).build();
        assertEquals(List.of(LambdaSpec.of(0)), o.lambdas());
        assertEquals(4294967295L, o.randomState().getAsLong());
        // random_state outside 32 bits is only an error for countsketch (spec 2.1 item 7)
        assertEquals(-1, FlashDeconvOptions.builder().randomState(-1).build().randomState().getAsLong());
        FlashDeconvOptions multi = FlashDeconvOptions.builder().lambdas(LambdaSpec.parseList("auto,100, 5e3"))
                .build();
        assertEquals(List.of(LambdaSpec.AUTO, LambdaSpec.of(100), LambdaSpec.of(5000)), multi.lambdas());
        FlashDeconvOptions copy = multi.toBuilder().tol(1e-6).build();
        assertEquals(multi.lambdas(), copy.lambdas());
        assertEquals(1e-6, copy.tol());
        assertEquals(1e-4, multi.tol());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"abc", "-1", "NaN", "Infinity", "''", "1,,2"})
    void lambdaTextThatIsNotAutoOrANonNegativeNumberIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LambdaSpec.parseList(text));
        assertTrue(e.getMessage().startsWith("lambda_spatial must be 'auto' or a finite number >= 0"), e.getMessage());
    }
}
