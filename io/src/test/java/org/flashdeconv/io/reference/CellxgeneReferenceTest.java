package org.flashdeconv.io.reference;

import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.genes.GeneMatch;
import org.flashdeconv.io.genes.GeneMatcher;
import org.flashdeconv.io.h5.H5FormatException;
import org.flashdeconv.io.h5.H5adSource;
import org.junit.jupiter.api.Test;

/**
 * References shaped like CELLxGENE's (anndata/ test files): Ensembl ids as var_names with symbols in
 * {@code var["feature_name"]}, X log-normalised and the counts in raw/X (two more genes than X) or in
 * {@code layers["counts"]}, an {@code unknown} type and cells without a label.
 */
class CellxgeneReferenceTest {
    private static Map<String, List<String>> truth() throws IOException {
        Map<String, List<String>> t = new HashMap<>();
        for (String line : Files.readAllLines(path("anndata/anndata_truth.txt"))) {
            String[] f = line.split("\t");
            t.put(f[0], Arrays.asList(f).subList(1, f.length));
        }
        return t;
    }

    @Test
    void countsComeFromRawWithTheSymbolsOfFeatureNameAndTheIdsOfVarNames() throws IOException {
        LoadedReference r = SingleCellReference.fromH5ad(path("anndata/cellxgene_reference.h5ad"), "cell_type", null,
                null, 10);
        assertTrue(r.warnings().get(0).endsWith("using the counts in raw/X (32 genes, X has 30)"),
                r.warnings().toString());
        assertTrue(r.warnings().contains("3 of 135 cells have no cell type label and are left out"),
                r.warnings().toString());
        assertEquals(List.of("counts from raw/X", "genes: names from raw/var['feature_name'], ids from raw/var index"),
                r.notes());
        assertNull(r.countsProblem());
        Reference ref = r.reference();
        assertEquals(List.of("B cell", "T cell", "macrophage", "unknown"), ref.cellTypes());
        assertEquals("OLDGENE03", ref.geneNames().get(3));
        assertEquals("EXTRA2", ref.geneNames().get(31));
        assertEquals("ENSG00000001000.5", ref.geneIds().get(0));
        Map<String, List<String>> t = truth();
        for (int k = 0; k < 3; k++) {
            List<String> mean = t.get("ref_mean " + ref.cellTypes().get(k));
            for (int g = 0; g < 30; g++) {
                assertEquals(Double.parseDouble(mean.get(g)), ref.signatures()[k][g], 1e-12);
            }
        }
        assertArrayEquals(new long[] {40, 40, 40, 12}, ref.cellCounts());
        assertTrue(PlaceholderTypes.warning(ref, "--exclude-types").orElseThrow().equals(
                "reference cell types that look like missing labels: 'unknown' (12 cells); they are fitted like any "
                        + "type; leave them out with --exclude-types unknown"));
    }

    @Test
    void idsMatchWhereTheSymbolsDiffer() throws IOException {
        Reference ref = SingleCellReference.fromH5ad(path("anndata/cellxgene_reference.h5ad"), "cell_type", null,
                null, 10).reference();
        try (H5adSource spatial = H5adSource.openCounts(path("anndata/spatial_counts_layer.h5ad"),
                H5adSource.Options.DEFAULT)) {
            GeneMatch m = GeneMatcher.match(spatial, ref);
            // 30 shared genes; 5 have old symbols in the reference and 5 versioned ids: all 30 by id
            assertEquals(30, m.size());
            assertEquals(30, m.report().byId());
            GeneMatch byName = GeneMatcher.match(spatial.geneNames(), List.of(), ref.geneNames(), List.of());
            assertEquals(25, byName.size());
        }
    }

    @Test
    void aCountsLayerAloneIsUsedAndRawCanBeAskedFor() throws IOException {
        LoadedReference layer = SingleCellReference.fromH5ad(path("anndata/reference_counts_layer.h5ad"),
                "cell_type", null, null, 10);
        assertEquals("counts from layers/counts", layer.notes().get(0));
        LoadedReference raw = SingleCellReference.fromH5ad(path("anndata/cellxgene_reference.h5ad"), "cell_type",
                "raw", null, 10);
        assertEquals("counts from raw/X", raw.notes().get(0));
        assertTrue(raw.warnings().stream().noneMatch(w -> w.contains("using the counts")), raw.warnings().toString());
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(Arrays.copyOf(raw.reference().signatures()[k], 30), layer.reference().signatures()[k],
                    1e-12);
        }
    }

    @Test
    void aNamedGeneColumnIsUsedAndAMissingOneListsTheColumns() throws IOException {
        LoadedReference ids = SingleCellReference.fromH5ad(path("anndata/reference_counts_layer.h5ad"), "cell_type",
                null, "feature_biotype", 10);
        assertEquals("gene", ids.reference().geneNames().get(0));
        H5FormatException e = assertThrows(H5FormatException.class, () -> SingleCellReference.fromH5ad(
                path("anndata/reference_counts_layer.h5ad"), "cell_type", null, "gene_symbols", 10));
        assertTrue(e.getMessage().contains("var/gene_symbols: no such column (found [feature_biotype, feature_name])"),
                e.getMessage());
    }

    @Test
    void excludedTypesAreLeftOutAndUnknownNamesRefused() throws IOException {
        Reference ref = SingleCellReference.fromH5ad(path("anndata/cellxgene_reference.h5ad"), "cell_type", null,
                null, 10).reference();
        Reference kept = ref.withoutTypes(List.of("unknown"));
        assertEquals(List.of("B cell", "T cell", "macrophage"), kept.cellTypes());
        assertArrayEquals(ref.signatures()[2], kept.signatures()[2]);
        assertArrayEquals(new long[] {40, 40, 40}, kept.cellCounts());
        assertTrue(PlaceholderTypes.warning(kept, "--exclude-types").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ref.withoutTypes(new ArrayList<>(List.of("Unknown"))));
        assertTrue(e.getMessage().contains("no cell type 'Unknown' (types: B cell, T cell, macrophage, unknown)"),
                e.getMessage());
    }
}
