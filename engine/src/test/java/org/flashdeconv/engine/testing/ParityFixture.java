package org.flashdeconv.engine.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Loads a parity case of {@code src/test/resources/parity} (see its README): the inputs as plain arrays,
 * and the expected outputs of one configuration. Test-only; reads from the class path.
 */
public final class ParityFixture {

    /** The two cases. */
    public static final String SYNTHETIC = "synthetic-small";
    /** The upstream regression case. */
    public static final String UPSTREAM = "upstream-regression";

    /** Configurations of {@link #SYNTHETIC}. */
    public static final List<String> SYNTHETIC_CONFIGS = List.of("v016-default", "v016-pearson", "v016-raw",
            "v016-radius1.5", "v016-lambda0.5", "v016-grid", "v016-smallsel", "v020-expected-default");
    /** Configurations of {@link #UPSTREAM}. */
    public static final List<String> UPSTREAM_CONFIGS = List.of("v020-expected", "v020-countsketch-seed0");

    private static final Map<String, ParityFixture> LOADED = new ConcurrentHashMap<>();

    /** Case name. */
    public final String name;
    /** Spot barcodes, N. */
    public final List<String> barcodes;
    /** Gene names, G. */
    public final List<String> genes;
    /** Cell-type names, K. */
    public final List<String> cellTypes;
    /** Counts, N x G (spots x genes), dense. */
    public final double[][] counts;
    /** Signatures, K x G. */
    public final double[][] signatures;
    /** Coordinates, N x 2. */
    public final double[][] coords;

    private ParityFixture(String name) {
        this.name = name;
        String base = "/parity/" + name + "/";
        this.barcodes = lines(base + "counts/barcodes.tsv");
        this.genes = lines(base + "counts/features.tsv");
        this.counts = new double[barcodes.size()][genes.size()];
        List<String> mtx = lines(base + "counts/matrix.mtx");
        for (String line : mtx.subList(2, mtx.size())) {
            String[] t = line.split(" ");
            counts[Integer.parseInt(t[1]) - 1][Integer.parseInt(t[0]) - 1] = Double.parseDouble(t[2]);
        }
        Table sig = readTable(base + "signatures.csv");
        this.cellTypes = sig.keys;
        this.signatures = sig.values;
        this.coords = readTable(base + "coordinates.csv").values;
    }

    /** Loads case {@code name} ({@link #SYNTHETIC} or {@link #UPSTREAM}). */
    public static ParityFixture load(String name) {
        return new ParityFixture(name);
    }

    /** Case {@code name}, loaded once per test run and shared by the tests (which must not modify it). */
    public static ParityFixture shared(String name) {
        return LOADED.computeIfAbsent(name, ParityFixture::load);
    }

    /** Every configuration of both cases, as the arguments {@code (case name, configuration)} of a test. */
    public static Stream<Arguments> configurations() {
        return Stream.concat(SYNTHETIC_CONFIGS.stream().map(c -> Arguments.of(SYNTHETIC, c)),
                UPSTREAM_CONFIGS.stream().map(c -> Arguments.of(UPSTREAM, c)));
    }

    /** A keyed numeric CSV of this case's folder (beside {@code signatures.csv}, e.g. {@code hvg_stats.csv}). */
    public Table table(String file) {
        return readTable("/parity/" + name + "/" + file);
    }

    /** The expected outputs of configuration {@code config} of this case. */
    public Expected expected(String config) {
        return new Expected("/parity/" + name + "/expected/" + config + "/");
    }

    /** Expected outputs of one configuration; files are read on demand. */
    public static final class Expected {
        private final String base;

        Expected(String base) {
            this.base = base;
        }

        /** {@code params.json} as a flat map (numbers as Double, strings, Boolean, null). */
        public Map<String, Object> params() {
            return FlatJson.parse(String.join("\n", lines(base + "params.json")));
        }

        /** {@code summary.json} as a flat map (arrays as double[]). */
        public Map<String, Object> summary() {
            return FlatJson.parse(String.join("\n", lines(base + "summary.json")));
        }

        /** True if the configuration has the file. */
        public boolean has(String file) {
            return ParityFixture.class.getResource(base + file) != null;
        }

        /** A CSV column of ints (gene lists; edge lists use {@link #edges}). */
        public int[] intColumn(String file, int column) {
            return column(file, column).mapToInt(Integer::parseInt).toArray();
        }

        /** A numeric CSV column. */
        public double[] doubleColumn(String file, int column) {
            return column(file, column).mapToDouble(Double::parseDouble).toArray();
        }

        /** An integer of {@code params.json} (stored as a JSON number). */
        public int intParam(String key) {
            return ((Double) params().get(key)).intValue();
        }

        private Stream<String> column(String file, int column) {
            List<String> l = lines(base + file);
            return l.subList(1, l.size()).stream().map(line -> line.split(",")[column]);
        }

        /** A CSV whose first column is a key and the rest numbers (beta, proportions, gram). */
        public Table table(String file) {
            return readTable(base + file);
        }

        /** Edges {@code i,j} of {@code graph_edges.csv}, as rows of two ints. */
        public int[][] edges() {
            List<String> l = lines(base + "graph_edges.csv");
            int[][] out = new int[l.size() - 1][];
            for (int i = 1; i < l.size(); i++) {
                out[i - 1] = Arrays.stream(l.get(i).split(",")).mapToInt(Integer::parseInt).toArray();
            }
            return out;
        }
    }

    /** A keyed numeric table: header names (after the key column), row keys, values. */
    public record Table(List<String> header, List<String> keys, double[][] values) {
    }

    static Table readTable(String resource) {
        List<String> l = lines(resource);
        List<String> header = List.of(l.get(0).split(","));
        List<String> keys = new ArrayList<>();
        double[][] values = new double[l.size() - 1][];
        for (int i = 1; i < l.size(); i++) {
            String[] t = l.get(i).split(",");
            keys.add(t[0]);
            values[i - 1] = new double[t.length - 1];
            for (int j = 1; j < t.length; j++) {
                values[i - 1][j - 1] = Double.parseDouble(t[j]);
            }
        }
        return new Table(header.subList(1, header.size()), keys, values);
    }

    static List<String> lines(String resource) {
        try (InputStream in = ParityFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String s; (s = r.readLine()) != null; ) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
