package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.genes.GeneMatch;
import org.flashdeconv.io.genes.GeneMatcher;
import org.flashdeconv.io.coords.CoordinatesCsv;
import org.flashdeconv.io.mex.MexSource;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.reference.SignatureCsv;
import org.flashdeconv.io.source.CountSource;

/**
 * The FlexiDeconv MERFISH hypothalamus pixels (643 pixels x 135 genes, two slices, 9 true types): with the 8-type
 * reference that leaves "OD Mature" out ({@code merfish-8types}) or with the 9 true signatures
 * ({@code merfish-9types}). Read the way {@code deconvolve --spatial DIR --coords coordinates.csv --reference
 * signatures.csv} reads it (coordinates x, y of both slices in one frame, genes matched by name). The truth's units
 * are not stated by the source.
 */
final class MerfishSet {
    private MerfishSet() {
    }

    /**
     * Loads the set.
     *
     * @param allTypes true for the 9 true signatures, false for the 8-type reference
     * @throws IOException if a bundled file cannot be read
     */
    static BenchData load(boolean allTypes, Path workDir) throws IOException {
        Path dir = BenchResources.extract(BenchResources.MERFISH, BenchResources.MERFISH_FILES,
                workDir.resolve("merfish"));
        Reference reference = SignatureCsv.read(dir.resolve(allTypes ? "signatures_true_9types.csv.gz"
                : "signatures.csv.gz"), SignatureCsv.Orientation.TYPES_BY_GENES).reference();
        try (CountSource spots = CoordinatesCsv.attach(MexSource.open(dir, false),
                dir.resolve("coordinates.csv.gz"))) {
            List<String> barcodes = new ArrayList<>();
            spots.forEachBarcode(barcodes::add);
            Truth truth = readTruth(dir.resolve("truth_proportions.csv.gz"), barcodes);
            GeneMatch match = GeneMatcher.match(spots, reference);
            return BenchData.convert(allTypes ? "merfish-9types" : "merfish-8types", match.alignSpatial(spots),
                    reference.cellTypes(), match.alignSignatures(reference), null, truth, workDir);
        }
    }

    /** The truth rows in the order of {@code barcodes}. */
    private static Truth readTruth(Path file, List<String> barcodes) throws IOException {
        List<List<String>> rows = CsvRows.read(file);
        List<String> types = rows.get(0).subList(1, rows.get(0).size());
        Map<String, double[]> byBarcode = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            double[] v = new double[types.size()];
            for (int t = 0; t < v.length; t++) {
                String s = row.get(t + 1);
                v[t] = s.isEmpty() ? 0 : Double.parseDouble(s);
            }
            byBarcode.put(row.get(0), v);
        }
        double[][] truth = new double[barcodes.size()][];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = byBarcode.get(barcodes.get(i));
            if (truth[i] == null) {
                throw new IOException(file + ": no truth row for barcode '" + barcodes.get(i) + "'");
            }
        }
        return new Truth(types, truth, null, "not stated by the source");
    }
}
