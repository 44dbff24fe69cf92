package org.flashdeconv.io.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.io.text.CsvReader;
import org.flashdeconv.io.text.CsvWriter;

/**
 * The batch files' CSV records (manifest, {@code summaries.csv}) through the project's one RFC 4180 reader and
 * writer ({@link CsvReader}, {@link CsvWriter}), as records with their line numbers. Small files only (the whole
 * text is in memory).
 */
public final class Rfc4180 {
    private Rfc4180() {
    }

    /**
     * One parsed record and the 1-based line it starts on.
     *
     * @param line   the line number of the record's first character
     * @param fields the fields, unquoted
     */
    public record Row(long line, List<String> fields) {
    }

    /**
     * Splits {@code text} into records (blank lines are skipped).
     *
     * @throws IllegalArgumentException if it is not RFC 4180 (an unclosed quote, text after a closing quote, a
     *                                  quote inside an unquoted field), naming {@code name} and the line
     */
    public static List<Row> parse(String text, String name) {
        List<Row> rows = new ArrayList<>();
        try (CsvReader r = CsvReader.ofText(text, name)) {
            while (r.next()) {
                rows.add(new Row(r.lineNumber(), List.copyOf(r.all())));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return rows;
    }

    /** {@code value} as one RFC 4180 field ({@link CsvWriter#field}); null is an empty field. */
    public static String field(String value) {
        return value == null ? "" : CsvWriter.field(value);
    }

    /** The fields joined into one record (without the line end). */
    public static String record(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values.get(i)));
        }
        return sb.toString();
    }
}
