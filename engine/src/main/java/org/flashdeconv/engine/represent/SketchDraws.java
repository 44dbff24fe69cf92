package org.flashdeconv.engine.represent;

/**
 * The legacy CountSketch Ω of docs/algorithm.md §6.3: one non-zero per selected gene, Ω_{g, bucket_g} = value_g.
 *
 * @param dim    d, the number of buckets (columns of Ω)
 * @param bucket h_g in [0, d) per gene, in S order
 * @param sign   σ_g in {-1, +1} per gene
 * @param value  Ω_{g, h_g} = σ_g · a_g · (sqrt(p/d) / c_{h_g}) per gene
 */
public record SketchDraws(int dim, int[] bucket, int[] sign, double[] value) {

    /**
     * Checks the shape.
     *
     * @throws IllegalArgumentException if dim is below 1, the arrays differ in length or a bucket is out of range
     */
    public SketchDraws {
        if (dim < 1 || bucket.length != sign.length || bucket.length != value.length) {
            throw new IllegalArgumentException("sketch needs dim >= 1 and one bucket, sign and value per gene, found"
                    + " dim " + dim + " and " + bucket.length + ", " + sign.length + ", " + value.length);
        }
        for (int g = 0; g < bucket.length; g++) {
            if (bucket[g] < 0 || bucket[g] >= dim) {
                throw new IllegalArgumentException("sketch: gene " + g + " has bucket " + bucket[g]
                        + " outside [0, " + dim + ")");
            }
        }
    }

    /**
     * Draws buckets (all first), then signs, from MT19937 seeded with {@code seed} (§6.4), and normalises the
     * buckets.
     *
     * @param leverage  lev in S order (p values)
     * @param sketchDim d
     * @param seed      random_state in [0, 2^32 - 1]
     * @return the draws and Ω values
     * @throws IllegalArgumentException if sketchDim is below 1 or seed is out of range
     */
    public static SketchDraws draw(double[] leverage, int sketchDim, long seed) {
        if (sketchDim < 1) {
            throw new IllegalArgumentException("sketch_dim must be >= 1, found " + sketchDim);
        }
        Mt19937 rng = new Mt19937(seed);
        int p = leverage.length;
        int[] bucket = new int[p];
        int[] sign = new int[p];
        for (int g = 0; g < p; g++) {
            bucket[g] = rng.bounded(sketchDim - 1);
        }
        for (int g = 0; g < p; g++) {
            sign[g] = rng.bounded(1) == 0 ? -1 : 1;
        }
        double[] a = Amplitudes.of(leverage);
        double[] norm = new double[sketchDim];
        for (int g = 0; g < p; g++) {
            norm[bucket[g]] += a[g] * a[g];
        }
        for (int j = 0; j < sketchDim; j++) {
            norm[j] = Math.max(Math.sqrt(norm[j]), 1e-10);
        }
        double scale = Math.sqrt((double) p / sketchDim);
        double[] value = new double[p];
        for (int g = 0; g < p; g++) {
            value[g] = sign[g] * a[g] * (scale / norm[bucket[g]]);
        }
        return new SketchDraws(sketchDim, bucket, sign, value);
    }
}
