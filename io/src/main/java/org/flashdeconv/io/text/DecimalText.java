package org.flashdeconv.io.text;

import java.nio.charset.StandardCharsets;

/**
 * The one number grammar of every text input, and the number form of every text output.
 *
 * <p>Read: optional blanks (space, tab), then either a decimal {@code [+-]digits[.digits][(e|E)[+-]digits]} (at
 * least one digit before or after the point, as in {@code 1}, {@code -2.5}, {@code .5}, {@code 3.}, {@code 1e-7})
 * or one of the missing/special spellings {@code NaN}, {@code NA}, {@code nan}, {@code [+-]inf},
 * {@code [+-]Infinity} (case-insensitive), then optional blanks. Everything else is not a number: Java's
 * {@code 0x1p3}, {@code 2f}, {@code 1d}, an empty field, thousands separators. Parsing is exact (correctly
 * rounded): mantissas up to 2^53 with powers of ten up to 10^22 take one correctly rounded multiply or divide,
 * the rest go through the JDK's exact conversion of the already validated text. Callers reject NaN and infinity
 * by value where they need finite numbers.
 *
 * <p>Write: {@link #append} gives the shortest text that reads back to the same double, integral values without
 * a fraction ({@code 0}, {@code 1}) and NaN as nothing (an empty CSV field).
 */
public final class DecimalText {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT_MANTISSA = 1L << 53;

    private DecimalText() {
    }

    /**
     * Parses {@code text[from, to)} (ASCII bytes).
     *
     * @throws NumberFormatException if the text is not a number of the grammar above (the message is the text)
     */
    public static double parse(byte[] text, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && (text[s] == ' ' || text[s] == '\t')) {
            s++;
        }
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t')) {
            e--;
        }
        int i = s;
        boolean negative = i < e && text[i] == '-';
        if (i < e && (text[i] == '-' || text[i] == '+')) {
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        int digits = 0;
        for (; i < e && text[i] >= '0' && text[i] <= '9'; i++, digits++) {
            if (significant < 19) {
                mantissa = mantissa * 10 + (text[i] - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                scale++;
                significant++;
            }
        }
        if (i < e && text[i] == '.') {
            for (i++; i < e && text[i] >= '0' && text[i] <= '9'; i++, digits++) {
                if (significant < 19) {
                    mantissa = mantissa * 10 + (text[i] - '0');
                    scale--;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    significant++;
                }
            }
        }
        if (digits == 0) {
            return special(text, s, e);
        }
        if (i < e && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negativeExponent = i < e && text[i] == '-';
            if (i < e && (text[i] == '-' || text[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            int exponent = 0;
            for (; i < e && text[i] >= '0' && text[i] <= '9'; i++, exponentDigits++) {
                exponent = Math.min(exponent * 10 + (text[i] - '0'), 100_000);
            }
            if (exponentDigits == 0) {
                throw notANumber(text, from, to);
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != e) {
            throw notANumber(text, from, to);
        }
        if (significant <= 19 && mantissa <= EXACT_MANTISSA && Math.abs(scale) <= 22) {
            // mantissa and 10^|scale| are exact doubles, so one multiply or divide is correctly rounded
            double m = mantissa;
            double v = scale >= 0 ? m * POW10[scale] : m / POW10[-scale];
            return negative ? -v : v;
        }
        if (mantissa == 0 && significant == 0) {
            return negative ? -0.0 : 0.0;
        }
        // validated above: the JDK's conversion is exact and sees only the grammar's forms
        return Double.parseDouble(new String(text, s, e - s, StandardCharsets.US_ASCII));
    }

    /**
     * Parses a string.
     *
     * @throws NumberFormatException if it is not a number of the grammar
     */
    public static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    private static double special(byte[] text, int s, int e) {
        String t = new String(text, s, e - s, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "nan", "na" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw notANumber(text, s, e);
        };
    }

    private static NumberFormatException notANumber(byte[] text, int from, int to) {
        return new NumberFormatException(TextNames.visible(new String(text, from, to - from, StandardCharsets.UTF_8)));
    }

    /** Appends the shortest text of {@code v} that reads back to the same double; nothing for NaN. */
    public static void append(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else if (!Double.isNaN(v)) {
            sb.append(v);
        }
    }
}
