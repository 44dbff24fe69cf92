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
 * current line in place: integers and decimals (the {@link DecimalText} grammar, parsed exactly) without allocating
 * a String. Used for the blank-separated lines of Matrix Market files; CSV goes through {@link CsvReader}. Lines
 * end at {@code \n}; a trailing {@code \r} is dropped. Errors name the file and line.
 */
public final class LineReader implements Closeable {
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
            if (buf.length >= CsvReader.MAX_RECORD_BYTES) {
                lineNumber++;
                throw error("a line longer than " + (CsvReader.MAX_RECORD_BYTES >> 20) + " MiB (is this a text file?)");
            }
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

    /** Parses {@code buf[from, to)} as a double of the {@link DecimalText} grammar. */
    private double parseDouble(int from, int to, String what) throws InputFormatException {
        try {
            return DecimalText.parse(buf, from, to);
        } catch (NumberFormatException e) {
            throw error("expected a number " + what + ", found '" + e.getMessage() + "'");
        }
    }

    private String token(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
