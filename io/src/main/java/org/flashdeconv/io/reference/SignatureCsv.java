package org.flashdeconv.io.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flashdeconv.io.text.TextInput;

/**
 * Reads reference signatures from a CSV file. {@link Orientation#TYPES_BY_GENES}: a header
 * {@code cell_type,<gene>,<gene>,...} then one row per type ({@code <type>,<value>,...});
 * {@link Orientation#GENES_BY_TYPES}: a header {@code gene,<type>,<type>,...} then one row per gene. The first
 * header field is a label and is ignored. Types keep the file's order. Every value must be a finite number
 * >= 0.
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
     * @throws ReferenceFormatException on a ragged row, a value that is not a finite number >= 0, a duplicated
     *                                  type, or a file without data rows
     * @throws IOException              if the file cannot be read
     */
    public static LoadedReference read(Path file, Orientation orientation) throws IOException {
        List<String> header = null;
        List<String> rowNames = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = TextInput.reader(file)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvFields.split(line);
                if (header == null) {
                    if (f.size() < 2) {
                        throw new ReferenceFormatException(file, lineNo, "expected a header with a label and at "
                                + "least one column name, found " + f.size() + " field");
                    }
                    header = f.subList(1, f.size()).stream().map(String::trim).toList();
                    continue;
                }
                if (f.size() != header.size() + 1) {
                    throw new ReferenceFormatException(file, lineNo, "expected " + (header.size() + 1)
                            + " fields (as in the header), found " + f.size());
                }
                double[] values = new double[header.size()];
                for (int j = 0; j < values.length; j++) {
                    String s = f.get(j + 1).trim();
                    try {
                        values[j] = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new ReferenceFormatException(file, lineNo, "column " + (j + 2) + " ("
                                + header.get(j) + "): not a number: '" + s + "'");
                    }
                    if (!(values[j] >= 0) || Double.isInfinite(values[j])) {
                        throw new ReferenceFormatException(file, lineNo, "column " + (j + 2) + " ("
                                + header.get(j) + "): expected a finite value >= 0, found " + s);
                    }
                }
                rowNames.add(f.get(0).trim());
                rows.add(values);
            }
        }
        if (header == null || rows.isEmpty()) {
            throw new ReferenceFormatException(file.toString(), "no signature rows");
        }
        List<String> types = orientation == Orientation.TYPES_BY_GENES ? rowNames : header;
        List<String> genes = orientation == Orientation.TYPES_BY_GENES ? header : rowNames;
        Set<String> seen = new HashSet<>();
        for (String t : types) {
            if (!seen.add(t)) {
                throw new ReferenceFormatException(file.toString(), "cell type '" + t + "' appears twice");
            }
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
