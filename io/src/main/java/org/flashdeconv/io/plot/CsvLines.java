package org.flashdeconv.io.plot;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file line by line as bytes and splits the current line into fields, without regular expressions or
 * per-field objects, so millions of lines scan at disk speed. Fields may be quoted ({@code "a,b"}, with {@code ""}
 * for a quote); line ends may be {@code \n} or {@code \r\n}; blank lines are skipped. A {@code .gz} file is
 * decompressed on the fly. Not thread-safe.
 */
final class CsvLines implements Closeable {
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final Path path;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private long lineNumber;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fields;

    private CsvLines(Path path, InputStream in) {
        this.path = path;
        this.in = in;
    }

    /**
     * Opens a CSV file (gzip-compressed if its name ends in {@code .gz}).
     *
     * @throws IOException if it cannot be opened
     */
    static CsvLines open(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            InputStream in = path.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new CsvLines(path, in);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** 1-based number of the current line in the file. */
    long lineNumber() {
        return lineNumber;
    }

    /**
     * Advances to the next non-blank line and splits it.
     *
     * @return false at the end of the file
     * @throws IOException on a read error or an unterminated quote
     */
    boolean next() throws IOException {
        do {
            if (!readLine()) {
                return false;
            }
        } while (length == 0);
        split();
        return true;
    }

    private boolean readLine() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (any) {
                        lineNumber++;
                    }
                    return any;
                }
            }
            any = true;
            byte[] buf = buffer;
            int start = position;
            int end = limit;
            int p = start;
            while (p < end && buf[p] != '\n') {
                p++;
            }
            append(start, p);
            position = p;
            if (p < end) { // found the newline
                position = p + 1;
                lineNumber++;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(length + n, line.length * 2));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    private void split() throws IOException {
        fields = 0;
        int i = 0;
        while (true) {
            if (fields == starts.length) {
                starts = Arrays.copyOf(starts, fields * 2);
                ends = Arrays.copyOf(ends, fields * 2);
                quoted = Arrays.copyOf(quoted, fields * 2);
            }
            if (i < length && line[i] == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= length) {
                        throw new CsvFormatException(path, lineNumber, "unterminated quote in field " + (fields + 1));
                    }
                    if (line[j] == '"') {
                        if (j + 1 < length && line[j + 1] == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                starts[fields] = i + 1;
                ends[fields] = j;
                quoted[fields] = true;
                i = j + 1;
            } else {
                byte[] b = line;
                int n = length;
                int j = i;
                while (j < n && b[j] != ',') {
                    j++;
                }
                starts[fields] = i;
                ends[fields] = j;
                quoted[fields] = false;
                i = j;
            }
            fields++;
            if (i >= length) {
                return;
            }
            if (line[i] != ',') {
                throw new CsvFormatException(path, lineNumber, "text after the closing quote of field " + fields);
            }
            i++;
            if (i == length) { // trailing comma: one more empty field
                starts[fields] = i;
                ends[fields] = i;
                quoted[fields] = false;
                fields++;
                return;
            }
        }
    }

    /** Number of fields on the current line. */
    int fields() {
        return fields;
    }

    /** Field {@code i} (0-based) as a string, quotes removed. */
    String field(int i) {
        String s = new String(line, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
        return quoted[i] ? s.replace("\"\"", "\"") : s;
    }

    /** All fields of the current line as strings. */
    List<String> all() {
        List<String> out = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            out.add(field(i));
        }
        return out;
    }

    /** True if field {@code i} here has the same bytes as field {@code j} of {@code other}'s current line. */
    boolean sameField(int i, CsvLines other, int j) {
        return Arrays.equals(line, starts[i], ends[i], other.line, other.starts[j], other.ends[j]);
    }

    /**
     * Field {@code i} as a number: empty, {@code NaN}, {@code NA} or {@code nan} give NaN. Plain decimals are
     * parsed directly (to within an ulp, plenty for plotting); other forms go through {@link Double#parseDouble}.
     *
     * @throws CsvFormatException if the field is not a number
     */
    double number(int i) throws CsvFormatException {
        int s = starts[i];
        int e = ends[i];
        if (s == e) {
            return Double.NaN;
        }
        int p = s;
        boolean negative = line[p] == '-';
        if (negative || line[p] == '+') {
            p++;
        }
        long mantissa = 0;
        int exponent = 0;
        boolean digits = false;
        while (p < e && line[p] >= '0' && line[p] <= '9') {
            if (mantissa < 100_000_000_000_000_000L) {
                mantissa = mantissa * 10 + (line[p] - '0');
            } else {
                exponent++;
            }
            digits = true;
            p++;
        }
        if (p < e && line[p] == '.') {
            p++;
            while (p < e && line[p] >= '0' && line[p] <= '9') {
                if (mantissa < 100_000_000_000_000_000L) {
                    mantissa = mantissa * 10 + (line[p] - '0');
                    exponent--;
                }
                digits = true;
                p++;
            }
        }
        if (digits && p < e && (line[p] == 'e' || line[p] == 'E')) {
            p++;
            boolean negativeExponent = p < e && line[p] == '-';
            if (p < e && (line[p] == '-' || line[p] == '+')) {
                p++;
            }
            int value = 0;
            boolean expDigits = false;
            while (p < e && line[p] >= '0' && line[p] <= '9' && value < 10_000) {
                value = value * 10 + (line[p] - '0');
                expDigits = true;
                p++;
            }
            digits = expDigits;
            exponent += negativeExponent ? -value : value;
        }
        if (!digits || p != e || exponent < -300 || exponent > 300) {
            return slowNumber(i); // other forms, and magnitudes near the double range's ends
        }
        double v = mantissa;
        if (exponent != 0) {
            if (exponent > 0 && exponent <= 22) {
                v *= POWERS[exponent];
            } else if (exponent < 0 && exponent >= -22) {
                v /= POWERS[-exponent];
            } else {
                v *= Math.pow(10, exponent);
            }
        }
        return negative ? -v : v;
    }

    private double slowNumber(int i) throws CsvFormatException {
        String s = field(i).strip();
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equals("NA")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new CsvFormatException(path, lineNumber, "field " + (i + 1) + " is not a number: '" + s + "'");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
