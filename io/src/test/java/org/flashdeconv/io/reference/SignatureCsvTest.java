package org.flashdeconv.io.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureCsvTest {

    @Test
    void keepsFileOrderAndReadsQuotedNames(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("s.csv"), "cell_type,G1,G2\r\nZeta,1,2.5\r\n\"T, CD4\",0,1e-3\r\n");
        Reference r = SignatureCsv.read(csv, SignatureCsv.Orientation.TYPES_BY_GENES).reference();
        assertEquals(List.of("Zeta", "T, CD4"), r.cellTypes());
        assertEquals(List.of("G1", "G2"), r.geneNames());
        assertArrayEquals(new double[] {0, 1e-3}, r.signatures()[1]);
        Reference t = SignatureCsv.read(csv, SignatureCsv.Orientation.GENES_BY_TYPES).reference();
        assertEquals(List.of("G1", "G2"), t.cellTypes());
        assertEquals(List.of("Zeta", "T, CD4"), t.geneNames());
        assertArrayEquals(new double[] {2.5, 1e-3}, t.signatures()[1]);
    }

    @Test
    void rejectsBadValuesRaggedRowsAndDuplicates(@TempDir Path dir) throws IOException {
        String[][] cases = {
            {"cell_type,G1\nA,-1\n", "line 2: column 2 (G1): expected a finite value >= 0, found -1"},
            {"cell_type,G1\nA,NaN\n", "line 2: column 2 (G1): expected a finite value >= 0"},
            {"cell_type,G1\nA,x\n", "line 2: column 2 (G1): expected a number, found 'x'"},
            {"cell_type,G1,G2\nA,1\n", "line 2: expected 3 fields (as in the header), found 2"},
            {"cell_type,G1\nA,1\nA,2\n", "cell type 'A' appears twice"},
            {"cell_type,G1\n", "no signature rows"},
        };
        for (String[] c : cases) {
            Path csv = Files.writeString(dir.resolve("bad.csv"), c[0]);
            ReferenceFormatException e = assertThrows(ReferenceFormatException.class,
                    () -> SignatureCsv.read(csv, SignatureCsv.Orientation.TYPES_BY_GENES));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void orientationNames() {
        assertEquals(SignatureCsv.Orientation.GENES_BY_TYPES, SignatureCsv.Orientation.parse("genes-by-types"));
        assertEquals(SignatureCsv.Orientation.TYPES_BY_GENES, SignatureCsv.Orientation.parse("TYPES-BY-GENES"));
        assertThrows(IllegalArgumentException.class, () -> SignatureCsv.Orientation.parse("rows"));
    }
}
