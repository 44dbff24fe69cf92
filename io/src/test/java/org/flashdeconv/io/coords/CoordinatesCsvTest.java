package org.flashdeconv.io.coords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatesCsvTest {
    @TempDir
    Path dir;

    private final SparseFixture f = new SparseFixture(4, 3, 0.5, true, 31);

    private String bc(int spot) {
        return f.barcodes.get(spot);
    }

    private CountSource attach(String csv) throws IOException {
        return CoordinatesCsv.attach(f.source(0, true, false), Files.writeString(dir.resolve("c.csv"), csv));
    }

    @Test
    void matchesByBarcodeInAnyOrderWithQuotesExtraColumnsAndExtraRows() throws IOException {
        CountSource s = attach("\"\",\"nUMI\",\"y\",\"x\"\n"
                + "\"" + bc(2) + "\",10,2.5,20\n" + bc(0) + ",11,0.5,0\nNOT-A-SPOT,1,1,1\n"
                + bc(3) + ",12,3.5,30\n" + bc(1) + ",13,1.5,10\n");
        CountSource.Coordinates c = s.coordinates().orElseThrow();
        assertEquals(2, c.dim());
        double[] out = new double[6];
        c.read(1, 3, out);
        assertArrayEquals(new double[] {10, 1.5, 20, 2.5, 30, 3.5}, out);
        assertEquals(f.spots(), s.spots());
    }

    @Test
    void readsZAndPositionalColumns() throws IOException {
        CountSource s = attach("barcode,x,y,z\n" + bc(0) + ",1,2,3\n" + bc(1) + ",4,5,6\n" + bc(2) + ",7,8,9\n"
                + bc(3) + ",1,1,1\n");
        double[] out = new double[3];
        s.coordinates().orElseThrow().read(1, 1, out);
        assertArrayEquals(new double[] {4, 5, 6}, out);
        CountSource p = attach(bc(3) + ",1,2\n" + bc(0) + ",0,0\n" + bc(1) + ",0,0\n" + bc(2) + ",0,0\n");
        double[] two = new double[2];
        p.coordinates().orElseThrow().read(3, 1, two);
        assertArrayEquals(new double[] {1, 2}, two);
    }

    @Test
    void missingBarcodeBadValueAndRepeatedRowAreErrors() throws IOException {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> attach("barcode,x,y\n" + bc(0) + ",1,2\n" + bc(1) + ",1,2\n" + bc(3) + ",1,2\n"));
        assertTrue(e.getMessage().endsWith("c.csv: no row for barcode '" + bc(2) + "' (spot 3 of 4)"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> attach("barcode,x,y\n" + bc(0) + ",1,2\n" + bc(1) + ",NaN,2\n"));
        assertTrue(e.getMessage().endsWith("c.csv line 3: coordinate x of barcode '" + bc(1)
                + "' is 'NaN' (expected a finite number)"), e.getMessage());
        assertEquals(3, e.line());
        assertTrue(e.input().endsWith("c.csv"), e.input());
        e = assertThrows(InputFormatException.class, () -> attach("barcode,x,y\n" + bc(0) + ",0x1p3,2\n"));
        assertTrue(e.getMessage().contains("line 2: coordinate x of barcode '" + bc(0)
                + "': expected a number, found '0x1p3'"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> attach("barcode,x,y\n" + bc(0) + ",1,\n"));
        assertTrue(e.getMessage().contains("line 2: coordinate y"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> attach("barcode,x,y\n" + bc(0) + ",1,2\n" + bc(0) + ",1,2\n"));
        assertTrue(e.getMessage().contains("line 3: barcode '" + bc(0) + "' appears a second time"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> attach("barcode,x\n"));
        assertTrue(e.getMessage().contains("line 1: cannot identify the coordinate columns of header 'barcode,x'"),
                e.getMessage());
    }
}
