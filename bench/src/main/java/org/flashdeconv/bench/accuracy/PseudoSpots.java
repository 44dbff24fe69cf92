package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Pseudo-spots pooled from real single cells of a bundled spacexr reference, standing in for the held-out
 * image-based gold standards (STARmap, seqFISH+) of issue #10: the cells of each type are split at random into two
 * halves; one half is pooled into spots with known numbers of cells per type, the other half is the reference
 * (signatures = per-type mean of the raw counts, types sorted by name, as the published loader builds them; the
 * cells themselves as the single-cell reference).
 *
 * <p>Spots lie on a square grid (100 units apart) divided into Voronoi domains around random centres, one domain
 * per type with that type dominant (weight 1), one or two secondary types (0.3-0.7) and every other type at 0.03;
 * a spot holds 2 to 10 cells (uniform), each drawn by type from its domain's weights, then uniformly among the
 * spot half's cells of that type (with replacement). Its counts are the sum of its cells' counts; the truth is
 * known both as cell fractions and as molecule (UMI) fractions. Everything follows from the seed.
 */
final class PseudoSpots {

    /** A bundled reference and the labels to leave out (not cell types). */
    record Spec(String name, String folder, Set<String> excluded) {
    }

    /** spacexr's MERFISH hypothalamus cells (134 genes; "Ambiguous" and "Unstable" are not types). */
    static final Spec MERFISH_CELLS = new Spec("pseudo-merfish", "spacexr/merfish_hypothalamus_reference",
            Set.of("Ambiguous", "Unstable"));
    /** spacexr's cerebellum snRNA-seq cells (384 genes, 19 types, 25 cells each). */
    static final Spec CEREBELLUM_CELLS = new Spec("pseudo-cerebellum", "spacexr/slideseq_cerebellum_reference",
            Set.of());

    private static final int MIN_CELLS = 2;
    private static final int MAX_CELLS = 10;

    private PseudoSpots() {
    }

    /**
     * Builds {@code spots} pseudo-spots from {@code spec}'s cells.
     *
     * @throws IOException if a bundled file cannot be read
     */
    static BenchData build(Spec spec, int spots, long seed, Path workDir) throws IOException {
        Path dir = BenchResources.extract(spec.folder(), BenchResources.REFERENCE_FILES,
                workDir.resolve(spec.folder().replace('/', '_')));
        LabelledCells all = LabelledCells.read(dir, spec.excluded());
        int k = all.types().size();
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] pool = new int[k][];
        List<Integer> referenceCells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            int[] members = all.members(t);
            shuffle(members, rng);
            int half = (members.length + 1) / 2;
            pool[t] = Arrays.copyOf(members, half);
            for (int i = half; i < members.length; i++) {
                referenceCells.add(members[i]);
            }
        }
        SingleCells reference = all.subset(referenceCells);
        double[][] signatures = means(reference, k, all.genes().size());
        int width = (int) Math.ceil(Math.sqrt(spots));
        double[][] xy = new double[spots][];
        for (int i = 0; i < spots; i++) {
            xy[i] = new double[] {100.0 * (i % width), 100.0 * (i / width)};
        }
        double[][] weights = domainWeights(k, rng);
        double[][] centres = new double[k][];
        for (int d = 0; d < k; d++) {
            centres[d] = new double[] {rng.nextDouble() * 100.0 * width, rng.nextDouble() * 100.0 * width};
        }
        SingleCells cells = all.cells();
        int genes = all.genes().size();
        double[][] cellTruth = new double[spots][k];
        double[][] moleculeTruth = new double[spots][k];
        int[] rowPtr = new int[spots + 1];
        List<int[]> colParts = new ArrayList<>();
        List<double[]> valueParts = new ArrayList<>();
        double[] sum = new double[genes];
        for (int i = 0; i < spots; i++) {
            double[] w = weights[nearest(xy[i], centres)];
            int n = MIN_CELLS + rng.nextInt(MAX_CELLS - MIN_CELLS + 1);
            Arrays.fill(sum, 0.0);
            double total = 0;
            for (int c = 0; c < n; c++) {
                int t = pick(w, rng);
                int cell = pool[t][rng.nextInt(pool[t].length)];
                cellTruth[i][t] += 1.0 / n;
                for (int e = cells.rowPtr()[cell]; e < cells.rowPtr()[cell + 1]; e++) {
                    sum[cells.genes()[e]] += cells.counts()[e];
                    moleculeTruth[i][t] += cells.counts()[e];
                    total += cells.counts()[e];
                }
            }
            for (int t = 0; t < k; t++) {
                moleculeTruth[i][t] = total > 0 ? moleculeTruth[i][t] / total : cellTruth[i][t];
            }
            int nnz = 0;
            for (double v : sum) {
                nnz += v > 0 ? 1 : 0;
            }
            int[] cols = new int[nnz];
            double[] vals = new double[nnz];
            for (int g = 0, e = 0; g < genes; g++) {
                if (sum[g] > 0) {
                    cols[e] = g;
                    vals[e++] = sum[g];
                }
            }
            colParts.add(cols);
            valueParts.add(vals);
            rowPtr[i + 1] = rowPtr[i] + nnz;
        }
        int[] colIdx = new int[rowPtr[spots]];
        double[] values = new double[rowPtr[spots]];
        for (int i = 0; i < spots; i++) {
            System.arraycopy(colParts.get(i), 0, colIdx, rowPtr[i], colParts.get(i).length);
            System.arraycopy(valueParts.get(i), 0, values, rowPtr[i], valueParts.get(i).length);
        }
        Truth truth = new Truth(all.types(), moleculeTruth, cellTruth, null);
        return BenchData.convert(spec.name(), new ArraySource(spec.name(), all.genes(), rowPtr, colIdx, values, xy),
                all.types(), signatures, reference, truth, workDir);
    }

    /** Per-type mean of the raw counts of the reference cells: K x G. */
    private static double[][] means(SingleCells cells, int k, int genes) {
        double[][] mean = new double[k][genes];
        int[] count = new int[k];
        for (int c = 0; c < cells.cells(); c++) {
            int t = cells.type()[c];
            count[t]++;
            for (int e = cells.rowPtr()[c]; e < cells.rowPtr()[c + 1]; e++) {
                mean[t][cells.genes()[e]] += cells.counts()[e];
            }
        }
        for (int t = 0; t < k; t++) {
            for (int g = 0; g < genes; g++) {
                mean[t][g] /= count[t];
            }
        }
        return mean;
    }

    private static double[][] domainWeights(int k, SplittableRandom rng) {
        int[] dominant = new int[k];
        for (int t = 0; t < k; t++) {
            dominant[t] = t;
        }
        shuffle(dominant, rng);
        double[][] w = new double[k][k];
        for (int d = 0; d < k; d++) {
            Arrays.fill(w[d], 0.03);
            w[d][dominant[d]] = 1.0;
            int secondaries = 1 + rng.nextInt(2);
            for (int s = 0; s < secondaries; s++) {
                int t = rng.nextInt(k);
                if (t != dominant[d]) {
                    w[d][t] = 0.3 + 0.4 * rng.nextDouble();
                }
            }
        }
        return w;
    }

    private static int nearest(double[] p, double[][] centres) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int d = 0; d < centres.length; d++) {
            double dx = p[0] - centres[d][0];
            double dy = p[1] - centres[d][1];
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = d;
            }
        }
        return best;
    }

    private static int pick(double[] w, SplittableRandom rng) {
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double u = rng.nextDouble() * total;
        for (int t = 0; t < w.length - 1; t++) {
            u -= w[t];
            if (u < 0) {
                return t;
            }
        }
        return w.length - 1;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
