package org.flashdeconv.engine.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the flat JSON objects of the parity fixtures: one object whose values are numbers (Double),
 * strings, booleans, null, or arrays of numbers (double[]). Test-only.
 */
public final class FlatJson {
    private final String s;
    private int pos;

    private FlatJson(String s) {
        this.s = s;
    }

    /** Parses a flat object. */
    public static Map<String, Object> parse(String json) {
        FlatJson p = new FlatJson(json);
        Map<String, Object> out = new LinkedHashMap<>();
        p.expect('{');
        while (p.peek() != '}') {
            String key = p.string();
            p.expect(':');
            out.put(key, p.value());
            if (p.peek() == ',') {
                p.pos++;
            }
        }
        return out;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            pos++;
            List<Double> l = new ArrayList<>();
            while (peek() != ']') {
                l.add((Double) value());
                if (peek() == ',') {
                    pos++;
                }
            }
            pos++;
            return l.stream().mapToDouble(Double::doubleValue).toArray();
        }
        int start = pos;
        while (pos < s.length() && ",}] \n\t\r".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String tok = s.substring(start, pos);
        return switch (tok) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> Double.parseDouble(tok);
        };
    }

    private String string() {
        expect('"');
        int start = pos;
        while (s.charAt(pos) != '"') {
            pos++;
        }
        return s.substring(start, pos++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private char peek() {
        while (Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        return s.charAt(pos);
    }
}
