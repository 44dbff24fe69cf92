package org.flashdeconv.io.batch;

import java.util.List;
import java.util.Locale;

/**
 * One row of a batch's {@code summaries.csv}: how a slide went. A slide that failed has status {@code failed}, its
 * one-line error, and empty figures.
 *
 * @param slideId      the slide id
 * @param spots        spots of the slide (-1 when failed)
 * @param genesMatched genes shared with the reference (-1 when failed)
 * @param lambdaUsed   the λ the solver used (NaN when failed)
 * @param sweeps       solver sweeps (-1 when failed)
 * @param converged    whether the solver met its tolerance
 * @param seconds      wall time of the slide
 * @param status       {@code ok} or {@code failed}
 * @param error        the one-line error of a failed slide, else null
 */
public record SlideSummary(String slideId, long spots, int genesMatched, double lambdaUsed, int sweeps,
                           boolean converged, double seconds, String status, String error) {
    /** The status of a slide with results. */
    public static final String OK = "ok";
    /** The status of a slide that failed. */
    public static final String FAILED = "failed";
    /** The header of {@code summaries.csv}. */
    public static final String HEADER =
            "slide_id,spots,genes_matched,lambda_used,sweeps,converged,seconds,status,error";

    /** A slide that failed with {@code error} after {@code seconds}. */
    public static SlideSummary failed(String slideId, double seconds, String error) {
        return new SlideSummary(slideId, -1, -1, Double.NaN, -1, false, seconds, FAILED, error);
    }

    /** Whether the slide has results. */
    public boolean ok() {
        return OK.equals(status);
    }

    /** The row as an RFC 4180 record (no line end). */
    public String csvRow() {
        boolean ok = ok();
        return Rfc4180.record(List.of(slideId, ok ? Long.toString(spots) : "", ok ? Integer.toString(genesMatched) : "",
                ok ? Double.toString(lambdaUsed) : "", ok ? Integer.toString(sweeps) : "",
                ok ? Boolean.toString(converged) : "", String.format(Locale.ROOT, "%.3f", seconds), status,
                error == null ? "" : error));
    }

    /**
     * Parses a row written by {@link #csvRow()}.
     *
     * @throws IllegalArgumentException if it is not such a row (naming {@code name})
     */
    public static SlideSummary parse(String csv, String name) {
        List<Rfc4180.Row> rows = Rfc4180.parse(csv, name);
        if (rows.size() != 2 || !String.join(",", rows.get(0).fields()).equals(HEADER)
                || rows.get(1).fields().size() != 9) {
            throw new IllegalArgumentException(name + ": not a slide summary (expected the header " + HEADER
                    + " and one row)");
        }
        List<String> f = rows.get(1).fields();
        try {
            double seconds = Double.parseDouble(f.get(6));
            if (!OK.equals(f.get(7))) {
                return failed(f.get(0), seconds, f.get(8));
            }
            return new SlideSummary(f.get(0), Long.parseLong(f.get(1)), Integer.parseInt(f.get(2)),
                    Double.parseDouble(f.get(3)), Integer.parseInt(f.get(4)), Boolean.parseBoolean(f.get(5)), seconds,
                    OK, null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a slide summary: " + e.getMessage(), e);
        }
    }

    /** A whole {@code summaries.csv}: the header and the rows, lines ending in LF. */
    public static String table(List<SlideSummary> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (SlideSummary s : rows) {
            sb.append(s.csvRow()).append('\n');
        }
        return sb.toString();
    }

    /** A one-slide table, the content of a completion marker. */
    public String marker() {
        return table(List.of(this));
    }
}
