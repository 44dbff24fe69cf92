package org.flashdeconv.io.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Streams a deconvolution result folder for plotting: {@code proportions.csv} (header
 * {@code barcode,<type1>,...,<typeK>[,qc]}, one row per spot; empty or NaN fields for spots without a result) and
 * {@code coordinates.csv} ({@code barcode,x,y[,z]}, same rows in the same order). Either may be gzip-compressed
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
        List<String> coordHeader = header(coordinates);
        int x = column(coordHeader, "x");
        int y = column(coordHeader, "y");
        if (x < 0 || y < 0) {
            throw new CsvFormatException(coordinates, 1, "expected header barcode,x,y[,z], found "
                    + String.join(",", coordHeader));
        }
        return new ResultFolderReader(proportions, coordinates, types, x, y);
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
        try (CsvLines lines = CsvLines.open(file)) {
            if (!lines.next()) {
                throw new CsvFormatException(file, 1, "empty file, expected a header line");
            }
            return lines.all();
        }
    }

    private static int column(List<String> header, String name) {
        for (int i = 1; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
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
        try (CsvLines c = CsvLines.open(coordinates)) {
            c.next(); // header
            long spot = 0;
            int needed = Math.max(xColumn, yColumn) + 1;
            while (c.next()) {
                checkFields(c, needed);
                visitor.accept(spot++, c.number(xColumn), c.number(yColumn));
            }
        }
    }

    @Override
    public void forEachSpot(SpotVisitor visitor) throws IOException {
        int k = types.size();
        double[] row = new double[k];
        try (CsvLines p = CsvLines.open(proportions); CsvLines c = CsvLines.open(coordinates)) {
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
                    row[t] = p.number(t + 1);
                }
                visitor.accept(spot++, c.number(xColumn), c.number(yColumn), row);
            }
            if (c.next()) {
                throw new CsvFormatException(coordinates, c.lineNumber(), "has more rows than "
                        + proportions.getFileName() + " (" + spot + " spots)");
            }
        }
    }

    private static void checkFields(CsvLines lines, int needed) throws CsvFormatException {
        if (lines.fields() < needed) {
            throw new CsvFormatException(lines.path(), lines.lineNumber(), "expected at least " + needed
                    + " fields, found " + lines.fields());
        }
    }
}
