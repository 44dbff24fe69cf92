package org.flashdeconv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flashdeconv.io.text.CsvWriter;

/**
 * A tiny slide for command-line tests, every part editable before it is written: a 6 x 4 grid of spots, 30 genes,
 * three cell types with distinct marker genes, integer counts drawn (seeded) from the spots' mixtures. Writes a
 * MEX folder, a coordinates CSV and a signatures CSV (RFC 4180, names quoted where needed); a test breaks one thing (a value, a barcode, a gene name, a
 * coordinate) and checks what the command says.
 */
final class TinySlide {
    static final int COLS = 6;

    final List<String> types = new ArrayList<>(List.of("Tcell", "Bcell", "Myeloid"));
    final List<String> genes = new ArrayList<>();
    final List<String> barcodes = new ArrayList<>();
    /** Signatures, types x genes. */
    final List<double[]> signatures = new ArrayList<>();
    /** Counts, spots x genes (0 = not stored). */
    final List<double[]> counts = new ArrayList<>();
    final List<double[]> coords = new ArrayList<>();
    /** Matrix entry text replacing the value of (spot, gene), e.g. "nan". */
    final Map<List<Integer>, String> valueText = new HashMap<>();
    /** Genes of the signatures CSV (defaults to the slide's genes). */
    List<String> referenceGenes;

    TinySlide(int spots) {
        int g = 30;
        for (int j = 0; j < g; j++) {
            genes.add("Gene" + j);
        }
        for (int t = 0; t < types.size(); t++) {
            double[] s = new double[g];
            for (int j = 0; j < g; j++) {
                s[j] = j % types.size() == t ? 20 + j : 1;
            }
            signatures.add(s);
        }
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < spots; i++) {
            barcodes.add(String.format("AAAC%04d-1", i));
            coords.add(new double[] {100.0 * (i % COLS), 100.0 * (i / COLS)});
            double[] w = {1 + i % COLS, 1 + i / COLS, 2};
            double sum = w[0] + w[1] + w[2];
            double[] row = new double[g];
            for (int j = 0; j < g; j++) {
                double mean = 0;
                for (int t = 0; t < types.size(); t++) {
                    mean += w[t] / sum * signatures.get(t)[j];
                }
                row[j] = Math.floor(mean * (0.5 + rnd.nextDouble()));
            }
            counts.add(row);
        }
    }

    /** Writes the MEX folder {@code dir/mex} (matrix.mtx, features.tsv, barcodes.tsv) and returns it. */
    Path writeMex(Path dir) throws IOException {
        Path mex = Files.createDirectories(dir.resolve("mex"));
        List<String> lines = new ArrayList<>();
        boolean integer = true;
        for (int i = 0; i < counts.size(); i++) {
            for (int j = 0; j < genes.size(); j++) {
                String text = valueText.get(List.of(i, j));
                double v = counts.get(i)[j];
                if (text != null || v != 0) {
                    integer &= text == null && v == Math.rint(v);
                    lines.add((j + 1) + " " + (i + 1) + " " + (text != null ? text
                            : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)));
                }
            }
        }
        StringWriter m = new StringWriter();
        PrintWriter p = new PrintWriter(m);
        p.print("%%MatrixMarket matrix coordinate " + (integer ? "integer" : "real") + " general\n");
        p.print(genes.size() + " " + counts.size() + " " + lines.size() + "\n");
        lines.forEach(l -> p.print(l + "\n"));
        p.flush();
        Files.writeString(mex.resolve("matrix.mtx"), m.toString(), StandardCharsets.UTF_8);
        StringBuilder f = new StringBuilder();
        for (int j = 0; j < genes.size(); j++) {
            f.append("ENSG").append(1000 + j).append('\t').append(genes.get(j)).append("\tGene Expression\n");
        }
        Files.writeString(mex.resolve("features.tsv"), f, StandardCharsets.UTF_8);
        Files.writeString(mex.resolve("barcodes.tsv"), String.join("\n", barcodes) + "\n", StandardCharsets.UTF_8);
        return mex;
    }

    /** The 1-based line of matrix.mtx that holds entry (spot, gene), as {@link #writeMex} writes it. */
    long lineOf(int spot, int gene) {
        long line = 2;
        for (int i = 0; i < counts.size(); i++) {
            for (int j = 0; j < genes.size(); j++) {
                if (valueText.containsKey(List.of(i, j)) || counts.get(i)[j] != 0) {
                    line++;
                }
                if (i == spot && j == gene) {
                    return line;
                }
            }
        }
        throw new IllegalArgumentException("no entry (" + spot + ", " + gene + ")");
    }

    /** Writes {@code dir/coords.csv} ({@code barcode,x,y}) and returns it. */
    Path writeCoords(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("barcode,x,y\n");
        for (int i = 0; i < barcodes.size(); i++) {
            b.append(CsvWriter.field(barcodes.get(i))).append(',').append(coords.get(i)[0]).append(',').append(coords.get(i)[1])
                    .append('\n');
        }
        return Files.writeString(dir.resolve("coords.csv"), b, StandardCharsets.UTF_8);
    }

    /** Writes {@code dir/signatures.csv} (types x genes) and returns it. */
    Path writeSignatures(Path dir) throws IOException {
        List<String> names = referenceGenes == null ? genes : referenceGenes;
        StringBuilder b = new StringBuilder("cell_type");
        names.forEach(n -> b.append(',').append(CsvWriter.field(n)));
        b.append('\n');
        for (int t = 0; t < types.size(); t++) {
            b.append(CsvWriter.field(types.get(t)));
            for (double v : signatures.get(t)) {
                b.append(',').append(v);
            }
            b.append('\n');
        }
        return Files.writeString(dir.resolve("signatures.csv"), b, StandardCharsets.UTF_8);
    }

    /** Keeps only the first {@code n} cell types. */
    TinySlide keepTypes(int n) {
        while (types.size() > n) {
            types.removeLast();
            signatures.removeLast();
        }
        return this;
    }
}
