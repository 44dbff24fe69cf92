package org.flashdeconv.io.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a name (barcode, gene, cell type) may hold, and how to show one in a message. A name is kept exactly as
 * read, commas, quotes, spaces and non-ASCII letters included (every CSV writer quotes it as RFC 4180 says); a
 * name that is empty or holds a character nobody can see or type back (a control character such as a newline or
 * tab, a byte-order mark or another format character, an unpaired surrogate, or U+FFFD, which decoders put where
 * bytes were not UTF-8) is refused, and the message shows it
 * with those characters escaped ({@code \n}, {@code \t}, {@code \u200B}).
 */
public final class TextNames {
    /** Result columns a cell type may not be called, as they would collide in the CSV headers. */
    public static final List<String> RESERVED_COLUMNS = List.of("barcode", "qc", "dominant_type", "background");

    private TextNames() {
    }

    /**
     * What is wrong with {@code name} as a name, or null if it is fine.
     *
     * @return a phrase such as {@code "is empty"} or {@code "holds an invisible character (U+FEFF)"}
     */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (invisible(c)) {
                return "holds an invisible or control character (" + escape(c) + ")";
            } else if (c == '\uFFFD') {
                return "holds U+FFFD, the mark of bytes that were not UTF-8 text (re-save the input as UTF-8)";
            }
        }
        return null;
    }

    /**
     * Checks a list of names of one kind.
     *
     * @param kind   what they are ("barcode", "gene", "cell type")
     * @param names  the names, in file order
     * @param unique whether a name may appear only once
     * @return null if all are fine, else a one-line description of the first bad one (1-based position)
     */
    public static String firstProblem(String kind, List<String> names, boolean unique) {
        Set<String> seen = unique ? new HashSet<>() : null;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String p = problem(n);
            if (p != null) {
                return kind + " " + (i + 1) + " '" + visible(n) + "' " + p;
            }
            if (seen != null && !seen.add(n)) {
                return kind + " '" + visible(n) + "' appears twice";
            }
        }
        return null;
    }

    /**
     * Checks cell-type names: valid names, no duplicates, none equal to a {@linkplain #RESERVED_COLUMNS reserved
     * result column}.
     *
     * @return null if all are fine, else a one-line description of the first bad one
     */
    public static String cellTypeProblem(List<String> types) {
        String p = firstProblem("cell type", types, true);
        if (p != null) {
            return p;
        }
        for (String t : types) {
            if (RESERVED_COLUMNS.contains(t)) {
                return "cell type '" + t + "' has the name of a result column (" + String.join(", ",
                        RESERVED_COLUMNS) + " are reserved): rename it in the reference";
            }
        }
        return null;
    }

    /** {@code s} with invisible and control characters escaped, for a message. */
    public static String visible(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (!pair && (invisible(c) || c == '\\')) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(c == '\\' ? "\\\\" : escape(c));
            } else if (sb != null) {
                sb.append(c);
            }
            if (pair) {
                if (sb != null) {
                    sb.append(s.charAt(i + 1));
                }
                i++;
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean invisible(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED && c >= 0xfff0;
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04X", (int) c);
        };
    }
}
