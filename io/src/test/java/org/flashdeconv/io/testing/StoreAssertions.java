package org.flashdeconv.io.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.store.CountStore;

/** Compares an opened store with the fixture it was made from, element by element. */
public final class StoreAssertions {
    private StoreAssertions() {
    }

    /** Every value, column, total, barcode, gene name and id, and (when {@code coords}) coordinate. */
    public static void assertSameAs(SparseFixture f, CountStore store, boolean coords) {
        assertEquals(f.spots(), store.spots());
        assertEquals(f.genes(), store.genes());
        assertEquals(f.nnz(), store.nnz());
        CsrView csr = store.csr();
        for (int s = 0; s < f.spots(); s++) {
            long k = csr.rowStart(s);
            double total = 0;
            for (int g = 0; g < f.genes(); g++) {
                double v = f.dense[s][g];
                if (v != 0) {
                    assertEquals(g, csr.col(k), "column of spot " + s);
                    assertEquals(v, csr.value(k), "value of spot " + s + ", gene " + g);
                    total += v;
                    k++;
                }
            }
            assertEquals(csr.rowEnd(s), k, "row end of spot " + s);
            assertEquals(total, store.totals().getAtIndex(Layouts.F64, s), "total of spot " + s);
            assertEquals(f.barcodes.get(s), store.barcode(s));
        }
        List<String> seen = new ArrayList<>();
        store.forEachBarcode(seen::add);
        assertEquals(f.barcodes, seen);
        assertEquals(f.geneNames, store.geneNames());
        assertEquals(f.geneIds, store.geneIds());
        assertEquals(coords, store.coords().isPresent());
        if (coords) {
            CoordsView c = store.coords().orElseThrow();
            assertEquals(2, c.dim());
            for (int s = 0; s < f.spots(); s++) {
                assertEquals(f.coords[s][0], c.get(s, 0));
                assertEquals(f.coords[s][1], c.get(s, 1));
            }
        }
        assertTrue(store.nnz() > 0);
        assertFalse(store.path().toString().isEmpty());
    }
}
