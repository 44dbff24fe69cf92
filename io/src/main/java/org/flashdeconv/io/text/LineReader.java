package org.flashdeconv.io.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.flashdeconv.io.InputFormatException;

/**
 * Reads a text file (plain or gzip) line by line into a reusable byte buffer, and parses the fields of the
 * current line in place: integers and decimals without allocating a String (the common forms of Matrix
 * Market values are parsed exactly; anything else falls back to {@link Double#parseDouble}). Lines end at
 * {@code \n}; a trailing {@code \r} is dropped. Errors name the file and line.
 */
public final class LineReader implements Closeable {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final Path file;
    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int filled;
    private int next;
    private boolean eof;
    private long lineNumber;
    private int start;
    private int end;
    private int pos;

    public LineReader(Path file) throws IOException {
        this.file = file;
        this.in = TextInput.open(file);
    }

    /** Moves to the next line; false at the end of the file. */
    public boolean next() throws IOException {
        while (true) {
            for (int i = next; i < filled; i++) {
                if (buf[i] == '\n') {
                    setLine(next, i);
                    next = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (next < filled) {
                    setLine(next, filled);
                    next = filled;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void setLine(int from, int to) {
        lineNumber++;
        start = from;
        end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        pos = start;
    }

    private void fill() throws IOException {
        if (next > 0) {
            System.arraycopy(buf, next, buf, 0, filled - next);
            filled -= next;
            next = 0;
        }
        if (filled == buf.length) {
            buf = Arrays.copyOf(buf, Math.multiplyExact(buf.length, 2));
        }
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The current line as a String. */
    public String line() {
        return new String(buf, start, end - start, StandardCharsets.UTF_8);
    }

    /** True if the current line is empty or only blanks. */
    public boolean blank() {
        for (int i = start; i < end; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** True if the current line starts with {@code c}. */
    public boolean startsWith(char c) {
        return end > start && buf[start] == c;
    }

    /** An error at the current line. */
    public InputFormatException error(String detail) {
        return new InputFormatException(file, lineNumber, detail);
    }

    private void skipBlanks() {
        while (pos < end && (buf[pos] == ' ' || buf[pos] == '\t')) {
            pos++;
        }
    }

    /** True if only blanks remain on the line. */
    public boolean atEnd() {
        skipBlanks();
        return pos >= end;
    }

    private int tokenEnd() {
        int i = pos;
        while (i < end && buf[i] != ' ' && buf[i] != '\t') {
            i++;
        }
        return i;
    }

    /**
     * The next blank-separated token as a signed integer.
     *
     * @throws InputFormatException if there is none or it is not an integer ({@code what} names it)
     */
    public long nextLong(String what) throws InputFormatException {
        skipBlanks();
        int to = tokenEnd();
        int i = pos;
        boolean neg = i < to && buf[i] == '-';
        if (i < to && (buf[i] == '-' || buf[i] == '+')) {
            i++;
        }
        if (i == to || to - i > 18) {
            throw error("expected an integer " + what + ", found '" + token(pos, to) + "'");
        }
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw error("expected an integer " + what + ", found '" + token(pos, to) + "'");
            }
            v = v * 10 + d;
        }
        pos = to;
        return neg ? -v : v;
    }

    /**
     * The next blank-separated token as a double; accepts NaN/Inf spellings so callers can reject them by value.
     *
     * @throws InputFormatException if there is none or it is not a number
     */
    public double nextDouble(String what) throws InputFormatException {
        skipBlanks();
        int to = tokenEnd();
        double v = parseDouble(pos, to, what);
        pos = to;
        return v;
    }

    /** Parses {@code buf[from, to)} as a double. */
    public double parseDouble(int from, int to, String what) throws InputFormatException {
        int i = from;
        boolean neg = i < to && buf[i] == '-';
        if (i < to && (buf[i] == '-' || buf[i] == '+')) {
            i++;
        }
        long mant = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        for (; i < to && buf[i] >= '0' && buf[i] <= '9'; i++) {
            any = true;
            if (mant != 0 || buf[i] != '0') {
                digits++;
            }
            mant = mant * 10 + (buf[i] - '0');
        }
        if (i < to && buf[i] == '.') {
            for (i++; i < to && buf[i] >= '0' && buf[i] <= '9'; i++) {
                any = true;
                if (mant != 0 || buf[i] != '0') {
                    digits++;
                }
                mant = mant * 10 + (buf[i] - '0');
                scale--;
            }
        }
        if (any && i < to && (buf[i] == 'e' || buf[i] == 'E')) {
            int j = i + 1;
            boolean eneg = j < to && buf[j] == '-';
            if (j < to && (buf[j] == '-' || buf[j] == '+')) {
                j++;
            }
            int e = 0;
            int ed = 0;
            for (; j < to && buf[j] >= '0' && buf[j] <= '9' && ed < 6; j++, ed++) {
                e = e * 10 + (buf[j] - '0');
            }
            if (ed > 0) {
                scale += eneg ? -e : e;
                i = j;
            }
        }
        if (any && i == to && digits <= 15 && Math.abs(scale) <= 22) {
            // mant < 10^15 < 2^53 and 10^|scale| are exact, so one multiply or divide is correctly rounded
            double m = neg ? -(double) mant : (double) mant;
            return scale >= 0 ? m * POW10[scale] : m / POW10[-scale];
        }
        String t = token(from, to);
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    if (t.isEmpty() || t.indexOf('x') >= 0 || t.indexOf('X') >= 0 || t.endsWith("d")
                            || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
                        throw new NumberFormatException();
                    }
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw error("expected a number " + what + ", found '" + t + "'");
                }
            }
        }
    }

    /**
     * The next field up to {@code sep} (or the end of the line), as a String; the separator is consumed.
     * Returns null when the line has no more fields.
     */
    public String nextField(char sep) {
        if (pos > end) {
            return null;
        }
        int to = pos;
        while (to < end && buf[to] != sep) {
            to++;
        }
        String s = token(pos, to);
        pos = to + 1;
        return s;
    }

    /** Starts field parsing again at the beginning of the current line. */
    public void rewind() {
        pos = start;
    }

    private String token(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
