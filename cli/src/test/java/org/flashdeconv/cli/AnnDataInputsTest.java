package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deconvolve and validate on AnnData files shaped like the ones users have: a CELLxGENE-style reference (Ensembl ids
 * as var_names, symbols in feature_name, counts in raw/X) and spatial files whose X is log-normalised.
 */
class AnnDataInputsTest {
    @TempDir
    Path dir;

    private static String in(String name) {
        return TestInputs.path("anndata/" + name).toString();
    }

    @Test
    void cellxgeneReferenceAndLogNormalisedSpatialRunOnTheCountsMatchedById() throws IOException {
        Result r = StoreCommandsTest.run("deconvolve", "--spatial", in("spatial_counts_layer.h5ad"), "--reference",
                in("cellxgene_reference.h5ad"), "--cell-type-key", "cell_type", "--exclude-types", "unknown",
                "--min-overlap", "20", "-o", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("genes: 30 matched (30 by id, 0 by name, 0 ignoring case) of 30 spatial and 32"
                + " reference genes"), r.out());
        assertTrue(r.err().contains("spatial_counts_layer.h5ad: X holds non-integer values (normalised data?): using "
                + "the counts in layers/counts"), r.err());
        assertTrue(r.err().contains("using the counts in raw/X (32 genes, X has 30)"), r.err());
        assertFalse(r.err().contains("look like missing labels"), r.err());
        String summary = Files.readString(dir.resolve("out/summary.json"));
        assertTrue(summary.contains("\"matched_by_id\": 30"), summary);
        assertTrue(summary.contains("\"counts from layers/counts\""), summary);
        assertTrue(summary.contains("\"genes: names from raw/var['feature_name'], ids from raw/var index\""), summary);
        assertTrue(summary.replaceAll("\\s+", "").contains("\"exclude_types\":[\"unknown\"]"), summary);
        assertTrue(Files.readString(dir.resolve("out/proportions.csv")).startsWith("barcode,B cell,T cell,macrophage"));
    }

    @Test
    void countsInRawWithMoreGenesThanXAndTheLayerRawOption() {
        for (String[] layer : new String[][] {{}, {"--layer", "raw"}}) {
            String[] base = {"validate", "--spatial", in("spatial_raw.h5ad"), "--reference",
                in("cellxgene_reference.h5ad"), "--cell-type-key", "cell_type", "--min-overlap", "20"};
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(layer))
                    .toArray(String[]::new);
            Result v = StoreCommandsTest.run(args);
            assertEquals(0, v.code(), v.out() + v.err());
            assertTrue(v.out().contains("60 spots x 32 genes") || v.out().contains("30 spots x 32 genes"), v.out());
            assertTrue(v.out().contains("counts from raw/X"), v.out());
            assertTrue(v.out().contains("32 matched (32 by id"), v.out());
            assertTrue(v.out().contains("look like missing labels: 'unknown' (12 cells)"), v.out());
        }
    }

    @Test
    void validateFailsWithoutRawCountsNamingWhereItLooked() {
        Result v = StoreCommandsTest.run("validate", "--spatial", in("spatial_no_counts.h5ad"), "--reference",
                in("cellxgene_reference.h5ad"), "--cell-type-key", "cell_type", "--min-overlap", "20");
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("problem:   " + in("spatial_no_counts.h5ad") + ": no raw counts found: X holds "
                + "non-integer values, no layers/counts, no raw/X"), v.out());
        Result ref = StoreCommandsTest.run("validate", "--spatial", in("spatial_counts_layer.h5ad"), "--reference",
                in("spatial_no_counts.h5ad"), "--cell-type-key", "array_row", "--min-cells", "1", "--min-overlap",
                "20");
        assertEquals(1, ref.code(), ref.out() + ref.err());
        assertTrue(ref.out().contains("problem:   spatial_no_counts.h5ad: no raw counts found: X holds non-integer "
                + "values, no layers/counts, no raw/X"), ref.out());
    }

    @Test
    void geneColumnsAndExcludedTypesAreCheckedAgainstTheInputs() {
        Result col = StoreCommandsTest.run("validate", "--spatial", in("spatial_counts_layer.h5ad"), "--reference",
                in("cellxgene_reference.h5ad"), "--cell-type-key", "cell_type", "--reference-gene-column",
                "gene_symbols");
        assertEquals(1, col.code(), col.out() + col.err());
        assertTrue(col.err().contains("var/gene_symbols: no such column (found [feature_biotype, feature_name])"), col.err());
        Result named = StoreCommandsTest.run("validate", "--spatial", in("spatial_counts_layer.h5ad"), "--reference",
                in("cellxgene_reference.h5ad"), "--cell-type-key", "cell_type", "--spatial-gene-column", "gene_ids",
                "--min-overlap", "20");
        assertEquals(0, named.code(), named.out() + named.err());
        assertTrue(named.out().contains("genes: names from var['gene_ids'], ids from var['gene_ids']"), named.out());
        Result type = StoreCommandsTest.run("validate", "--spatial", in("spatial_counts_layer.h5ad"), "--reference",
                in("cellxgene_reference.h5ad"), "--cell-type-key", "cell_type", "--exclude-types", "Unknown");
        assertTrue(type.code() != 0, type.out() + type.err());
        assertTrue(type.err().contains("--exclude-types: the reference has no cell type 'Unknown' (types: B cell, "
                + "T cell, macrophage, unknown)"), type.err());
    }

    @Test
    void convertSaysWhereTheCountsCameFrom() {
        Result r = StoreCommandsTest.run("convert", in("spatial_raw.h5ad"), "-o", dir.resolve("s.fdstore").toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("30 spots x 32 genes"), r.out());
        assertTrue(r.out().contains("using the counts in raw/X (32 genes, X has 30); genes: names from raw/var index,"
                + " ids from raw/var['gene_ids']"), r.out());
        Result none = StoreCommandsTest.run("convert", in("spatial_no_counts.h5ad"), "-o",
                dir.resolve("n.fdstore").toString(), "--quiet");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.err().contains("no raw counts found: X holds non-integer values, no layers/counts, no raw/X"),
                none.err());
    }
}
