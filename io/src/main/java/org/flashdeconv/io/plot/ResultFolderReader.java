package org.flashdeconv.io.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.io.coords.CoordinateColumns;
import org.flashdeconv.io.text.CsvFormatException;
import org.flashdeconv.io.text.CsvReader;

/**
 * Streams a deconvolution result folder for plotting: {@code proportions.csv} (header
 * {@code barcode,<type1>,...,<typeK>[,qc]}, one row per spot; empty or NaN fields for spots without a result) and
 * {@code coordinates.csv} ({@code barcode,x,y[,z]} or {@code barcode,x_um,y_um,x_px,y_px}, same rows in the same
 * order), both read as RFC 4180 by {@link CsvReader}. Either may be gzip-compressed
 * ({@code .csv.gz}). Each pass reads the files line by line; nothing is kept between passes but the headers.
 * The rows of the two files must match barcode for barcode.
 */
public final class ResultFolderReader implements SpotTable {
    /** File name of the proportions table. */
    public static final String PROPORTIONS = "proportions.csv";
    /** File name of the coordinates table. */
    public static final String COORDINATES = "coordinates.csv";

    private final Path proportions;
    private final Path coordinates;
    private final List<String> types;
    private final int xColumn;
    private final int yColumn;

    private ResultFolderReader(Path proportions, Path coordinates, List<String> types, int xColumn, int yColumn) {
        this.proportions = proportions;
        this.coordinates = coordinates;
        this.types = types;
        this.xColumn = xColumn;
        this.yColumn = yColumn;
    }

    /**
     * Opens a result folder and checks both headers.
     *
     * @throws NoSuchFileException if the folder or one of its two tables is missing
     * @throws CsvFormatException  if a header is empty or lacks the expected columns
     * @throws IOException         on a read error
     */
    public static ResultFolderReader open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such result folder");
        }
        Path proportions = find(folder, PROPORTIONS, "run 'flashdeconv deconvolve' to create it");
        Path coordinates = find(folder, COORDINATES, "the result folder must keep the spot coordinates");
        List<String> header = header(proportions);
        if (header.size() < 2 || !header.get(0).equalsIgnoreCase("barcode")) {
            throw new CsvFormatException(proportions, 1, "expected header barcode,<type1>,...,<typeK>[,qc], found "
                    + String.join(",", header));
        }
        int end = header.size();
        if (header.get(end - 1).equalsIgnoreCase("qc")) {
            end--;
        }
        if (end < 2) {
            throw new CsvFormatException(proportions, 1, "no cell type columns in the header");
        }
        List<String> types = List.copyOf(header.subList(1, end));
        CoordinateColumns axes;
        try (CsvReader c = CsvReader.open(coordinates)) {
            if (!c.next()) {
                throw new CsvFormatException(coordinates, 1, "empty file, expected a header line");
            }
            axes = CoordinateColumns.identify(c);
            if (!axes.hasHeader()) {
                throw new CsvFormatException(coordinates, 1, "expected a header barcode,x,y[,z] or barcode,x_um,y_um,..., found "
                        + String.join(",", c.all()));
            }
        }
        return new ResultFolderReader(proportions, coordinates, types, axes.axes()[0], axes.axes()[1]);
    }

    private static Path find(Path folder, String name, String hint) throws NoSuchFileException {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new NoSuchFileException(plain.toString(), null, "missing (" + hint + ")");
    }

    private static List<String> header(Path file) throws IOException {
        try (CsvReader lines = CsvReader.open(file)) {
            if (!lines.next()) {
                throw new CsvFormatException(file, 1, "empty file, expected a header line");
            }
            return lines.all();
        }
    }

    /** The proportions file read. */
    public Path proportionsFile() {
        return proportions;
    }

    @Override
    public List<String> typeNames() {
        return types;
    }

    @Override
    public void forEachCoordinate(CoordinateVisitor visitor) throws IOException {
        try (CsvReader c = CsvReader.open(coordinates)) {
            c.next(); // header
            long spot = 0;
            int needed = Math.max(xColumn, yColumn) + 1;
            while (c.next()) {
                checkFields(c, needed);
                visitor.accept(spot++, number(c, xColumn), number(c, yColumn));
            }
        }
    }

    @Override
    public void forEachSpot(SpotVisitor visitor) throws IOException {
        int k = types.size();
        double[] row = new double[k];
        try (CsvReader p = CsvReader.open(proportions); CsvReader c = CsvReader.open(coordinates)) {
            p.next();
            c.next();
            long spot = 0;
            int needed = Math.max(xColumn, yColumn) + 1;
            while (p.next()) {
                if (!c.next()) {
                    throw new CsvFormatException(coordinates, c.lineNumber() + 1, "ends after " + spot
                            + " spots but " + proportions.getFileName() + " has more rows");
                }
                checkFields(p, k + 1);
                checkFields(c, needed);
                if (!p.sameField(0, c, 0)) {
                    throw new CsvFormatException(coordinates, c.lineNumber(), "barcode '" + c.field(0)
                            + "' does not match '" + p.field(0) + "' on line " + p.lineNumber() + " of "
                            + proportions.getFileName() + " (the rows must be in the same order)");
                }
                for (int t = 0; t < k; t++) {
                    row[t] = number(p, t + 1);
                }
                visitor.accept(spot++, number(c, xColumn), number(c, yColumn), row);
            }
            if (c.next()) {
                throw new CsvFormatException(coordinates, c.lineNumber(), "has more rows than "
                        + proportions.getFileName() + " (" + spot + " spots)");
            }
        }
    }

    /** A number, or NaN for an empty field (a spot without a result). */
    private static double number(CsvReader r, int i) throws IOException {
        return r.isEmpty(i) ? Double.NaN : r.number(i, "field " + (i + 1));
    }

    private static void checkFields(CsvReader lines, int needed) throws IOException {
        if (lines.fields() < needed) {
            throw new CsvFormatException(lines.file(), lines.lineNumber(), "expected at least " + needed
                    + " fields, found " + lines.fields());
        }
    }
}
