package org.flashdeconv.io.text;

import java.util.List;

/**
 * Formats CSV records as RFC 4180 says, the one way every table is written: a field holding a comma, a quote, a
 * CR or an LF, or starting or ending with a space (which some readers trim), is enclosed in quotes with its quotes
 * doubled; every other field is written as it is. Numbers use
 * {@link DecimalText#append}. Records end with LF (pandas, R and spreadsheets read either ending).
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Appends {@code field}, quoted if it needs to be. */
    public static void appendField(StringBuilder sb, String field) {
        if (!needsQuotes(field)) {
            sb.append(field);
            return;
        }
        sb.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** {@code field} as it is written: quoted if it needs to be. */
    public static String field(String field) {
        if (!needsQuotes(field)) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length() + 2);
        appendField(sb, field);
        return sb.toString();
    }

    /** True if {@code field} must be quoted: it holds a comma, a quote, a CR or an LF, or has a space at an end. */
    public static boolean needsQuotes(String field) {
        if (!field.isEmpty() && (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' ')) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The record of {@code fields}, without the line end. */
    public static String record(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendField(sb, fields.get(i));
        }
        return sb.toString();
    }
}
