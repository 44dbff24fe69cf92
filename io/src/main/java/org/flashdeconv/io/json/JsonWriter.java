package org.flashdeconv.io.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A small streaming JSON builder with two-space indentation. Non-finite numbers are written as {@code null}
 * (JSON has no NaN); doubles use the shortest representation that reads back to the same value.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("n_spots").value(1000).endObject().toString();
 * }</pre>
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: true once it holds an element (a comma is due before the next). */
    private final Deque<boolean[]> stack = new ArrayDeque<>();
    private boolean afterName;

    /** An empty document. */
    public JsonWriter() {
    }

    /** Opens an object. */
    public JsonWriter beginObject() {
        return open('{');
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        return close('}');
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        return open('[');
    }

    private JsonWriter open(char bracket) {
        beforeValue();
        out.append(bracket);
        stack.push(new boolean[1]);
        return this;
    }

    /** Closes the innermost array. */
    public JsonWriter endArray() {
        return close(']');
    }

    /** Writes a member name inside an object; the next call writes its value. */
    public JsonWriter name(String name) {
        beforeValue();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    /** A string value, or null. */
    public JsonWriter value(String s) {
        beforeValue();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    /** A number; NaN and infinities become null. Integral values within 2^53 print without a fraction. */
    public JsonWriter value(double v) {
        beforeValue();
        if (!Double.isFinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            out.append((long) v);
        } else {
            out.append(v);
        }
        return this;
    }

    /** An integer. */
    public JsonWriter value(long v) {
        beforeValue();
        out.append(v);
        return this;
    }

    /** A boolean. */
    public JsonWriter value(boolean v) {
        beforeValue();
        out.append(v);
        return this;
    }

    /**
     * Writes a value of a parameter map: null, {@link String}, {@link Boolean}, an integral {@link Number} (as a
     * long), another {@link Number} (as a double) or a {@link java.util.List} of these.
     *
     * @throws IllegalArgumentException for any other type
     */
    public JsonWriter value(Object v) {
        switch (v) {
            case null -> value((String) null);
            case String s -> value(s);
            case Boolean b -> value(b.booleanValue());
            case Integer n -> value(n.longValue());
            case Long n -> value(n.longValue());
            case Number n -> value(n.doubleValue());
            case List<?> list -> {
                beginArray();
                list.forEach(this::value);
                endArray();
            }
            default -> throw new IllegalArgumentException("JSON value of type " + v.getClass().getName());
        }
        return this;
    }

    /** Shorthand for {@code name(n).value(v)}. */
    public JsonWriter field(String n, String v) {
        return name(n).value(v);
    }

    /** Shorthand for {@code name(n).value(v)}. */
    public JsonWriter field(String n, double v) {
        return name(n).value(v);
    }

    /** Shorthand for {@code name(n).value(v)}. */
    public JsonWriter field(String n, long v) {
        return name(n).value(v);
    }

    /** Shorthand for {@code name(n).value(v)}. */
    public JsonWriter field(String n, boolean v) {
        return name(n).value(v);
    }

    /** Writes {@code n} and the list as an array ({@link #value(Object)} for each element). */
    public JsonWriter field(String n, List<?> v) {
        return name(n).value((Object) v);
    }

    /** Writes {@code n} and the numbers as an array. */
    public JsonWriter field(String n, long[] v) {
        name(n).beginArray();
        for (long x : v) {
            value(x);
        }
        return endArray();
    }

    /** Writes {@code n} and the numbers as an array. */
    public JsonWriter field(String n, double[] v) {
        name(n).beginArray();
        for (double x : v) {
            value(x);
        }
        return endArray();
    }

    /** The document written so far, with a final newline once every container is closed. */
    @Override
    public String toString() {
        return stack.isEmpty() ? out + "\n" : out.toString();
    }

    private JsonWriter close(char c) {
        if (stack.isEmpty()) {
            throw new IllegalStateException("no open container to close with '" + c + "'");
        }
        boolean hadElements = stack.pop()[0];
        if (hadElements) {
            newline();
        }
        out.append(c);
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!stack.isEmpty()) {
            boolean[] top = stack.peek();
            if (top[0]) {
                out.append(',');
            }
            top[0] = true;
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(stack.size()));
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
