package org.flashdeconv.engine.genes;

/**
 * Ridge leverage scores of the raw reference on the selected genes (docs/algorithm.md §4.4), by the K x K route:
 * raw_g = Σ_j (v_jᵀ x_g)² / (μ_j + 1e-6) over the eigenpairs of Xc·Xcᵀ, where Xc is X[:, genes] centred
 * across types; no decomposition of a tall matrix.
 */
public final class Leverage {

    private static final double RIDGE = 1e-6;
    private static final double NORMALISATION = 1e-6;

    private Leverage() {
    }

    /**
     * The leverage lev_g = raw_g / (Σ raw + 1e-6) of every gene of {@code genes}, in that order.
     *
     * @param x     raw signatures, K x G
     * @param genes selected gene indices into the columns of x
     * @return p = genes.length scores; all 0 when K = 1
     * @throws IllegalArgumentException if x has no rows or a gene index is out of range
     */
    public static double[] ridgeLeverage(double[][] x, int[] genes) {
        int types = x.length;
        if (types == 0) {
            throw new IllegalArgumentException("leverage needs at least one cell type, found 0");
        }
        int p = genes.length;
        double[][] xc = new double[types][p];
        for (int j = 0; j < p; j++) {
            int g = genes[j];
            if (g < 0 || g >= x[0].length) {
                throw new IllegalArgumentException("leverage: gene index " + g + " outside [0, " + x[0].length + ")");
            }
            double sum = 0;
            for (int k = 0; k < types; k++) {
                sum += x[k][g];
            }
            double mean = sum / types;
            for (int k = 0; k < types; k++) {
                xc[k][j] = x[k][g] - mean;
            }
        }
        double[][] gram = new double[types][types];
        for (int k = 0; k < types; k++) {
            for (int l = k; l < types; l++) {
                double dot = 0;
                for (int j = 0; j < p; j++) {
                    dot += xc[k][j] * xc[l][j];
                }
                gram[k][l] = dot;
                gram[l][k] = dot;
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(gram);
        double[] ridged = new double[types];
        for (int e = 0; e < types; e++) {
            ridged[e] = eig.values()[e] + RIDGE;
        }
        double[][] v = eig.vectors();
        double[] raw = new double[p];
        double total = 0;
        for (int j = 0; j < p; j++) {
            double r = 0;
            for (int e = 0; e < types; e++) {
                double proj = 0;
                for (int k = 0; k < types; k++) {
                    proj += v[k][e] * xc[k][j];
                }
                r += proj * proj / ridged[e];
            }
            raw[j] = r;
            total += r;
        }
        double denom = total + NORMALISATION;
        for (int j = 0; j < p; j++) {
            raw[j] /= denom;
        }
        return raw;
    }
}
