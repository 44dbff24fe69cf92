package org.flashdeconv.bench.accuracy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.io.text.TextInput;

/** Reads a small CSV (plain or gzip) into rows of fields, RFC 4180 quoting, one record per line. */
final class CsvRows {
    private CsvRows() {
    }

    /**
     * All rows of {@code file}, the header first.
     *
     * @throws IOException if the file cannot be read or a quote is not closed
     */
    static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader in = TextInput.reader(file)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isEmpty()) {
                    rows.add(split(line, file, lineNo));
                }
            }
        }
        return rows;
    }

    private static List<String> split(String line, Path file, int lineNo) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException(file + " line " + lineNo + ": unclosed quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
