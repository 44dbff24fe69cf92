package org.flashdeconv.io.json;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small pull reader of JSON text: values come back as {@code Map<String, Object>}, {@code List<Object>},
 * {@code String}, {@code Double}, {@code Boolean} or null. Large documents are walked one member or element at a
 * time ({@link #beginObject()}, {@link #nextName()}, {@link #beginArray()}, {@link #hasNext()}), so a file of a
 * million features never lives in memory at once. Errors name the character offset.
 */
public final class JsonReader {
    private final Reader in;
    private int peeked = -2;
    private long offset;

    /** Reads from {@code in} (buffer it). */
    public JsonReader(Reader in) {
        this.in = in;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        offset++;
        return c;
    }

    private int nextNonBlank() throws IOException {
        while (true) {
            int c = peek();
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                read();
            } else {
                return c;
            }
        }
    }

    private IOException error(String what) {
        return new IOException("JSON at character " + offset + ": " + what);
    }

    private void expect(char c) throws IOException {
        if (nextNonBlank() != c) {
            throw error("expected '" + c + "'");
        }
        read();
    }

    /** Consumes {@code {}}. */
    public void beginObject() throws IOException {
        expect('{');
        first = true;
    }

    /** Consumes {@code [}. */
    public void beginArray() throws IOException {
        expect('[');
        first = true;
    }

    private boolean first;

    /**
     * True if the current object or array has another member or element (consumes the comma before it); false
     * after consuming its closing bracket.
     */
    public boolean hasNext() throws IOException {
        int c = nextNonBlank();
        if (c == '}' || c == ']') {
            read();
            first = false;
            return false;
        }
        if (!first) {
            expect(',');
        }
        first = false;
        return true;
    }

    /** The next member's name (after {@link #hasNext()} in an object); consumes the colon. */
    public String nextName() throws IOException {
        if (nextNonBlank() != '"') {
            throw error("expected a member name");
        }
        String name = string();
        expect(':');
        return name;
    }

    /** Reads one whole value. */
    public Object value() throws IOException {
        int c = nextNonBlank();
        switch (c) {
            case '{' -> {
                Map<String, Object> m = new LinkedHashMap<>();
                beginObject();
                while (hasNext()) {
                    String k = nextName();
                    m.put(k, value());
                }
                return m;
            }
            case '[' -> {
                List<Object> l = new ArrayList<>();
                beginArray();
                while (hasNext()) {
                    l.add(value());
                }
                return l;
            }
            case '"' -> {
                return string();
            }
            case -1 -> throw error("unexpected end");
            default -> {
                StringBuilder sb = new StringBuilder();
                while (true) {
                    int d = peek();
                    if (d == -1 || d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r'
                            || d == '\t') {
                        break;
                    }
                    sb.append((char) read());
                }
                String t = sb.toString();
                switch (t) {
                    case "true" -> {
                        return Boolean.TRUE;
                    }
                    case "false" -> {
                        return Boolean.FALSE;
                    }
                    case "null" -> {
                        return null;
                    }
                    default -> {
                        try {
                            return Double.valueOf(org.flashdeconv.io.text.DecimalText.parse(t));
                        } catch (NumberFormatException e) {
                            throw error("not a JSON value: '" + t + "'");
                        }
                    }
                }
            }
        }
    }

    private String string() throws IOException {
        read(); // the opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) {
                throw error("unterminated string");
            }
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                int e = read();
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        int v = 0;
                        for (int i = 0; i < 4; i++) {
                            int h = Character.digit(read(), 16);
                            if (h < 0) {
                                throw error("bad \\u escape");
                            }
                            v = v * 16 + h;
                        }
                        sb.append((char) v);
                    }
                    default -> sb.append((char) e);
                }
            } else {
                sb.append((char) c);
            }
        }
    }
}
