package org.flashdeconv.io.coords;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.ForwardingSource;
import org.flashdeconv.io.store.BarcodeIndex;
import org.flashdeconv.io.text.LineReader;

/**
 * Spot coordinates from a CSV file ({@code barcode,x,y[,z]}, plain or gzip), matched to a source's spots by
 * barcode, rows in any order. The first line is a header. The barcode is the first column; the coordinates are
 * the columns named {@code x}, {@code y} (and {@code z}, if there is one), case-insensitive; when the header has
 * no {@code x} and {@code y}, the second and third columns (and a fourth, if the file has exactly four) are
 * used. Other columns are ignored, fields may be double-quoted (as R writes them), and rows whose barcode is
 * not a spot of the source are skipped (a positions table for a whole slide may cover more spots than the
 * matrix). Every spot must have exactly one row with finite coordinates.
 *
 * <p>Memory: the source's barcodes in a {@link BarcodeIndex} while matching, then {@code spots x dim} doubles
 * on the heap.
 */
public final class CoordinatesCsv {
    private CoordinatesCsv() {
    }

    /**
     * Reads {@code csv}, matches it to {@code source} and returns a source that is {@code source} with these
     * coordinates (closing it closes {@code source}).
     *
     * @throws InputFormatException if the header has too few columns, a row is malformed, a coordinate is not a
     *                            finite number, a barcode appears twice, or a spot has no row (names the line or
     *                            the barcode)
     * @throws IOException        if a file cannot be read
     */
    public static CountSource attach(CountSource source, Path csv) throws IOException {
        BarcodeIndex index = new BarcodeIndex();
        source.forEachBarcode(index::add);
        long spots = source.spots();
        if (spots > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException(csv + ": too many spots (" + spots + ") to hold coordinates");
        }
        try (LineReader r = new LineReader(csv)) {
            if (!r.next()) {
                throw new InputFormatException(csv, "empty file (expected a header 'barcode,x,y[,z]')");
            }
            int[] columns = coordinateColumns(r);
            int dim = columns.length;
            double[] xyz = new double[(int) spots * dim];
            BitSet seen = new BitSet((int) spots);
            while (r.next()) {
                if (r.blank()) {
                    continue;
                }
                String[] fields = r.line().split(",", -1);
                if (fields.length <= columns[dim - 1]) {
                    throw r.error("expected at least " + (columns[dim - 1] + 1) + " comma-separated fields, found "
                            + fields.length);
                }
                String barcode = unquote(fields[0]);
                long spot = index.find(barcode);
                if (spot < 0) {
                    continue;
                }
                if (seen.get((int) spot)) {
                    throw r.error("barcode '" + barcode + "' appears a second time");
                }
                seen.set((int) spot);
                for (int c = 0; c < dim; c++) {
                    String field = unquote(fields[columns[c]]).trim();
                    double v;
                    try {
                        v = Double.parseDouble(field);
                    } catch (NumberFormatException e) {
                        v = Double.NaN;
                    }
                    if (!Double.isFinite(v)) {
                        throw r.error("coordinate " + "xyz".charAt(c) + " of barcode '" + barcode + "' is '" + field
                                + "' (expected a finite number)");
                    }
                    xyz[(int) spot * dim + c] = v;
                }
            }
            int missing = seen.nextClearBit(0);
            if (missing < spots) {
                String[] name = new String[1];
                long[] i = {0};
                source.forEachBarcode(b -> {
                    if (i[0]++ == missing) {
                        name[0] = b;
                    }
                });
                throw new InputFormatException(csv, "no row for barcode '" + name[0] + "' (spot " + (missing + 1)
                        + " of " + spots + ")");
            }
            return new WithCoordinates(source, dim, xyz);
        }
    }

    /** Column indices of x, y[, z] from the header line. */
    private static int[] coordinateColumns(LineReader r) throws InputFormatException {
        String[] names = r.line().split(",", -1);
        int x = -1;
        int y = -1;
        int z = -1;
        for (int i = 1; i < names.length; i++) {
            switch (unquote(names[i]).trim().toLowerCase(Locale.ROOT)) {
                case "x" -> x = i;
                case "y" -> y = i;
                case "z" -> z = i;
                default -> {
                }
            }
        }
        if (x > 0 && y > 0) {
            return z > 0 ? new int[] {x, y, z} : new int[] {x, y};
        }
        if (names.length < 3) {
            throw r.error("expected a header 'barcode,x,y[,z]', found '" + r.line() + "'");
        }
        return names.length == 4 ? new int[] {1, 2, 3} : new int[] {1, 2};
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                ? s.substring(1, s.length() - 1) : s;
    }

    /** A source with coordinates added; everything else is delegated. */
    private static final class WithCoordinates extends ForwardingSource {
        private final int dim;
        private final double[] xyz;

        WithCoordinates(CountSource inner, int dim, double[] xyz) {
            super(inner);
            this.dim = dim;
            this.xyz = xyz;
        }

        @Override
        public Optional<Coordinates> coordinates() {
            return Optional.of(Coordinates.ofRows(dim, xyz));
        }
    }
}
