package org.flashdeconv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flashdeconv.io.store.CountStore;
import org.flashdeconv.io.store.StoreHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flashdeconv info}: what a {@code .fdstore} file holds, as text or one JSON object. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Describes a .fdstore file: shape, non-zeros, density, value type, spot totals "
                + "(min/median/max), coordinate bounding box and checksum status. Given any other input (a Space "
                + "Ranger folder, an .h5ad, a 10x .h5, a MEX folder), says what it is and what to run on it."},
        footer = {"", "Example:",
            "  flashdeconv info lymph_node.fdstore --verify",
            "  flashdeconv info lymph_node.fdstore --json   # {\"n_spots\":1000,...}",
            "  flashdeconv info outs/"})
final class InfoCommand implements Callable<Integer> {
    private static final String[] AXES = {"x", "y", "z"};

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "The .fdstore file (or any input, to learn what it is).")
    Path store;

    @Option(names = "--json", description = "Print one JSON object (n_spots, n_genes, nnz, value_type, has_coords, ...).")
    boolean json;

    @Option(names = "--verify", description = "Re-read the whole file and check every section's CRC32C and the "
            + "matrix structure (exit 1 on a mismatch).")
    boolean verify;

    @Override
    public Integer call() throws IOException {
        if (!SpatialStore.isStore(store)) {
            if (!java.nio.file.Files.exists(store)) {
                throw new java.nio.file.NoSuchFileException(store.toString());
            }
            PrintWriter out = spec.commandLine().getOut();
            InputDescription.of(store).forEach(out::println);
            out.flush();
            return 0;
        }
        try (CountStore s = CountStore.open(store, verify)) {
            StoreStats st = StoreStats.of(s);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json(s, st));
            } else {
                text(out, s, st);
            }
            out.flush();
        }
        return 0;
    }

    private String checksums(CountStore s) {
        return s.verified() ? "verified" : "not_checked";
    }

    private void text(PrintWriter out, CountStore s, StoreStats st) {
        out.printf(Locale.ROOT, "store        %s (format %d)%n", s.path(), s.header().version());
        out.printf(Locale.ROOT, "shape        %d spots x %d genes%n", s.spots(), s.genes());
        out.printf(Locale.ROOT, "non-zeros    %d (density %.4g)%n", s.nnz(), st.density());
        out.printf(Locale.ROOT, "values       %s%s%n", s.valueType().name().toLowerCase(Locale.ROOT),
                s.nonIntegerValues() ? ", not all integers (normalised data?)" : "");
        out.printf(Locale.ROOT, "spot totals  min %s, median %s, max %s%n", StoreStats.format(st.totalMin()),
                StoreStats.format(st.totalMed()), StoreStats.format(st.totalMax()));
        if (st.boxMin().length == 0) {
            out.println("coordinates  none");
        } else {
            StringBuilder b = new StringBuilder();
            for (int d = 0; d < st.boxMin().length; d++) {
                b.append(d == 0 ? "" : ", ").append(AXES[d]).append(" [").append(StoreStats.format(st.boxMin()[d]))
                        .append(", ").append(StoreStats.format(st.boxMax()[d])).append(']');
            }
            out.printf(Locale.ROOT, "coordinates  %d-D, %s%n", st.boxMin().length, b);
        }
        out.printf(Locale.ROOT, "checksums    %s%n", s.verified() ? "verified" : "not checked (use --verify)");
        out.printf(Locale.ROOT, "sections     %d (%s)%n", s.header().sections().size(), sectionList(s.header()));
    }

    private static String sectionList(StoreHeader h) {
        StringBuilder b = new StringBuilder();
        h.sections().forEach(e -> b.append(b.isEmpty() ? "" : ", ").append(e.kind().label()));
        return b.toString();
    }

    private String json(CountStore s, StoreStats st) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"path\":").append(quote(s.path().toString()));
        b.append(",\"format_version\":").append(s.header().version());
        b.append(",\"n_spots\":").append(s.spots());
        b.append(",\"n_genes\":").append(s.genes());
        b.append(",\"nnz\":").append(s.nnz());
        b.append(",\"density\":").append(st.density());
        b.append(",\"value_type\":\"").append(s.valueType().name().toLowerCase(Locale.ROOT)).append('"');
        b.append(",\"totals\":{\"min\":").append(st.totalMin()).append(",\"median\":").append(st.totalMed())
                .append(",\"max\":").append(st.totalMax()).append('}');
        b.append(",\"integer_values\":").append(!s.nonIntegerValues());
        b.append(",\"has_coords\":").append(st.boxMin().length > 0);
        b.append(",\"coord_dim\":").append(st.boxMin().length);
        if (st.boxMin().length > 0) {
            b.append(",\"bbox\":{\"min\":").append(array(st.boxMin())).append(",\"max\":").append(array(st.boxMax()))
                    .append('}');
        }
        b.append(",\"checksums\":\"").append(checksums(s)).append('"');
        return b.append('}').toString();
    }

    private static String array(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
