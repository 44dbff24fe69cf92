package org.flashdeconv.io.genes;

import static org.flashdeconv.io.testdata.TestInputs.dense;
import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.flashdeconv.io.testdata.TestInputs.truth;
import static org.flashdeconv.io.testdata.TestInputs.truthMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.flashdeconv.io.h5.H5adSource;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.reference.SingleCellReference;
import org.flashdeconv.io.source.CountSource;
import org.junit.jupiter.api.Test;

class GeneAlignmentTest {
    private static final List<String> ALIGNED = List.of("Actb", "Cd19", "Cd3e", "Gapdh", "Lyz2", "Mki67", "Ms4a1",
            "Nkg7", "Ptprc");

    @Test
    void alignsTheSpatialDataAndTheReferenceOnTheSortedCommonGenes() throws IOException {
        Reference ref = SingleCellReference.fromH5ad(path("reference/sc_counts.h5ad"), "cell_type", null, 10)
                .reference();
        try (H5adSource spatial = H5adSource.open(path("h5ad/csr_gzip.h5ad"), H5adSource.Options.DEFAULT)) {
            GeneMatch m = GeneMatcher.match(spatial, ref);
            assertEquals(ALIGNED, m.genes());
            assertEquals(9, m.report().byId(), "both sides have the same Ensembl ids (ACTB/Actb included)");
            assertEquals(0, m.report().exact());
            assertEquals(List.of("Xist", "Cd68"), m.report().referenceExamples());

            double[][] x = m.alignSignatures(ref);
            List<String> refGenes = List.of(truth("ref_genes"));
            for (int a = 0; a < ALIGNED.size(); a++) {
                String name = a == 0 ? "ACTB" : ALIGNED.get(a);
                for (int k = 0; k < ref.types(); k++) {
                    assertEquals(ref.signatures()[k][refGenes.indexOf(name)], x[k][a]);
                }
            }

            CountSource y = m.alignSpatial(spatial);
            assertFalse(y.spotMajor());
            assertEquals(ALIGNED, y.geneNames());
            double[][] counts = truthMatrix("counts", 9);
            List<String> spatialGenes = List.of(truth("genes"));
            double[][] got = dense(y);
            for (int i = 0; i < counts.length; i++) {
                for (int a = 0; a < ALIGNED.size(); a++) {
                    assertEquals(counts[i][spatialGenes.indexOf(ALIGNED.get(a))], got[i][a]);
                }
            }
            assertEquals(truth("gene_ids")[spatialGenes.indexOf("Cd19")], y.geneIds().get(1));
        }
    }

    @Test
    void alignmentChecksTheGeneCounts() {
        GeneMatch m = GeneMatcher.match(List.of("A", "B"), List.of(), List.of("B"), List.of());
        Reference wrong = new Reference(List.of("T"), List.of("B", "C"), List.of(), new double[][] {{1, 2}},
                new long[0]);
        assertThrows(IllegalArgumentException.class, () -> m.alignSignatures(wrong));
        Reference ok = new Reference(List.of("T"), List.of("B"), List.of(), new double[][] {{7}}, new long[0]);
        assertArrayEquals(new double[] {7}, m.alignSignatures(ok)[0]);
    }
}
