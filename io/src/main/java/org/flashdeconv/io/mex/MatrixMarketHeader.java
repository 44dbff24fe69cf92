package org.flashdeconv.io.mex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.flashdeconv.io.text.LineReader;

/**
 * The banner and size line of a Matrix Market file: {@code %%MatrixMarket matrix coordinate FIELD general},
 * comment lines ({@code %...}) and blank lines, then {@code rows cols entries}. Only the coordinate format with
 * the general symmetry is a count matrix; FIELD is {@code integer}, {@code real} or {@code pattern} (every
 * stored entry is 1).
 *
 * @param rows    rows of the matrix
 * @param cols    columns
 * @param entries stored entries promised by the size line
 * @param pattern true for the {@code pattern} field (no value column)
 * @param lines   number of lines up to and including the size line
 */
record MatrixMarketHeader(long rows, long cols, long entries, boolean pattern, long lines) {

    /**
     * Reads the header from the start of {@code reader}, leaving it on the size line.
     *
     * @throws MexFormatException if the banner or the size line is missing or unsupported
     */
    static MatrixMarketHeader read(LineReader reader) throws IOException {
        Path file = reader.file();
        if (!reader.next()) {
            throw new MexFormatException(file, "empty file (expected a %%MatrixMarket banner)");
        }
        String[] banner = reader.line().trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (banner.length != 5 || !banner[0].equals("%%matrixmarket") || !banner[1].equals("matrix")) {
            throw reader.error("expected '%%MatrixMarket matrix coordinate integer general', found '"
                    + reader.line() + "'");
        }
        if (!banner[2].equals("coordinate")) {
            throw reader.error("only the 'coordinate' (sparse) format is supported, found '" + banner[2] + "'");
        }
        boolean pattern = switch (banner[3]) {
            case "integer", "real" -> false;
            case "pattern" -> true;
            default -> throw reader.error("the value field must be integer, real or pattern, found '" + banner[3]
                    + "'");
        };
        if (!banner[4].equals("general")) {
            throw reader.error("only 'general' symmetry is supported, found '" + banner[4] + "'");
        }
        while (true) {
            if (!reader.next()) {
                throw new MexFormatException(file, "ended before the size line 'rows cols entries'");
            }
            if (!reader.startsWith('%') && !reader.blank()) {
                break;
            }
        }
        long rows = reader.nextLong("row count");
        long cols = reader.nextLong("column count");
        long entries = reader.nextLong("entry count");
        if (!reader.atEnd() || rows < 0 || cols < 0 || entries < 0) {
            throw reader.error("expected the size line 'rows cols entries', found '" + reader.line() + "'");
        }
        return new MatrixMarketHeader(rows, cols, entries, pattern, reader.lineNumber());
    }
}
