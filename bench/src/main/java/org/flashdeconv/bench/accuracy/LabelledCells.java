package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flashdeconv.io.mex.MexSource;

/**
 * A single-cell MEX folder (genes x cells) with its {@code cell_types.csv.gz} ({@code cell,cell_type}), held as
 * cells x genes CSR with type indices (types sorted by name; cells whose label is excluded are left out).
 *
 * @param genes the gene names
 * @param types the type names, sorted
 * @param cells the cells, type = index into {@code types}
 */
record LabelledCells(List<String> genes, List<String> types, SingleCells cells) {

    /**
     * Reads {@code dir}.
     *
     * @throws IOException if a file cannot be read or a cell has no label
     */
    static LabelledCells read(Path dir, Set<String> excluded) throws IOException {
        Map<String, String> label = new HashMap<>();
        List<List<String>> rows = CsvRows.read(dir.resolve("cell_types.csv.gz"));
        for (List<String> row : rows.subList(1, rows.size())) {
            label.put(row.get(0), row.get(1));
        }
        try (MexSource mex = MexSource.open(dir, false)) {
            List<String> barcodes = new ArrayList<>();
            mex.forEachBarcode(barcodes::add);
            TreeSet<String> names = new TreeSet<>();
            for (String b : barcodes) {
                String l = label.get(b);
                if (l == null) {
                    throw new IOException(dir + ": cell '" + b + "' has no row in cell_types.csv.gz");
                }
                if (!excluded.contains(l)) {
                    names.add(l);
                }
            }
            List<String> types = List.copyOf(names);
            int[] keptIndex = new int[barcodes.size()];
            List<Integer> typeOf = new ArrayList<>();
            for (int c = 0; c < barcodes.size(); c++) {
                int t = types.indexOf(label.get(barcodes.get(c)));
                keptIndex[c] = t < 0 ? -1 : typeOf.size();
                if (t >= 0) {
                    typeOf.add(t);
                }
            }
            int kept = typeOf.size();
            int[] rowPtr = new int[kept + 1];
            mex.forEachEntry((spot, gene, value, location) -> {
                int c = keptIndex[(int) spot];
                if (c >= 0 && value != 0) {
                    rowPtr[c + 1]++;
                }
            });
            for (int c = 0; c < kept; c++) {
                rowPtr[c + 1] += rowPtr[c];
            }
            int[] fill = rowPtr.clone();
            int[] geneIdx = new int[rowPtr[kept]];
            double[] counts = new double[rowPtr[kept]];
            mex.forEachEntry((spot, gene, value, location) -> {
                int c = keptIndex[(int) spot];
                if (c >= 0 && value != 0) {
                    geneIdx[fill[c]] = gene;
                    counts[fill[c]++] = value;
                }
            });
            int[] type = typeOf.stream().mapToInt(Integer::intValue).toArray();
            return new LabelledCells(mex.geneNames(), types, new SingleCells(rowPtr, geneIdx, counts, type));
        }
    }

    /** Indices of the cells of type {@code t}. */
    int[] members(int t) {
        return java.util.stream.IntStream.range(0, cells.cells()).filter(c -> cells.type()[c] == t).toArray();
    }

    /** The given cells, in that order. */
    SingleCells subset(List<Integer> chosen) {
        int[] rowPtr = new int[chosen.size() + 1];
        for (int i = 0; i < chosen.size(); i++) {
            int c = chosen.get(i);
            rowPtr[i + 1] = rowPtr[i] + cells.rowPtr()[c + 1] - cells.rowPtr()[c];
        }
        int[] g = new int[rowPtr[chosen.size()]];
        double[] v = new double[g.length];
        int[] type = new int[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            int c = chosen.get(i);
            int from = cells.rowPtr()[c];
            int len = cells.rowPtr()[c + 1] - from;
            System.arraycopy(cells.genes(), from, g, rowPtr[i], len);
            System.arraycopy(cells.counts(), from, v, rowPtr[i], len);
            type[i] = cells.type()[c];
        }
        return new SingleCells(rowPtr, g, v, type);
    }
}
