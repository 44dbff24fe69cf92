package org.flashdeconv.engine.solver;

/**
 * The exact minimiser of one spot's part of the objective of docs/algorithm.md §9 with its neighbours held fixed:
 * min over b ≥ 0 of ½·bᵀ(Gram + s·I)b − cᵀb, with s = λ·deg_i and c = h_i + λ·nsum_i − ρ_eff. It is what the
 * reference's coordinate updates (§10.2) converge to when repeated within one spot.
 *
 * <p>Method: block principal pivoting (Júdice-Pires; Kim and Park's NNLS form). Guess the passive set P (the
 * spot's current support, or the types with a positive linear term for a cold start), solve the passive block
 * by Cholesky, and exchange at once every type that violates the optimality conditions (a negative passive
 * value, a positive gradient outside P). When an exchange does not reduce the number of violations for three
 * rounds, only the highest violating type is exchanged (Murty's rule), which guarantees termination. A spot whose
 * support did not change costs one Cholesky solve of the passive block and one gradient check. Types whose
 * diagonal Gram_kk + s is at most {@link ReferenceBcd#DEN_GUARD} stay at 0, as in the reference update. If a
 * passive block is numerically singular (only possible when s = 0 and the signatures are collinear),
 * {@link #solve} reports failure and the caller falls back to one pass of coordinate updates.
 *
 * <p>One instance per worker; not thread-safe. Allocates nothing after construction.
 */
final class SpotQp {

    /** Relative pivot floor of the Cholesky factorisation; below it the block counts as singular. */
    private static final double PIVOT_FLOOR = 1e-13;

    /** Gradient entries up to this fraction of the largest |c| (values: of the largest |z|) count as zero. */
    private static final double KKT_TOL = 1e-13;

    private final int kk;
    private final double[] gram;
    private final boolean[] passive;
    private final boolean[] violated;
    private final int[] index;
    private final double[] chol;
    private final double[] z;
    private final double[] rhs;

    /**
     * @param types K
     * @param gram  K x K, row-major (not copied)
     */
    SpotQp(int types, double[] gram) {
        this.kk = types;
        this.gram = gram;
        this.passive = new boolean[types];
        this.violated = new boolean[types];
        this.index = new int[types];
        this.chol = new double[types * types];
        this.z = new double[types];
        this.rhs = new double[types];
    }

    /**
     * Solves the spot problem in place.
     *
     * @param c     the linear term (K values)
     * @param shift s = λ·deg ≥ 0, added to the Gram diagonal
     * @param x     in: a guess whose positive entries are the first passive set (when {@code warm}); out: the
     *              minimiser (untouched on failure)
     * @param warm  guess the support from x; false: from the types with c_k > 0
     * @return false if a passive block was numerically singular or the exchanges did not settle
     */
    boolean solve(double[] c, double shift, double[] x, boolean warm) {
        double cmax = 0;
        for (int k = 0; k < kk; k++) {
            cmax = Math.max(cmax, Math.abs(c[k]));
        }
        double tol = KKT_TOL * cmax;
        for (int k = 0; k < kk; k++) {
            passive[k] = usable(k, shift) && (warm ? x[k] > 0 : c[k] > 0);
        }
        int fewest = kk + 1;
        int patience = 3;
        for (int round = 0; round <= 5 * kk + 5; round++) {
            int m = 0;
            for (int k = 0; k < kk; k++) {
                z[k] = 0;
                if (passive[k]) {
                    index[m++] = k;
                }
            }
            if (m > 0) {
                if (!cholesky(m, shift)) {
                    return false;
                }
                substitute(m, c);
                for (int a = 0; a < m; a++) {
                    z[index[a]] = rhs[a];
                }
            }
            double zmax = 0;
            for (int a = 0; a < m; a++) {
                zmax = Math.max(zmax, Math.abs(z[index[a]]));
            }
            double zTol = KKT_TOL * zmax;
            int violations = 0;
            int highest = -1;
            for (int k = 0; k < kk; k++) {
                boolean bad;
                if (passive[k]) {
                    bad = z[k] < -zTol;
                } else if (usable(k, shift)) {
                    double grad = c[k] - shift * z[k];
                    int row = k * kk;
                    for (int a = 0; a < m; a++) {
                        grad -= gram[row + index[a]] * z[index[a]];
                    }
                    bad = grad > tol;
                } else {
                    bad = false;
                }
                violated[k] = bad;
                if (bad) {
                    violations++;
                    highest = k;
                }
            }
            if (violations == 0) {
                for (int k = 0; k < kk; k++) {
                    x[k] = Math.max(z[k], 0.0); // a rounding-level negative passive value is a zero
                }
                return true;
            }
            if (violations < fewest) {
                fewest = violations;
                patience = 3;
            } else {
                patience--;
            }
            if (patience > 0) {
                for (int k = 0; k < kk; k++) {
                    if (violated[k]) {
                        passive[k] = !passive[k];
                    }
                }
            } else {
                passive[highest] = !passive[highest];
            }
        }
        return false;
    }

    private boolean usable(int k, double shift) {
        return gram[k * kk + k] + shift > SolverArithmetic.DEN_GUARD;
    }

    /** Lower Cholesky factor of (Gram + shift·I) restricted to index[0..m), row-major m x m in chol. */
    private boolean cholesky(int m, double shift) {
        for (int a = 0; a < m; a++) {
            int ka = index[a];
            for (int b = 0; b <= a; b++) {
                int kb = index[b];
                double s = gram[ka * kk + kb];
                if (a == b) {
                    s += shift;
                }
                for (int q = 0; q < b; q++) {
                    s -= chol[a * m + q] * chol[b * m + q];
                }
                if (a == b) {
                    double diag = gram[ka * kk + ka] + shift;
                    if (!(s > PIVOT_FLOOR * diag)) {
                        return false;
                    }
                    chol[a * m + a] = Math.sqrt(s);
                } else {
                    chol[a * m + b] = s / chol[b * m + b];
                }
            }
        }
        return true;
    }

    /** rhs[0..m) = the solution of L·Lᵀ·v = c[index]. */
    private void substitute(int m, double[] c) {
        for (int a = 0; a < m; a++) {
            double s = c[index[a]];
            for (int q = 0; q < a; q++) {
                s -= chol[a * m + q] * rhs[q];
            }
            rhs[a] = s / chol[a * m + a];
        }
        for (int a = m - 1; a >= 0; a--) {
            double s = rhs[a];
            for (int q = a + 1; q < m; q++) {
                s -= chol[q * m + a] * rhs[q];
            }
            rhs[a] = s / chol[a * m + a];
        }
    }
}
