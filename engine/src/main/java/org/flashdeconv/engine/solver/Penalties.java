package org.flashdeconv.engine.solver;

/**
 * The penalty strengths of docs/algorithm.md §8 (λ) and §10.1 (ρ_eff), computed from the Gram matrix and the graph.
 */
public final class Penalties {

    /** α of the automatic λ rule (§8, §12). */
    public static final double AUTO_LAMBDA_ALPHA = 0.005;

    private Penalties() {
    }

    /**
     * Mean of the Gram diagonal, (Σ_k Gram_kk) / K, summed in type order.
     *
     * @param gram  K x K, row-major
     * @param types K (≥ 1)
     * @throws IllegalArgumentException if K is below 1 or gram is not K x K
     */
    public static double meanGramDiagonal(double[] gram, int types) {
        if (types < 1 || gram.length != types * types) {
            throw new IllegalArgumentException("gram must be K x K with K >= 1, found K=" + types + " and "
                    + gram.length + " values");
        }
        double sum = 0;
        for (int k = 0; k < types; k++) {
            sum += gram[k * types + k];
        }
        return sum / types;
    }

    /**
     * The automatic λ of §8: 0.005 · meanGramDiagonal / max(meanDegree, 1).
     *
     * @param meanGramDiagonal (1/K)·Σ_k Gram_kk
     * @param meanDegree       (1/N)·Σ_i deg_i
     */
    public static double autoLambda(double meanGramDiagonal, double meanDegree) {
        return AUTO_LAMBDA_ALPHA * meanGramDiagonal / Math.max(meanDegree, 1.0);
    }

    /**
     * ρ_eff = rho_sparsity · mean diag(Gram) (§10.1).
     *
     * @param rhoSparsity      the dimensionless user value
     * @param meanGramDiagonal (1/K)·Σ_k Gram_kk
     */
    public static double rhoEff(double rhoSparsity, double meanGramDiagonal) {
        return rhoSparsity * meanGramDiagonal;
    }
}
