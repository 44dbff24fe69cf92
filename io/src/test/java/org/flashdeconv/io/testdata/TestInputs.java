package org.flashdeconv.io.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.source.CountSource;

/**
 * The generated test inputs under {@code src/test/resources/h5} (see make_test_files.py there) and their ground
 * truth ({@code truth.txt}), plus helpers that read a {@link CountSource} back into small dense arrays.
 */
public final class TestInputs {
    private static Map<String, String[]> truth;
    private static Path extracted;

    private TestInputs() {
    }

    /**
     * A path under the generated test inputs, e.g. {@code h5ad/csr_gzip.h5ad}. When the inputs come from a jar (this
     * module's test-jar on another module's class path), a file is copied once to a temporary folder first.
     */
    public static synchronized Path path(String relative) {
        URL url = TestInputs.class.getResource("/h5/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no test resource h5/" + relative);
        }
        try {
            if (!"jar".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            if (extracted == null) {
                extracted = Files.createTempDirectory("flashdeconv-test-inputs");
                extracted.toFile().deleteOnExit();
            }
            Path target = extracted.resolve(relative);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try (InputStream in = url.openStream()) {
                    Files.copy(in, target);
                }
                target.toFile().deleteOnExit();
            }
            return target;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of truth.txt as strings. */
    public static synchronized String[] truth(String key) {
        if (truth == null) {
            Map<String, String[]> lines = new HashMap<>();
            try {
                for (String line : Files.readAllLines(path("truth.txt"))) {
                    String[] parts = line.split("\t", -1);
                    lines.put(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            truth = lines;
        }
        String[] v = truth.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no truth line " + key);
        }
        return v;
    }

    /** A line of truth.txt as doubles. */
    public static double[] truthNumbers(String key) {
        return Arrays.stream(truth(key)).mapToDouble(Double::parseDouble).toArray();
    }

    /** A line of truth.txt as a rows x cols matrix. */
    public static double[][] truthMatrix(String key, int cols) {
        double[] flat = truthNumbers(key);
        double[][] out = new double[flat.length / cols][];
        for (int r = 0; r < out.length; r++) {
            out[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return out;
    }

    /** The source's matrix as dense spots x genes (entries for the same cell are summed). */
    public static double[][] dense(CountSource source) throws IOException {
        double[][] out = new double[(int) source.spots()][source.genes()];
        source.forEachEntry((spot, gene, value, location) -> out[(int) spot][gene] += value);
        return out;
    }

    /** The source's barcodes. */
    public static List<String> barcodes(CountSource source) throws IOException {
        List<String> out = new ArrayList<>();
        source.forEachBarcode(out::add);
        return out;
    }

    /** The source's coordinates as spots x dim, read in two bulk calls to exercise offsets. */
    public static double[][] coordinates(CountSource source) throws IOException {
        CountSource.Coordinates c = source.coordinates().orElseThrow();
        int n = (int) source.spots();
        int dim = c.dim();
        double[] flat = new double[n * dim];
        int half = n / 2;
        double[] part = new double[Math.max(half, n - half) * dim];
        c.read(0, half, part);
        System.arraycopy(part, 0, flat, 0, half * dim);
        c.read(half, n - half, part);
        System.arraycopy(part, 0, flat, half * dim, (n - half) * dim);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
        }
        return out;
    }

    /** Checks that entries arrive grouped by ascending spot with ascending genes; returns the entry count. */
    public static long checkSpotMajorOrder(CountSource source) throws IOException {
        long[] last = {-1, -1, 0};
        source.forEachEntry((spot, gene, value, location) -> {
            if (spot < last[0] || spot == last[0] && gene <= last[1]) {
                throw new AssertionError("entry (" + spot + ", " + gene + ") after (" + last[0] + ", " + last[1] + ")");
            }
            last[0] = spot;
            last[1] = gene;
            last[2]++;
        });
        return last[2];
    }
}
