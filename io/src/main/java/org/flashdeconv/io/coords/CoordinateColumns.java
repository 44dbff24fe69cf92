package org.flashdeconv.io.coords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.text.CsvReader;

/**
 * Which columns of a coordinates table hold the barcode and x, y[, z], found from its first record, never guessed.
 *
 * <p>With a header (the first record is not barcode-then-numbers), the columns are found by name,
 * case-insensitive, in this order of preference: {@code x,y[,z]}; {@code x_um,y_um} (a result folder's
 * {@code coordinates.csv}); Space Ranger's {@code pxl_col_in_fullres,pxl_row_in_fullres} (x = pixel column,
 * y = pixel row); Seurat's {@code imagecol,imagerow}. The barcode is the column named {@code barcode} (or
 * {@code barcodes}, {@code cell_id}, {@code spot}), else the first column, which is where R's
 * {@code write.csv} and pandas' {@code to_csv} put row names under an empty header field.
 *
 * <p>Without a header (every field after the first is a number): six fields whose second is 0 or 1 are Space
 * Ranger's {@code tissue_positions_list.csv} ({@code barcode,in_tissue,array_row,array_col,pxl_row,pxl_col});
 * three or four fields are {@code barcode,x,y[,z]}. Anything else is refused with the names it would accept.
 *
 * @param barcode   column of the barcode
 * @param axes      columns of x, y[, z]
 * @param hasHeader whether the first record is a header (else it is the first data row)
 * @param layout    how the columns were identified, for messages and the summary
 */
public record CoordinateColumns(int barcode, int[] axes, boolean hasHeader, String layout) {
    private static final String[][] NAMED = {
        {"x", "y", "z"}, {"x_um", "y_um"}, {"pxl_col_in_fullres", "pxl_row_in_fullres"}, {"imagecol", "imagerow"}};
    private static final List<String> BARCODE_NAMES = List.of("barcode", "barcodes", "cell_id", "spot");

    /** The column names accepted, for messages. */
    public static final String ACCEPTED = "x,y[,z] | x_um,y_um | pxl_col_in_fullres,pxl_row_in_fullres | "
            + "imagecol,imagerow";

    /**
     * Identifies the columns from the current (first) record of {@code r}.
     *
     * @throws InputFormatException if they cannot be identified (the message lists what is accepted)
     */
    public static CoordinateColumns identify(CsvReader r) throws InputFormatException {
        int n = r.fields();
        if (n >= 3 && allNumbers(r, 1, n)) {
            double inTissue = r.number(1, "in_tissue");
            if (n == 6 && (inTissue == 0 || inTissue == 1)) {
                return new CoordinateColumns(0, new int[] {5, 4}, false,
                        "Space Ranger tissue positions without header (pixel column, pixel row)");
            }
            if (n == 3 || n == 4) {
                return new CoordinateColumns(0, n == 3 ? new int[] {1, 2} : new int[] {1, 2, 3}, false,
                        "barcode,x,y" + (n == 4 ? ",z" : "") + " without header");
            }
            throw r.error("cannot tell which of the " + n + " columns are the coordinates in a file without a "
                    + "header: add a header naming them (" + ACCEPTED + ")");
        }
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(r.field(i).strip().toLowerCase(Locale.ROOT));
        }
        int barcode = 0;
        for (String b : BARCODE_NAMES) {
            if (names.indexOf(b) >= 0) {
                barcode = names.indexOf(b);
                break;
            }
        }
        for (String[] set : NAMED) {
            int x = column(r, names, set[0]);
            int y = column(r, names, set[1]);
            if (x >= 0 && y >= 0 && x != barcode && y != barcode) {
                int z = set.length > 2 ? column(r, names, set[2]) : -1;
                int[] axes = z >= 0 ? new int[] {x, y, z} : new int[] {x, y};
                return new CoordinateColumns(barcode, axes, true, String.join(",", names.get(x), names.get(y))
                        + (z >= 0 ? "," + names.get(z) : ""));
            }
        }
        throw r.error("cannot identify the coordinate columns of header '" + String.join(",", r.all())
                + "': expected columns named " + ACCEPTED + " (and a barcode column, first or named 'barcode')");
    }

    private static int column(CsvReader r, List<String> names, String name) throws InputFormatException {
        int i = names.indexOf(name);
        if (i >= 0 && names.lastIndexOf(name) != i) {
            throw r.error("the header has two columns named '" + name + "'");
        }
        return i;
    }

    private static boolean allNumbers(CsvReader r, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                r.number(i, "");
            } catch (InputFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The last column this layout needs, plus one. */
    public int width() {
        int w = barcode + 1;
        for (int a : axes) {
            w = Math.max(w, a + 1);
        }
        return w;
    }
}
