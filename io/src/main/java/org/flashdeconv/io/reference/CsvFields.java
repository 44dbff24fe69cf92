package org.flashdeconv.io.reference;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields: comma-separated, double-quoted fields may hold commas and "" quotes. */
final class CsvFields {
    private CsvFields() {
    }

    /** The fields of {@code line} (a trailing carriage return is dropped; fields are not trimmed). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int end = line.endsWith("\r") ? line.length() - 1 : line.length();
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < end && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
