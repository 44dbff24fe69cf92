package org.flashdeconv.io.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV records: fields separated by commas, a field in double quotes may hold commas, line breaks and
 * doubled quotes; records end with CRLF or LF. Small files only (the whole text is in memory).
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
     * @throws IllegalArgumentException if a quoted field is not closed or a quote is followed by other text,
     *                                  naming {@code name} and the line
     */
    public static List<Row> parse(String text, String name) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long start = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean any = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty() || afterQuote) {
                    fields.add(field.toString());
                    rows.add(new Row(start, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                any = false;
                line++;
                start = line;
            } else if (afterQuote) {
                throw new IllegalArgumentException(name + " line " + line + ": text after a closing quote");
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(name + " line " + start + ": a quoted field is not closed");
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }

    /** {@code value} as one RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or spaces at an end. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
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
