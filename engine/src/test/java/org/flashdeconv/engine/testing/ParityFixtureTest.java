package org.flashdeconv.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParityFixtureTest {
    @Test
    void loadsTheSyntheticCaseWithItsDocumentedShape() {
        ParityFixture f = ParityFixture.load(ParityFixture.SYNTHETIC);
        assertEquals(400, f.counts.length);
        assertEquals(2200, f.counts[0].length);
        assertEquals(6, f.signatures.length);
        long nnz = 0;
        for (double[] r : f.counts) {
            for (double v : r) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        assertEquals(141_783, nnz);
        assertEquals(2005.0, f.expected("v016-default").summary().get("n_genes_used"));
    }
}
