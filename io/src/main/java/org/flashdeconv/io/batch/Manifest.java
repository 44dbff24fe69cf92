package org.flashdeconv.io.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The slides of a batch: an RFC 4180 CSV with the header {@code slide_id,spatial[,coords][,library_key]} (columns
 * in any order, names case-insensitive) and one row per slide. Paths are as written; relative ones are relative to
 * the manifest's folder ({@link #resolve}). A slide id names the slide's result folder and its partition of the
 * proportions table, so it is restricted to letters, digits, {@code .}, {@code _} and {@code -}, not starting with
 * {@code .} or {@code _}.
 *
 * @param name   the manifest's file name or URI, for messages
 * @param slides the slides in file order
 */
public record Manifest(String name, List<Slide> slides) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-][A-Za-z0-9._-]*");
    private static final Set<String> COLUMNS = Set.of("slide_id", "spatial", "coords", "library_key");
    private static final Set<String> RESERVED = Set.of("proportions.parquet", "summaries.csv");

    /**
     * One slide.
     *
     * @param id         the slide id
     * @param spatial    the spatial input as written
     * @param coords     the coordinates CSV as written, or null
     * @param libraryKey the library_key value, or null
     * @param line       the manifest line of the row
     */
    public record Slide(String id, String spatial, String coords, String libraryKey, long line) {
    }

    /** Copies the list. */
    public Manifest {
        slides = List.copyOf(slides);
    }

    /**
     * Reads a manifest file.
     *
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it is not a valid manifest (naming the line)
     */
    public static Manifest read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a manifest's text.
     *
     * @param name the file name or URI, for messages
     * @throws IllegalArgumentException if the header lacks slide_id or spatial or has an unknown or repeated column,
     *                                  a row has the wrong number of fields or an empty id or path, or an id is not
     *                                  allowed or repeated (naming the line)
     */
    public static Manifest parse(String text, String name) {
        List<Rfc4180.Row> rows = Rfc4180.parse(text, name);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": empty manifest; expected the header "
                    + "slide_id,spatial[,coords][,library_key] and one row per slide");
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> header = rows.getFirst().fields();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(h) || col.put(h, c) != null) {
                throw new IllegalArgumentException(name + " line 1: " + (COLUMNS.contains(h) ? "repeated" : "unknown")
                        + " column '" + header.get(c) + "'; expected slide_id,spatial[,coords][,library_key]");
            }
        }
        for (String required : List.of("slide_id", "spatial")) {
            if (!col.containsKey(required)) {
                throw new IllegalArgumentException(name + " line 1: no column '" + required
                        + "'; expected slide_id,spatial[,coords][,library_key]");
            }
        }
        List<Slide> slides = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Map<Long, String> ids = new HashMap<>();
        for (Rfc4180.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            String at = name + " line " + row.line();
            if (f.size() != header.size()) {
                throw new IllegalArgumentException(at + ": " + f.size() + " fields, expected " + header.size());
            }
            String id = f.get(col.get("slide_id")).strip();
            if (!ID.matcher(id).matches() || RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(at + ": slide_id '" + id + "' is not allowed (letters, digits, "
                        + "'.', '_' and '-', not starting with '.' or '_'; it names the slide's folder)");
            }
            // ids name folders: two that differ only in case are one folder on macOS and Windows
            Long before = seen.putIfAbsent(id.toLowerCase(Locale.ROOT), row.line());
            if (before != null) {
                throw new IllegalArgumentException(at + ": slide_id '" + id + "' repeats line " + before
                        + (ids.get(before).equals(id) ? "" : " ('" + ids.get(before) + "'; ids name folders, which "
                        + "some file systems do not tell apart by case)"));
            }
            ids.put(row.line(), id);
            String spatial = f.get(col.get("spatial")).strip();
            if (spatial.isEmpty()) {
                throw new IllegalArgumentException(at + ": slide '" + id + "' has no spatial path");
            }
            slides.add(new Slide(id, spatial, optional(f, col.get("coords")), optional(f, col.get("library_key")),
                    row.line()));
        }
        if (slides.isEmpty()) {
            throw new IllegalArgumentException(name + ": the manifest lists no slide");
        }
        return new Manifest(name, slides);
    }

    /** {@code path} resolved against the manifest's folder {@code base} unless absolute. */
    public static Path resolve(Path base, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }

    private static String optional(List<String> f, Integer c) {
        if (c == null) {
            return null;
        }
        String v = f.get(c).strip();
        return v.isEmpty() ? null : v;
    }
}
