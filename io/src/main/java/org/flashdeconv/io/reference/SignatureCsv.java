package org.flashdeconv.io.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flashdeconv.io.text.CsvReader;
import org.flashdeconv.io.text.TextNames;

/**
 * Reads reference signatures from a CSV file. {@link Orientation#TYPES_BY_GENES}: a header
 * {@code cell_type,<gene>,<gene>,...} then one row per type ({@code <type>,<value>,...});
 * {@link Orientation#GENES_BY_TYPES}: a header {@code gene,<type>,<type>,...} then one row per gene. The first
 * header field is a label and is ignored. Types keep the file's order. The file is RFC 4180 (names with commas
 * or quotes are quoted) and names are kept exactly; every value must be a finite number >= 0 of the
 * {@link org.flashdeconv.io.text.DecimalText} grammar. Type names must be distinct, non-empty and visible
 * ({@link TextNames#problem}; reserved names are refused by the caller); gene names may repeat (the gene matcher warns and uses the first).
 */
public final class SignatureCsv {

    /** How the signatures matrix is laid out in the file. */
    public enum Orientation {
        /** One row per cell type, genes as columns (the default). */
        TYPES_BY_GENES,
        /** One row per gene, cell types as columns. */
        GENES_BY_TYPES;

        /**
         * Parses {@code types-by-genes} or {@code genes-by-types}.
         *
         * @throws IllegalArgumentException for any other value
         */
        public static Orientation parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "types-by-genes" -> TYPES_BY_GENES;
                case "genes-by-types" -> GENES_BY_TYPES;
                default -> throw new IllegalArgumentException("reference orientation: expected types-by-genes or "
                        + "genes-by-types, found '" + value + "'");
            };
        }
    }

    private SignatureCsv() {
    }

    /**
     * Reads a signatures CSV.
     *
     * @throws ReferenceFormatException on a ragged row, a value that is not a finite number >= 0, a duplicated,
     *                                  empty or reserved type name, an empty or invisible gene name, or a file
     *                                  without data rows
     * @throws org.flashdeconv.io.text.CsvFormatException on malformed CSV
     * @throws IOException              if the file cannot be read
     */
    public static LoadedReference read(Path file, Orientation orientation) throws IOException {
        List<String> header = null;
        List<String> rowNames = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (CsvReader r = CsvReader.open(file, ReferenceFormatException::new)) {
            while (r.next()) {
                if (header == null) {
                    if (r.fields() < 2) {
                        throw r.error("expected a header with a label and at least one column name, found "
                                + r.fields() + " field");
                    }
                    header = r.all().subList(1, r.fields());
                    continue;
                }
                if (r.fields() != header.size() + 1) {
                    throw r.error("expected " + (header.size() + 1) + " fields (as in the header), found "
                            + r.fields());
                }
                double[] values = new double[header.size()];
                for (int j = 0; j < values.length; j++) {
                    String what = "column " + (j + 2) + " (" + TextNames.visible(header.get(j)) + ")";
                    values[j] = r.number(j + 1, what);
                    if (!(values[j] >= 0) || Double.isInfinite(values[j])) {
                        throw r.error(what + ": expected a finite value >= 0, found " + r.field(j + 1));
                    }
                }
                rowNames.add(r.field(0));
                rows.add(values);
            }
        }
        if (header == null || rows.isEmpty()) {
            throw new ReferenceFormatException(file.toString(), "no signature rows");
        }
        List<String> types = orientation == Orientation.TYPES_BY_GENES ? rowNames : header;
        List<String> genes = orientation == Orientation.TYPES_BY_GENES ? header : rowNames;
        String problem = TextNames.firstProblem("cell type", types, true);
        if (problem == null) {
            problem = TextNames.firstProblem("gene", genes, false);
        }
        if (problem != null) {
            throw new ReferenceFormatException(file.toString(), problem);
        }
        double[][] sig = new double[types.size()][genes.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                if (orientation == Orientation.TYPES_BY_GENES) {
                    sig[r][c] = rows.get(r)[c];
                } else {
                    sig[c][r] = rows.get(r)[c];
                }
            }
        }
        return new LoadedReference(new Reference(types, genes, List.of(), sig, new long[0]), List.of());
    }
}
