package org.flashdeconv.io.coords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.text.CsvReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, wrong columns: each layout a user may hand to {@code --coords} is recognised by its header (or, without
 * one, by its shape), the pixel columns of Space Ranger's files are x = column, y = row, and a table whose columns
 * cannot be identified is refused, never guessed.
 */
class CoordinateColumnsTest {

    private static CoordinateColumns identify(String firstLine) throws IOException {
        CsvReader r = CsvReader.ofText(firstLine.replace(';', ',') + "\n", "c.csv");
        assertTrue(r.next());
        return CoordinateColumns.identify(r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // first line | barcode column | x column | y column | header
        "barcode;x;y | 0 | 1 | 2 | true",
        "x;y;barcode | 2 | 0 | 1 | true",
        ";x_um;y_um;x_px;y_px | 0 | 1 | 2 | true", // a result folder's coordinates.csv, R/pandas row names
        "barcode;in_tissue;array_row;array_col;pxl_row_in_fullres;pxl_col_in_fullres | 0 | 5 | 4 | true",
        "AAAC-1;1;47;94;223.37;46.43 | 0 | 5 | 4 | false", // Space Ranger's tissue_positions_list.csv
        "AAAC-1;0;0;3;5.0;7.0 | 0 | 5 | 4 | false",
        "spot;imagerow;imagecol | 0 | 2 | 1 | true", // Seurat
        "Barcode;X;Y | 0 | 1 | 2 | true", // names in any case
        "AAAC-1;12.5;7 | 0 | 1 | 2 | false"})
    void eachLayoutGivesItsColumns(String line, int barcode, int x, int y, boolean header) throws IOException {
        CoordinateColumns c = identify(line);
        assertEquals(barcode, c.barcode(), c.layout());
        assertArrayEquals(new int[] {x, y}, c.axes(), c.layout());
        assertEquals(header, c.hasHeader(), c.layout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"barcode;a;b", "barcode;in_tissue;array_row;array_col", // array indices are not positions
        "AAAC-1;2;47;94;223.37;46.43", // six numbers whose second is not in_tissue
        "AAAC-1;1;2;3;4", "barcode;x;x;y", "x;y"})
    void columnsThatCannotBeIdentifiedAreRefused(String line) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> identify(line));
        assertTrue(e.getMessage().startsWith("c.csv line 1: "), e.getMessage());
    }
}
