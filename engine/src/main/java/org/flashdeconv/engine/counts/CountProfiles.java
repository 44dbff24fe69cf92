package org.flashdeconv.engine.counts;

/**
 * The count model's profiles on its genes (docs/algorithm.md §29.1): type k's signature on the genes, normalised to sum
 * 1, floored at {@code FLOOR / genes} and normalised again (a zero in a profile would make one stray molecule
 * infinitely unlikely). Gene-major with one column per type plus a last column for the background (0 until one is
 * learned).
 *
 * @param genes     the model genes, ascending model gene indices
 * @param position  model gene → row of {@code rows}, or -1 for a gene outside the model
 * @param rows      gene-major profiles, {@code genes.length x stride}
 * @param stride    K + 1
 * @param cellSizes Σ over the model genes of each type's raw signature (molecules per cell on them when the
 *                  signatures are per-cell mean counts)
 */
public record CountProfiles(int[] genes, int[] position, double[] rows, int stride, double[] cellSizes) {

    /** The floor ε of the profiles, relative to a uniform profile (1/|S|). */
    public static final double FLOOR = 0.01;

    /**
     * Builds the floored profiles.
     *
     * @param x          K x G signatures (finite, ≥ 0)
     * @param genes      the model genes, ascending, within [0, G)
     * @param modelGenes G
     * @return the profiles
     * @throws IllegalArgumentException if there are no genes
     */
    public static CountProfiles of(double[][] x, int[] genes, int modelGenes) {
        if (genes.length == 0) {
            throw new IllegalArgumentException("count model: no genes");
        }
        int k = x.length;
        int stride = k + 1;
        int p = genes.length;
        double[] rows = new double[Math.multiplyExact(p, stride)];
        double[] sizes = new double[k];
        double floor = FLOOR / p;
        for (int t = 0; t < k; t++) {
            double sum = 0;
            for (int g : genes) {
                sum += x[t][g];
            }
            sizes[t] = sum;
            double total = 0;
            for (int j = 0; j < p; j++) {
                double v = sum > 0 ? x[t][genes[j]] / sum : 1.0 / p;
                v = Math.max(v, floor);
                rows[j * stride + t] = v;
                total += v;
            }
            for (int j = 0; j < p; j++) {
                rows[j * stride + t] /= total;
            }
        }
        int[] position = new int[modelGenes];
        java.util.Arrays.fill(position, -1);
        for (int j = 0; j < p; j++) {
            position[genes[j]] = j;
        }
        return new CountProfiles(genes, position, rows, stride, sizes);
    }

    /** K, the number of reference types. */
    public int types() {
        return stride - 1;
    }

    /** |S|, the number of model genes. */
    public int size() {
        return genes.length;
    }

    /** Sets the background column to {@code b} (|S| values summing to 1). */
    void setBackground(double[] b) {
        for (int j = 0; j < genes.length; j++) {
            rows[j * stride + stride - 1] = b[j];
        }
    }
}
