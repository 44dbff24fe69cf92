package org.flashdeconv.io.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GeneMatcherTest {

    @Test
    void idsFirstThenNamesThenCaseAndTheResultIsSortedBySpatialName() {
        List<String> spatial = List.of("Zfp1", "actb", "Cd3e", "NoMatch", "Ptprc", "Xist", "Gm1");
        List<String> spatialIds = List.of("E1", "E2", "E3", "E4", "E5", "E6", "E9");
        List<String> ref = List.of("CD3E", "Cd3e", "ACTB", "Zfp1", "Other", "RenamedGm", "Xist");
        List<String> refIds = List.of("E3", "E3b", "E2x", "E1x", "E7", "E9", "E6x");
        GeneMatch m = GeneMatcher.match(spatial, spatialIds, ref, refIds);
        // by id: Cd3e -> CD3E (E3, although a "Cd3e" exists), Gm1 -> RenamedGm (E9); by name: Zfp1, Xist;
        // ignoring case: actb; NoMatch and Ptprc unmatched
        assertEquals(List.of("Cd3e", "Gm1", "Xist", "Zfp1", "actb"), m.genes());
        assertArrayEquals(new int[] {2, 6, 5, 0, 1}, m.spatialIndex());
        assertArrayEquals(new int[] {0, 5, 6, 3, 2}, m.referenceIndex());
        assertArrayEquals(new int[] {3, 4, 0, -1, -1, 2, 1}, m.spatialToAligned());
        assertArrayEquals(new int[] {0, -1, 4, 3, -1, 1, 2}, m.referenceToAligned());
        OverlapReport r = m.report();
        assertEquals(2, r.byId());
        assertEquals(2, r.exact());
        assertEquals(1, r.caseInsensitive());
        assertTrue(r.idsCompared());
        assertEquals(List.of("NoMatch", "Ptprc"), r.spatialExamples());
        assertEquals(List.of("Cd3e", "Other"), r.referenceExamples());
        assertTrue(m.warnings().isEmpty());
        assertTrue(r.toText().startsWith("genes: 5 matched (2 by id, 2 by name, 1 ignoring case)"), r.toText());
    }

    @Test
    void cellxgeneShapedReferenceMatchesBySymbolsIdsAndVersionlessIds() {
        // Space Ranger: symbols with ids (two genes share a symbol); CELLxGENE: ids as var_names, symbols beside
        List<String> spatial = List.of("TBCE", "TBCE", "CD19", "MS4A1");
        List<String> spatialIds = List.of("ENSG00000285053", "ENSG00000284770", "ENSG00000177455",
                "ENSG00000156738");
        List<String> refNames = List.of("MS4A1", "TBCE", "CD19", "TBCE");
        List<String> refIds = List.of("ENSG00000156738.18", "ENSG00000284770", "ENSG00000177455", "ENSG00000285053");
        GeneMatch m = GeneMatcher.match(spatial, spatialIds, refNames, refIds);
        assertEquals(4, m.report().byId());
        assertEquals(0, m.report().exact());
        assertEquals(List.of("CD19", "MS4A1", "TBCE", "TBCE"), m.genes());
        assertArrayEquals(new int[] {2, 3, 0, 1}, m.spatialIndex());
        assertArrayEquals(new int[] {2, 0, 3, 1}, m.referenceIndex());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
        assertEquals(0, m.report().spatialDuplicates());
    }

    @Test
    void idsAreUsedOnlyWhenBothSidesHaveThem() {
        GeneMatch m = GeneMatcher.match(List.of("A", "B"), List.of("E1", "E2"), List.of("A", "C"), List.of());
        assertEquals(List.of("A"), m.genes());
        assertEquals(0, m.report().byId());
    }

    @Test
    void duplicatedNamesUseTheFirstOccurrenceWithAWarning() {
        GeneMatch m = GeneMatcher.match(List.of("B", "A", "B"), List.of(), List.of("A", "B", "A", "b"), List.of());
        assertEquals(List.of("A", "B"), m.genes());
        assertArrayEquals(new int[] {1, 0}, m.spatialIndex());
        assertArrayEquals(new int[] {0, 1}, m.referenceIndex());
        assertEquals(-1, m.spatialToAligned()[2]);
        assertEquals(2, m.warnings().size());
        assertTrue(m.warnings().get(0).startsWith("1 spatial genes repeat an earlier name"), m.warnings().get(0));
        assertEquals(1, m.report().spatialDuplicates());
        assertEquals(1, m.report().referenceDuplicates());
        // "b" is left: spatial "B" already matched exactly, so nothing takes it by case
        assertEquals(List.of("b"), m.report().referenceExamples());
    }

    @Test
    void minOverlapFailsWithTheReport() throws GeneOverlapException {
        GeneMatch m = GeneMatcher.match(List.of("A", "B", "C"), List.of(), List.of("X", "B"), List.of());
        assertSame(m, m.requireAtLeast(1));
        GeneOverlapException e = assertThrows(GeneOverlapException.class, () -> m.requireAtLeast(2));
        assertEquals("only 1 genes shared by the spatial data (3 genes, e.g. A, C) and the reference (2 genes, e.g. X);"
                + " at least 2 needed (--min-overlap)", e.getMessage());
        assertSame(m.report(), e.report());
        GeneOverlapException none = assertThrows(GeneOverlapException.class, () -> GeneMatcher.match(
                List.of("A"), List.of(), List.of("Z"), List.of()).requireAtLeast(GeneMatcher.DEFAULT_MIN_OVERLAP));
        assertTrue(none.getMessage().startsWith("no common genes"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.requireAtLeast(0));
    }

    @Test
    void exactNamesGiveTheSortedDistinctIntersection() {
        Random rnd = new Random(7);
        List<String> spatial = new ArrayList<>();
        List<String> ref = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String g = "G" + rnd.nextInt(300);
            if (rnd.nextBoolean()) {
                spatial.add(g);
            } else {
                ref.add(g);
            }
        }
        TreeSet<String> expected = new TreeSet<>(spatial);
        expected.retainAll(ref);
        GeneMatch m = GeneMatcher.match(spatial, List.of(), ref, List.of());
        assertEquals(new ArrayList<>(expected), m.genes());
        for (int a = 0; a < m.size(); a++) {
            assertEquals(m.genes().get(a), spatial.get(m.spatialIndex()[a]));
            assertEquals(m.genes().get(a), ref.get(m.referenceIndex()[a]));
            assertEquals(spatial.indexOf(m.genes().get(a)), m.spatialIndex()[a]);
            assertEquals(ref.indexOf(m.genes().get(a)), m.referenceIndex()[a]);
        }
    }

    @Test
    void reportAsTextAndJson() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            many.add("S" + i);
        }
        many.add("A");
        OverlapReport r = GeneMatcher.match(many, List.of(), List.of("A", "R\"1"), List.of()).report();
        assertEquals(10, r.spatialExamples().size());
        assertTrue(r.toText().startsWith("genes: 1 matched (ids not compared: one side has none; 1 by name, 0 "
                + "ignoring case) of 16 spatial and 2 reference genes\n  spatial genes not in the reference: 15 (S0, S1,"), r.toText());
        assertTrue(r.toText().contains("S9, ...)"), r.toText());
        String json = r.toJson().replaceAll("\\s+", "");
        assertTrue(json.startsWith("{\"matched\":1,\"ids_compared\":false,\"matched_by_id\":0,"
                + "\"matched_exact\":1,"), json);
        assertTrue(json.contains("\"spatial_unmatched\":15,\"spatial_unmatched_examples\":[\"S0\",\"S1\","), json);
        assertTrue(json.endsWith("\"reference_unmatched\":1,\"reference_unmatched_examples\":[\"R\\\"1\"]}"), json);
    }

    @Test
    void idListsMustMatchTheNames() {
        assertThrows(IllegalArgumentException.class,
                () -> GeneMatcher.match(List.of("A", "B"), List.of("E1"), List.of("A"), List.of()));
    }
}
