package org.flashdeconv.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.util.List;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class InputValidationTest {

    private static final FlashDeconvOptions OPTIONS = FlashDeconvOptions.builder().threads(1).build();
    private static final double[][] COUNTS = {{1, 0, 2}, {0, 3, 1}};
    private static final double[][] SIGS = {{1, 2, 3}, {3, 2, 1}};
    private static final double[][] COORDS = {{0, 0}, {1, 0}};

    private static String rejected(double[][] y, double[][] x, double[][] c, List<String> names) {
        return assertThrows(IllegalArgumentException.class, () -> FlashDeconv.fit(y, x, c, names, OPTIONS))
                .getMessage();
    }

    @Test
    void rejectsBadInputsInSpecOrderNamingThem() {
        assertEquals("counts must be two-dimensional: row 1 has 2 values, row 0 has 3",
                rejected(new double[][] {{1, 0, 2}, {0, 3}}, SIGS, COORDS, null));
        assertEquals("coordinates must be two-dimensional: row 1 has 1 values, row 0 has 2",
                rejected(COUNTS, SIGS, new double[][] {{0, 0}, {1}}, null));
        assertEquals("coordinates must have at least one column, found 0",
                rejected(COUNTS, SIGS, new double[][] {{}, {}}, null));
        assertEquals("gene dimension mismatch: the signatures have 2 genes but the counts have 3 (expected the "
                + "same genes in the same order)", rejected(COUNTS, new double[][] {{1, 2}, {2, 1}}, COORDS, null));
        assertEquals("spot count mismatch: the coordinates have 3 rows but the counts have 2 spots",
                rejected(COUNTS, SIGS, new double[][] {{0, 0}, {1, 0}, {2, 0}}, null));
        assertEquals("at least one spot is needed, found 0",
                rejected(new double[0][], SIGS, new double[0][], null));
        assertEquals("at least one cell type is needed, found 0 signature rows",
                rejected(COUNTS, new double[0][], COORDS, null));
        assertEquals("signatures: value NaN at cell type 1 (B), gene 2 (expected finite and >= 0)",
                rejected(COUNTS, new double[][] {{1, 2, 3}, {3, 2, Double.NaN}}, COORDS, List.of("A", "B")));
        assertEquals("signatures: value -1.0 at cell type 0, gene 1 (expected finite and >= 0)",
                rejected(COUNTS, new double[][] {{1, -1, 3}, {3, 2, 1}}, COORDS, null));
        assertEquals("coordinates: value Infinity at spot 1, column 0 (expected a finite number)",
                rejected(COUNTS, SIGS, new double[][] {{0, 0}, {Double.POSITIVE_INFINITY, 0}}, null));
        assertEquals("cell type names: 3 given for 2 signature rows",
                rejected(COUNTS, SIGS, COORDS, List.of("A", "B", "C")));
    }

    @Test
    void rejectsMalformedCsrArrays() {
        String m = assertThrows(IllegalArgumentException.class, () -> FlashDeconv.fit(
                new CsrArrays(new long[] {0, 2, 3}, new int[] {1, 0, 2}, new double[] {1, 1, 1}, 3), SIGS, COORDS,
                null, OPTIONS)).getMessage();
        assertEquals("counts CSR: row 0 has column 0 out of order or outside [0, 3)", m);
        m = assertThrows(IllegalArgumentException.class, () -> FlashDeconv.fit(
                CsrArrays.of(new int[] {0, 2, 4}, new int[] {1, 2, 2}, new double[] {1, 1, 1}, 3), SIGS, COORDS,
                null, OPTIONS)).getMessage();
        assertEquals("counts CSR: rowPtr ends at 4 but colIdx has 3 and values 3 entries", m);
    }

    @Test
    void severalLambdasNeedPrepare() {
        FlashDeconvOptions two = OPTIONS.toBuilder().lambdas(LambdaSpec.parseList("auto,1")).build();
        assertEquals("lambda_spatial holds 2 values; fit solves one, use prepare(...).solveEach(...)",
                assertThrows(IllegalArgumentException.class, () -> FlashDeconv.fit(COUNTS, SIGS, COORDS, null, two))
                        .getMessage());
    }

    @Test
    void warnsAboutAnAllZeroSignatureAndKAboveNMinusOne() {
        try (Arena arena = Arena.ofShared()) {
            List<String> w = Inputs.validate(TestMatrices.csr(COUNTS, arena), new double[][] {{1, 2, 3}, {0, 0, 0}},
                    TestMatrices.coords(COORDS, arena), List.of("A", "B"), OPTIONS);
            assertEquals(List.of("cell type 1 (B) has an all-zero signature",
                    "k_neighbors 6 exceeds N - 1 = 1; every spot is linked to all others"), w);
        }
    }
}
