package org.flashdeconv.io.coords;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.ForwardingSource;
import org.flashdeconv.io.store.BarcodeIndex;
import org.flashdeconv.io.text.CsvReader;
import org.flashdeconv.io.text.TextNames;

/**
 * Spot coordinates from a CSV file (RFC 4180, plain or gzip), matched to a source's spots by barcode, rows in
 * any order. The barcode and coordinate columns are identified by {@link CoordinateColumns} (a header naming
 * {@code x,y[,z]}, {@code x_um,y_um}, Space Ranger's pixel columns, R/pandas row names; Space Ranger's
 * positions list without header), never guessed. Other columns are ignored, and rows whose barcode is not a
 * spot of the source are skipped (a positions table for a whole slide may cover more spots than the matrix).
 * Every spot must have exactly one row with finite coordinates.
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
     * @throws InputFormatException if the columns cannot be identified, a row is malformed, a coordinate is not
     *                              a finite number, a barcode appears twice, or a spot has no row (names the line
     *                              or the barcode)
     * @throws IOException          if a file cannot be read
     */
    public static CountSource attach(CountSource source, Path csv) throws IOException {
        BarcodeIndex index = new BarcodeIndex();
        source.forEachBarcode(index::add);
        long spots = source.spots();
        if (spots > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException(csv + ": too many spots (" + spots + ") to hold coordinates");
        }
        try (CsvReader r = CsvReader.open(csv)) {
            if (!r.next()) {
                throw new InputFormatException(csv, "empty file (expected a header such as 'barcode,x,y[,z]')");
            }
            CoordinateColumns columns = CoordinateColumns.identify(r);
            int dim = columns.axes().length;
            int width = columns.width();
            double[] xyz = new double[(int) spots * dim];
            BitSet seen = new BitSet((int) spots);
            boolean row = !columns.hasHeader();
            while (row || r.next()) {
                row = false;
                if (r.fields() < width) {
                    throw r.error("expected at least " + width + " fields, found " + r.fields());
                }
                String barcode = r.field(columns.barcode());
                long spot = index.find(barcode);
                if (spot < 0) {
                    continue;
                }
                if (seen.get((int) spot)) {
                    throw r.error("barcode '" + TextNames.visible(barcode) + "' appears a second time");
                }
                seen.set((int) spot);
                for (int c = 0; c < dim; c++) {
                    String what = "coordinate " + "xyz".charAt(c) + " of barcode '" + TextNames.visible(barcode) + "'";
                    double v = r.number(columns.axes()[c], what);
                    if (!Double.isFinite(v)) {
                        throw r.error(what + " is '" + r.field(columns.axes()[c]) + "' (expected a finite number)");
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
                throw new InputFormatException(csv, "no row for barcode '" + TextNames.visible(name[0]) + "' (spot "
                        + (missing + 1) + " of " + spots + ")");
            }
            return new WithCoordinates(source, dim, xyz);
        }
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
