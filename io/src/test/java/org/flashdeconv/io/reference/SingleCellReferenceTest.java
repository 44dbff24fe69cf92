package org.flashdeconv.io.reference;

import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.flashdeconv.io.testdata.TestInputs.truth;
import static org.flashdeconv.io.testdata.TestInputs.truthMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.flashdeconv.io.h5.H5FormatException;
import org.flashdeconv.io.h5.H5adSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleCellReferenceTest {
    private static final List<String> TYPES = List.of("B cell", "Macrophage", "T cell");

    /** The naive per-type mean over truth.txt's cells, for types with at least minCells labelled cells. */
    private static double[][] naiveMeans(int minCells) {
        String[] labels = truth("ref_labels");
        double[][] counts = truthMatrix("ref_counts", truth("ref_genes").length);
        TreeMap<String, double[]> sums = new TreeMap<>();
        TreeMap<String, Integer> n = new TreeMap<>();
        for (int c = 0; c < labels.length; c++) {
            if (labels[c].startsWith("<")) {
                continue;
            }
            double[] s = sums.computeIfAbsent(labels[c], k -> new double[counts[0].length]);
            for (int g = 0; g < s.length; g++) {
                s[g] += counts[c][g];
            }
            n.merge(labels[c], 1, Integer::sum);
        }
        return sums.entrySet().stream().filter(e -> n.get(e.getKey()) >= minCells).map(e -> {
            double[] m = e.getValue().clone();
            for (int g = 0; g < m.length; g++) {
                m[g] /= n.get(e.getKey());
            }
            return m;
        }).toArray(double[][]::new);
    }

    private static void assertSignatures(double[][] expected, Reference ref, double tol) {
        assertEquals(expected.length, ref.types());
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], ref.signatures()[k], tol, "type " + ref.cellTypes().get(k));
        }
    }

    @Test
    void h5adMeansEqualTheNaiveComputation() throws IOException {
        LoadedReference r = SingleCellReference.fromH5ad(path("reference/sc_counts.h5ad"), "cell_type", null, 10);
        assertEquals(TYPES, r.reference().cellTypes());
        assertEquals(List.of(truth("ref_genes")), r.reference().geneNames());
        assertEquals(List.of(truth("ref_gene_ids")), r.reference().geneIds());
        assertArrayEquals(new long[] {22, 20, 25}, r.reference().cellCounts());
        assertSignatures(naiveMeans(10), r.reference(), 0);
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("8 of 80 cells have no cell type label"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).contains("'rare' has 5 cells"), r.warnings().get(1));
    }

    @Test
    void minCellsKeepsSmallTypes() throws IOException {
        LoadedReference r = SingleCellReference.fromH5ad(path("reference/sc_counts.h5ad"), "cell_type", null, 5);
        assertEquals(List.of("B cell", "Macrophage", "T cell", "rare"), r.reference().cellTypes());
        assertSignatures(naiveMeans(5), r.reference(), 0);
    }

    @Test
    void normalisedXFallsBackToRawWithAWarning() throws IOException {
        LoadedReference r = SingleCellReference.fromH5ad(path("reference/sc_raw.h5ad"), "cell_type", null, 10);
        assertSignatures(naiveMeans(10), r.reference(), 1e-12);
        assertTrue(r.warnings().get(0).contains("using the counts in raw/X"), r.warnings().toString());
        // a plain string column: empty strings are missing labels
        LoadedReference s = SingleCellReference.fromH5ad(path("reference/sc_raw.h5ad"), "label_str", null, 10);
        assertSignatures(naiveMeans(10), s.reference(), 1e-12);
    }

    @Test
    void normalisedXFallsBackToTheCountsLayerThenRawAndOtherwiseNamesWhereItLooked() throws IOException {
        LoadedReference layer = SingleCellReference.fromH5ad(path("h5ad/dense_layer.h5ad"), "array_row", null, 1);
        assertTrue(layer.warnings().get(0).endsWith("using the counts in layers/counts"), layer.warnings().toString());
        assertEquals(List.of("counts from layers/counts", "genes: names from var_names, ids from var['gene_ids']"),
                layer.notes());
        assertNull(layer.countsProblem());
        LoadedReference none = SingleCellReference.fromH5ad(path("anndata/spatial_no_counts.h5ad"), "array_row",
                null, 1);
        assertEquals("spatial_no_counts.h5ad: no raw counts found: X holds non-integer values, no layers/counts, "
                + "no raw/X", none.countsProblem());
        assertTrue(none.warnings().stream().anyMatch(w -> w.contains("are not integers")), none.warnings().toString());
    }

    @Test
    void missingKeyListsTheColumns() {
        H5FormatException e = assertThrows(H5FormatException.class,
                () -> SingleCellReference.fromH5ad(path("reference/sc_counts.h5ad"), "celltype", null, 10));
        assertTrue(e.getMessage().contains("obs/celltype: no such column (found [cell_type])"), e.getMessage());
    }

    @Test
    void tooFewCellsInEveryTypeFails() {
        ReferenceFormatException e = assertThrows(ReferenceFormatException.class,
                () -> SingleCellReference.fromH5ad(path("reference/sc_counts.h5ad"), "cell_type", null, 1000));
        assertTrue(e.getMessage().contains("no cell type has at least 1000 cells"), e.getMessage());
    }

    @Test
    void cellsCsvLabelsAnyCellMatrix() throws IOException {
        try (H5adSource cells = H5adSource.open(path("reference/sc_counts.h5ad"), H5adSource.Options.DEFAULT)) {
            LoadedReference r = SingleCellReference.fromCells(cells, path("reference/cells.csv"), 10);
            assertEquals(TYPES, r.reference().cellTypes());
            assertSignatures(naiveMeans(10), r.reference(), 0);
        }
    }

    @Test
    void cellsWithNormalisedValuesHaveACountsProblem() throws IOException {
        try (H5adSource normalised = H5adSource.open(path("reference/sc_raw.h5ad"), H5adSource.Options.DEFAULT);
             H5adSource counts = H5adSource.open(path("reference/sc_counts.h5ad"), H5adSource.Options.DEFAULT)) {
            LoadedReference bad = SingleCellReference.fromCells(normalised, path("reference/cells.csv"), 10);
            assertTrue(bad.countsProblem().startsWith(normalised.name() + ": "), bad.countsProblem());
            assertTrue(bad.countsProblem().endsWith(" reference values are not integers (no raw counts)"),
                    bad.countsProblem());
            assertNull(SingleCellReference.fromCells(counts, path("reference/cells.csv"), 10).countsProblem());
        }
    }

    @Test
    void mexFolderWithCellsCsvEqualsTheH5adReference() throws IOException {
        Reference h5ad = SingleCellReference.fromH5ad(path("reference/sc_counts.h5ad"), "cell_type", null, 10)
                .reference();
        LoadedReference mex = SingleCellReference.fromMex(path("reference/mex"), path("reference/cells.csv"), 10);
        assertEquals(h5ad.cellTypes(), mex.reference().cellTypes());
        assertEquals(h5ad.geneNames(), mex.reference().geneNames());
        assertEquals(h5ad.geneIds(), mex.reference().geneIds());
        assertArrayEquals(h5ad.cellCounts(), mex.reference().cellCounts());
        assertSignatures(h5ad.signatures(), mex.reference(), 0);
        assertTrue(mex.warnings().get(0).startsWith("8 of 80 cells have no cell type label"), mex.warnings().toString());
    }

    @Test
    void cellsCsvMismatchesAreWarnedAbout(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(path("reference/cells.csv"));
        Path csv = dir.resolve("cells.csv");
        List<String> edited = new java.util.ArrayList<>(lines.subList(0, 71));
        edited.add("\"ghost, cell\",T cell");
        Files.write(csv, edited);
        try (H5adSource cells = H5adSource.open(path("reference/sc_counts.h5ad"), H5adSource.Options.DEFAULT)) {
            LoadedReference r = SingleCellReference.fromCells(cells, csv, 1);
            assertTrue(r.warnings().contains("10 cells of " + cells.name() + " are not listed in cells.csv"),
                    r.warnings().toString());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("(e.g. ghost, cell)")), r.warnings().toString());
        }
    }

    @Test
    void signatureCsvMatchesTheSingleCellMeansInBothOrientations() throws IOException {
        Reference cells = SingleCellReference.fromH5ad(path("reference/sc_counts.h5ad"), "cell_type", null, 10)
                .reference();
        for (var o : List.of(new Object[] {"reference/signatures.csv", SignatureCsv.Orientation.TYPES_BY_GENES},
                new Object[] {"reference/signatures_genes_by_types.csv", SignatureCsv.Orientation.GENES_BY_TYPES})) {
            Reference csv = SignatureCsv.read(path((String) o[0]), (SignatureCsv.Orientation) o[1]).reference();
            assertEquals(cells.cellTypes(), csv.cellTypes());
            assertEquals(cells.geneNames(), csv.geneNames());
            assertTrue(csv.geneIds().isEmpty());
            assertSignatures(cells.signatures(), csv, 1e-12);
        }
    }
}
