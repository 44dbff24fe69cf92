package org.flashdeconv.io.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flashdeconv.io.InputFormatException;

/**
 * Reads a CSV file (RFC 4180; plain or gzip, by magic bytes) record by record, and the fields of the current
 * record in place, without a String per number. The one CSV reader of every input and result table.
 *
 * <p>Grammar: records end at LF or CRLF; fields are separated by the delimiter (a comma, or a tab for the 10x
 * {@code .tsv} files, which have no quoting); a field that starts with {@code "} is quoted and runs to the
 * matching {@code "}, may hold delimiters, CR and LF, and writes a quote as {@code ""}. A quote anywhere else
 * in an unquoted field, or text after a closing quote, is an error. A UTF-8 byte-order mark at the start of the
 * file is skipped; blank lines are skipped (in a {@code .tsv} they are a record of one empty field). Field text must be UTF-8 ({@link #field} refuses other bytes,
 * naming the line and field). Numbers follow {@link DecimalText}. A record longer than
 * {@value #MAX_RECORD_BYTES} bytes is refused (so a file that is not text, such as {@code /dev/zero}, ends in
 * an error instead of exhausting memory).
 *
 * <p>Not thread-safe. Errors name the file and the record's first line; they are {@link CsvFormatException}s
 * unless the opener passes its own {@link Errors}.
 */
public final class CsvReader implements Closeable {
    /** The longest record accepted, in bytes. */
    public static final int MAX_RECORD_BYTES = 64 << 20;

    /** Makes the exception of a reader's format (so a reference file's errors are reference errors). */
    @FunctionalInterface
    public interface Errors {
        /** The error {@code detail} at 1-based {@code line} of {@code file}. */
        InputFormatException at(Path file, long line, String detail);
    }

    private final Path file;
    private final Errors errors;
    private final InputStream in;
    private final byte delimiter;
    private final boolean quoting;
    private byte[] buf = new byte[1 << 16];
    private int limit;
    private int position;
    private boolean eof;
    private boolean started;
    private long nextLine = 1;
    private long line;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fields;
    private CharsetDecoder decoder;

    private CsvReader(Path file, Errors errors, InputStream in, char delimiter, boolean quoting) {
        this.file = file;
        this.errors = errors;
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.quoting = quoting;
    }

    /**
     * Opens a comma-separated file with RFC 4180 quoting.
     *
     * @throws IOException if it cannot be opened
     */
    public static CsvReader open(Path file) throws IOException {
        return open(file, CsvFormatException::new);
    }

    /**
     * Opens a comma-separated file whose errors {@code errors} makes.
     *
     * @throws IOException if it cannot be opened
     */
    public static CsvReader open(Path file, Errors errors) throws IOException {
        return new CsvReader(file, errors, TextInput.open(file), ',', true);
    }

    /**
     * Reads CSV text held in memory (a manifest fetched from a URI); messages start with {@code name}.
     */
    public static CsvReader ofText(String text, String name) {
        return new CsvReader(Path.of("."), (f, line, detail) -> new CsvFormatException(name, line, detail),
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',', true);
    }

    /**
     * Opens a tab-separated file without quoting (10x {@code barcodes.tsv}, {@code features.tsv}).
     *
     * @throws IOException if it cannot be opened
     */
    public static CsvReader openTsv(Path file) throws IOException {
        return new CsvReader(file, CsvFormatException::new, TextInput.open(file), '\t', false);
    }

    /**
     * Reads a whole (small) CSV file: every non-blank record's fields.
     *
     * @throws IOException if it cannot be read or is not RFC 4180
     */
    public static List<List<String>> readAll(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader r = open(file)) {
            while (r.next()) {
                rows.add(r.all());
            }
        }
        return rows;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** 1-based line on which the current record starts. */
    public long lineNumber() {
        return line;
    }

    /**
     * Moves to the next non-blank record.
     *
     * @return false at the end of the file
     * @throws InputFormatException on an unterminated quote, a stray quote or an over-long record
     * @throws IOException        on a read error
     */
    public boolean next() throws IOException {
        while (true) {
            int start = position;
            long first = nextLine;
            int end = findRecordEnd();
            if (end < 0) {
                return false;
            }
            start = position;
            int terminator = end < limit ? end + 1 : end;
            position = terminator;
            line = first;
            int e = end > start && buf[end - 1] == '\r' ? end - 1 : end;
            if (e == start && quoting) {
                continue; // a blank line; in a .tsv it is an empty name, which the caller refuses
            }
            split(start, e);
            return true;
        }
    }

    /** Finds the LF that ends the record at {@link #position} (or the end of the data), reading as needed. */
    private int findRecordEnd() throws IOException {
        if (!started) {
            started = true;
            fill();
            if (limit - position >= 3 && (buf[position] & 0xff) == 0xef && (buf[position + 1] & 0xff) == 0xbb
                    && (buf[position + 2] & 0xff) == 0xbf) {
                position += 3;
            }
        }
        int scan = position;
        boolean inQuotes = false;
        long newlines = 0;
        while (true) {
            byte[] b = buf;
            int n = limit;
            while (scan < n) {
                byte c = b[scan];
                if (c == '\n') {
                    if (!inQuotes) {
                        nextLine += newlines + 1;
                        return scan;
                    }
                    newlines++;
                } else if (c == '"' && quoting) {
                    inQuotes = !inQuotes;
                }
                scan++;
            }
            if (eof) {
                if (position == limit) {
                    return -1;
                }
                if (inQuotes) {
                    line = nextLine;
                    int firstEnd = position;
                    while (firstEnd < limit && buf[firstEnd] != '\n') {
                        firstEnd++;
                    }
                    split(position, firstEnd); // a stray quote on the record's first line gets its own message
                    throw error("a quoted field is not closed before the end of the file");
                }
                nextLine += newlines + 1;
                return limit;
            }
            int offset = position;
            if (limit - position >= MAX_RECORD_BYTES) {
                line = nextLine;
                throw error("a record longer than " + (MAX_RECORD_BYTES >> 20) + " MiB (is this a text table?)");
            }
            fill();
            scan -= offset - position;
        }
    }

    /** Moves the unread bytes to the front, grows the buffer if it is full, and reads more. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buf, position, buf, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD_BYTES + 1));
        }
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
            eof = true;
        } else {
            limit += r;
        }
    }

    private void split(int s, int e) throws InputFormatException {
        fields = 0;
        int i = s;
        while (true) {
            if (fields == starts.length) {
                starts = Arrays.copyOf(starts, fields * 2);
                ends = Arrays.copyOf(ends, fields * 2);
            }
            if (quoting && i < e && buf[i] == '"') {
                int w = i + 1;
                int r = i + 1;
                starts[fields] = w;
                while (true) {
                    if (r >= e) {
                        throw error("field " + (fields + 1) + ": a quoted field is not closed");
                    }
                    byte c = buf[r];
                    if (c == '"') {
                        if (r + 1 < e && buf[r + 1] == '"') {
                            buf[w++] = '"';
                            r += 2;
                            continue;
                        }
                        r++;
                        break;
                    }
                    buf[w++] = c;
                    r++;
                }
                ends[fields++] = w;
                i = r;
                if (i < e && buf[i] != delimiter) {
                    throw error("field " + fields + ": text after the closing quote");
                }
            } else {
                int j = i;
                byte[] b = buf;
                byte d = delimiter;
                while (j < e && b[j] != d) {
                    if (quoting && b[j] == '"') {
                        throw error("field " + (fields + 1) + ": a quote inside an unquoted field (RFC 4180: quote "
                                + "the whole field and double the quote)");
                    }
                    j++;
                }
                starts[fields] = i;
                ends[fields++] = j;
                i = j;
            }
            if (i >= e) {
                return;
            }
            i++; // the delimiter
            if (i == e) {
                if (fields == starts.length) {
                    starts = Arrays.copyOf(starts, fields * 2);
                    ends = Arrays.copyOf(ends, fields * 2);
                }
                starts[fields] = e;
                ends[fields++] = e;
                return;
            }
        }
    }

    /** Number of fields of the current record. */
    public int fields() {
        return fields;
    }

    /** True if field {@code i} is empty. */
    public boolean isEmpty(int i) {
        return starts[i] == ends[i];
    }

    /**
     * Field {@code i} (0-based) as text, exactly as in the file (quotes removed, nothing trimmed).
     *
     * @throws InputFormatException if it is not UTF-8
     */
    public String field(int i) throws InputFormatException {
        int s = starts[i];
        int e = ends[i];
        for (int p = s; p < e; p++) {
            if (buf[p] < 0) {
                return decode(i, s, e);
            }
        }
        return new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private String decode(int i, int s, int e) throws InputFormatException {
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(buf, s, e - s)).toString();
        } catch (CharacterCodingException ex) {
            StringBuilder hex = new StringBuilder();
            for (int p = s; p < e; p++) {
                int b = buf[p] & 0xff;
                hex.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b));
            }
            throw error("field " + (i + 1) + " is not UTF-8 text ('" + hex + "'); save the file as UTF-8");
        }
    }

    /** All fields of the current record as text. */
    public List<String> all() throws InputFormatException {
        List<String> out = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            out.add(field(i));
        }
        return out;
    }

    /**
     * Field {@code i} as a number of the {@link DecimalText} grammar (NaN and infinities included: callers that
     * need finite values check them).
     *
     * @param what names the field in the message, e.g. {@code "x of barcode 'AAAC-1'"}
     * @throws InputFormatException if it is not a number
     */
    public double number(int i, String what) throws InputFormatException {
        try {
            return DecimalText.parse(buf, starts[i], ends[i]);
        } catch (NumberFormatException e) {
            throw error(what + ": expected a number, found '" + e.getMessage() + "'");
        }
    }

    /** True if field {@code i} here has the same bytes as field {@code j} of {@code other}'s current record. */
    public boolean sameField(int i, CsvReader other, int j) {
        return Arrays.equals(buf, starts[i], ends[i], other.buf, other.starts[j], other.ends[j]);
    }

    /** An error at the current record. */
    public InputFormatException error(String detail) {
        return errors.at(file, line, detail);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
