package org.flashdeconv.io.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.FixedShapeSource;

/**
 * A small random spots x genes matrix held in plain arrays (the test oracle), with barcodes, gene names and ids
 * and 2-D coordinates; it can act as a {@link CountSource} (entries in CSR order or shuffled) and write itself
 * as a MEX folder. Seeded: the same arguments give the same matrix.
 */
public final class SparseFixture {
    /** Dense values, spots x genes (0 = not stored). */
    public final double[][] dense;
    public final List<String> barcodes = new ArrayList<>();
    public final List<String> geneNames = new ArrayList<>();
    public final List<String> geneIds = new ArrayList<>();
    public final double[][] coords;

    /**
     * @param integers whole-number counts (the f32 path) or values with decimals that floats cannot hold
     */
    public SparseFixture(int spots, int genes, double density, boolean integers, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        dense = new double[spots][genes];
        coords = new double[spots][2];
        for (int s = 0; s < spots; s++) {
            for (int g = 0; g < genes; g++) {
                if (rnd.nextDouble() < density) {
                    dense[s][g] = integers ? 1 + rnd.nextInt(300) : 0.1 + rnd.nextInt(1000) / 3.0;
                }
            }
            barcodes.add(String.format("AC%06dGT-%d", s * 7919 % 1000003, s % 3 + 1));
            coords[s][0] = 100 + 137.5 * (s % 40);
            coords[s][1] = -20.25 + 119.0 * (s / 40);
        }
        for (int g = 0; g < genes; g++) {
            geneNames.add("Gene" + g + (g % 5 == 0 ? "-ü" : ""));
            geneIds.add("ENSG" + (10000 + g));
        }
    }

    public int spots() {
        return dense.length;
    }

    public int genes() {
        return geneNames.size();
    }

    /** Entries as {spot, gene} pairs in CSR order. */
    public List<long[]> entries() {
        List<long[]> out = new ArrayList<>();
        for (int s = 0; s < spots(); s++) {
            for (int g = 0; g < genes(); g++) {
                if (dense[s][g] != 0) {
                    out.add(new long[] {s, g});
                }
            }
        }
        return out;
    }

    /** Number of stored entries. */
    public long nnz() {
        return entries().size();
    }

    /** Entries in CSR order, or shuffled with {@code seed} when {@code shuffleSeed != 0}. */
    public List<long[]> entries(long shuffleSeed) {
        List<long[]> e = entries();
        if (shuffleSeed != 0) {
            java.util.Collections.shuffle(e, new Random(shuffleSeed));
        }
        return e;
    }

    /**
     * Writes a MEX folder (features x barcodes) into {@code dir}: matrix.mtx, features.tsv, barcodes.tsv,
     * gzipped when {@code gzip}; entries in spot-major order or shuffled ({@code shuffleSeed != 0}).
     */
    public Path writeMex(Path dir, boolean gzip, long shuffleSeed) throws IOException {
        Files.createDirectories(dir);
        String gz = gzip ? ".gz" : "";
        List<long[]> e = entries(shuffleSeed);
        try (Writer w = open(dir.resolve("matrix.mtx" + gz), gzip)) {
            w.write("%%MatrixMarket matrix coordinate " + (integersOnly() ? "integer" : "real") + " general\n");
            w.write("% written by SparseFixture\n");
            w.write(genes() + " " + spots() + " " + e.size() + "\n");
            for (long[] x : e) {
                w.write((x[1] + 1) + " " + (x[0] + 1) + " " + format(dense[(int) x[0]][(int) x[1]]) + "\n");
            }
        }
        try (Writer w = open(dir.resolve("features.tsv" + gz), gzip)) {
            for (int g = 0; g < genes(); g++) {
                w.write(geneIds.get(g) + "\t" + geneNames.get(g) + "\tGene Expression\n");
            }
        }
        try (Writer w = open(dir.resolve("barcodes.tsv" + gz), gzip)) {
            for (String b : barcodes) {
                w.write(b + "\n");
            }
        }
        return dir;
    }

    /** Writes {@code barcode,x,y} rows in reverse spot order. */
    public Path writeCoordinates(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("barcode,x,y\n");
        for (int s = spots() - 1; s >= 0; s--) {
            sb.append(barcodes.get(s)).append(',').append(coords[s][0]).append(',').append(coords[s][1]).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    private boolean integersOnly() {
        for (double[] row : dense) {
            for (double v : row) {
                if (v != Math.rint(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static Writer open(Path p, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(p);
        if (gzip) {
            out = new GZIPOutputStream(out);
        }
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /**
     * This matrix as a source. {@code shuffleSeed != 0} delivers entries shuffled; {@code claimSpotMajor} is what
     * {@link CountSource#spotMajor()} reports (true with shuffled entries makes a source that lies).
     */
    public CountSource source(long shuffleSeed, boolean claimSpotMajor, boolean withCoords) {
        List<long[]> e = entries(shuffleSeed);
        double[][] values = dense;
        return new FixedShapeSource("fixture", dense.length, geneNames, geneIds) {
            @Override
            public void forEachBarcode(Consumer<String> consumer) {
                barcodes.forEach(consumer);
            }

            @Override
            public boolean spotMajor() {
                return claimSpotMajor;
            }

            @Override
            public void forEachEntry(EntryConsumer consumer) throws IOException {
                for (int i = 0; i < e.size(); i++) {
                    long[] x = e.get(i);
                    consumer.accept(x[0], (int) x[1], values[(int) x[0]][(int) x[1]], i);
                }
            }

            @Override
            public String describe(long location) {
                return "fixture entry " + location;
            }

            @Override
            public Optional<Coordinates> coordinates() {
                if (!withCoords) {
                    return Optional.empty();
                }
                return Optional.of(Coordinates.of(2, (first, count, out) -> {
                    for (int i = 0; i < count; i++) {
                        out[2 * i] = coords[(int) first + i][0];
                        out[2 * i + 1] = coords[(int) first + i][1];
                    }
                }));
            }

            @Override
            public void close() {
            }
        };
    }
}
