package org.flashdeconv.engine.counts;

import java.util.Arrays;

/**
 * The per-spot Poisson fit (docs/algorithm.md §29.2): minimises
 * <pre>
 * f(β) = Σ_k cost_k β_k − Σ_{j} y_j log m_j − Σ_k y'_k log β_k,   m_j = Σ_k β_k p_{g_j k},   β ≥ 0
 * </pre>
 * over the spot's non-zero genes j only (the zeros enter through {@code cost_k = Σ_g p_kg} plus any linear penalty),
 * with optional pseudo-observations y'_k of the spatial prior. Projected Newton with an active set (Bertsekas): the
 * components at (or within ε of) 0 with a positive gradient are held, a Cholesky Newton step is taken on the others,
 * projected on β ≥ 0, with Armijo backtracking. Stops when the relative KKT residual
 * max_k |pg_k|·max(β_k, 1) / max(n, 1) (n = the spot's count total, pg the projected gradient) is at most
 * {@code tol}; a spot that reaches the iteration cap is reported as not converged.
 *
 * <p>One instance per worker: the scratch arrays are reused, so a solve allocates nothing once the longest row has been
 * seen. Not thread-safe. Profiles are gene-major: {@code profiles[pos * stride + k]}.
 */
public final class PoissonSpot {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 50;
    /** Bertsekas' ε, relative to the spot's count total: components this close to 0 with a positive gradient are held. */
    private static final double EPS = 1e-6;

    private final double[] profiles;
    private final int stride;
    private double[] m = new double[64];
    private double[] mTrial = new double[64];
    private final double[] grad;
    private final double[] hess;
    private final double[] dir;
    private final double[] trial;
    private final int[] free;
    private final double[] backup;
    private int iterations;

    /**
     * A solver over these profiles.
     *
     * @param profiles gene-major profiles, {@code positions x stride}
     * @param stride   number of components per gene row (K, or K + 1 with the background)
     */
    public PoissonSpot(double[] profiles, int stride) {
        this.profiles = profiles;
        this.stride = stride;
        grad = new double[stride];
        hess = new double[stride * stride];
        dir = new double[stride];
        trial = new double[stride];
        free = new int[stride];
        backup = new double[stride * stride];
    }

    /** Iterations of the last {@link #solve}. */
    public int iterations() {
        return iterations;
    }

    /**
     * Fits one spot in place.
     *
     * @param nnz    number of non-zero genes
     * @param pos    their profile rows
     * @param y      their counts (> 0)
     * @param comps  components in use: the first {@code comps} of each profile row (the others stay 0)
     * @param cost   linear cost per component (Σ_g p_kg plus penalties and the prior's α/n)
     * @param pseudo prior pseudo-counts y'_k per component, or null for none
     * @param beta   in: the start (made feasible here), out: the solution
     * @param maxIter iteration cap
     * @param tol    relative KKT tolerance
     * @return true if converged
     */
    public boolean solve(int nnz, int[] pos, double[] y, int comps, double[] cost, double[] pseudo, double[] beta,
                         int maxIter, double tol) {
        iterations = 0;
        if (m.length < nnz) {
            m = new double[Math.max(nnz, 2 * m.length)];
            mTrial = new double[m.length];
        }
        double total = 0;
        for (int j = 0; j < nnz; j++) {
            total += y[j];
        }
        for (int k = comps; k < stride; k++) {
            beta[k] = 0;
        }
        double pseudoTotal = 0;
        if (pseudo != null) {
            for (int k = 0; k < comps; k++) {
                pseudoTotal += pseudo[k];
            }
        }
        if (total == 0 && pseudoTotal == 0) {
            Arrays.fill(beta, 0, comps, 0);
            return true;
        }
        double scale = Math.max(total, 1);
        start(comps, pseudo, beta, scale);
        double fval = objective(nnz, pos, y, comps, cost, pseudo, beta, m);
        while (true) {
            gradient(nnz, pos, y, comps, cost, pseudo, beta);
            double kkt = 0;
            double width = 0; // ‖β − P(β − g)‖∞, Bertsekas' ε
            for (int k = 0; k < comps; k++) {
                double pg = beta[k] > 0 ? grad[k] : Math.min(grad[k], 0);
                kkt = Math.max(kkt, Math.abs(pg) * Math.max(beta[k], 1));
                width = Math.max(width, Math.abs(beta[k] - Math.max(beta[k] - grad[k], 0)));
            }
            if (kkt / scale <= tol) {
                return true;
            }
            if (iterations >= maxIter) {
                return false;
            }
            iterations++;
            double eps = Math.min(EPS * scale, width);
            int nf = 0;
            for (int k = 0; k < comps; k++) {
                boolean held = beta[k] <= eps && grad[k] > 0 && (pseudo == null || pseudo[k] == 0);
                if (!held) {
                    free[nf++] = k;
                }
            }
            direction(nnz, pos, y, comps, pseudo, beta, nf);
            double t = 1;
            boolean accepted = false;
            for (int b = 0; b < MAX_BACKTRACKS; b++) {
                double descent = 0;
                for (int k = 0; k < comps; k++) {
                    trial[k] = Math.max(0, beta[k] + t * dir[k]);
                    descent += grad[k] * (trial[k] - beta[k]);
                }
                double ft = objective(nnz, pos, y, comps, cost, pseudo, trial, mTrial);
                // below f's rounding the Armijo test cannot see a decrease: take a finite Newton step as it is
                boolean unresolvable = descent <= 0 && -descent <= 1e-13 * (Math.abs(fval) + 1) && ft < Double.POSITIVE_INFINITY;
                if (ft <= fval + ARMIJO * descent || unresolvable) {
                    accepted = true;
                    fval = ft;
                    System.arraycopy(trial, 0, beta, 0, comps);
                    double[] swap = m;
                    m = mTrial;
                    mTrial = swap;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                return false; // no progress possible at double precision: report as not converged
            }
        }
    }

    /** A strictly positive start where the prior needs one, and a non-zero one overall. */
    private static void start(int comps, double[] pseudo, double[] beta, double scale) {
        double sum = 0;
        for (int k = 0; k < comps; k++) {
            if (!(beta[k] > 0)) {
                beta[k] = 0;
            }
            sum += beta[k];
        }
        if (sum == 0) {
            Arrays.fill(beta, 0, comps, scale / comps);
        }
        if (pseudo != null) {
            for (int k = 0; k < comps; k++) {
                if (pseudo[k] > 0 && beta[k] < 1e-6 * scale) {
                    beta[k] = 1e-6 * scale;
                }
            }
        }
    }

    /** f at {@code b}, writing the means into {@code mean}; +∞ where a mean or a prior term is not positive. */
    private double objective(int nnz, int[] pos, double[] y, int comps, double[] cost, double[] pseudo, double[] b,
                             double[] mean) {
        double f = 0;
        for (int k = 0; k < comps; k++) {
            f += cost[k] * b[k];
            if (pseudo != null && pseudo[k] > 0) {
                if (!(b[k] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                f -= pseudo[k] * Math.log(b[k]);
            }
        }
        for (int j = 0; j < nnz; j++) {
            int row = pos[j] * stride;
            double mj = 0;
            for (int k = 0; k < comps; k++) {
                mj += b[k] * profiles[row + k];
            }
            if (!(mj > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            mean[j] = mj;
            f -= y[j] * Math.log(mj);
        }
        return f;
    }

    private void gradient(int nnz, int[] pos, double[] y, int comps, double[] cost, double[] pseudo, double[] b) {
        System.arraycopy(cost, 0, grad, 0, comps);
        for (int j = 0; j < nnz; j++) {
            int row = pos[j] * stride;
            double w = y[j] / m[j];
            for (int k = 0; k < comps; k++) {
                grad[k] -= w * profiles[row + k];
            }
        }
        if (pseudo != null) {
            for (int k = 0; k < comps; k++) {
                if (pseudo[k] > 0) {
                    grad[k] -= pseudo[k] / b[k];
                }
            }
        }
    }

    /**
     * The step: Newton on the free components (Cholesky of the Hessian block, with a tiny ridge when it is not
     * positive definite), a diagonally scaled gradient step on the held ones that are not yet at 0.
     */
    private void direction(int nnz, int[] pos, double[] y, int comps, double[] pseudo, double[] b, int nf) {
        Arrays.fill(dir, 0, comps, 0);
        Arrays.fill(hess, 0, nf * nf, 0);
        for (int j = 0; j < nnz; j++) {
            int row = pos[j] * stride;
            double w = y[j] / (m[j] * m[j]);
            for (int a = 0; a < nf; a++) {
                double pa = w * profiles[row + free[a]];
                int base = a * nf;
                for (int c = 0; c <= a; c++) {
                    hess[base + c] += pa * profiles[row + free[c]];
                }
            }
        }
        if (pseudo != null) {
            for (int a = 0; a < nf; a++) {
                int k = free[a];
                if (pseudo[k] > 0) {
                    hess[a * nf + a] += pseudo[k] / (b[k] * b[k]);
                }
            }
        }
        double maxDiag = 0;
        for (int a = 0; a < nf; a++) {
            maxDiag = Math.max(maxDiag, hess[a * nf + a]);
        }
        double ridge = 1e-12 * Math.max(maxDiag, 1e-300);
        System.arraycopy(hess, 0, backup, 0, nf * nf);
        for (int attempt = 0; attempt < 8; attempt++) {
            if (cholesky(nf, ridge)) {
                break;
            }
            ridge *= 1e3;
        }
        // hess lower triangle now holds L (or the last attempt's partial factor); solve L Lᵀ d = −g
        for (int a = 0; a < nf; a++) {
            double s = -grad[free[a]];
            for (int c = 0; c < a; c++) {
                s -= hess[a * nf + c] * dir[free[c]];
            }
            dir[free[a]] = s / hess[a * nf + a];
        }
        for (int a = nf - 1; a >= 0; a--) {
            double s = dir[free[a]];
            for (int c = a + 1; c < nf; c++) {
                s -= hess[c * nf + a] * dir[free[c]];
            }
            dir[free[a]] = s / hess[a * nf + a];
        }
        int f = 0;
        for (int k = 0; k < comps; k++) {
            if (f < nf && free[f] == k) {
                f++;
            } else if (b[k] > 0) {
                dir[k] = -b[k]; // held: its gradient is positive, move it to the bound
            }
        }
    }

    /** Cholesky of backup[0..nf)² + ridge·I into the lower triangle of hess; false if not positive definite. */
    private boolean cholesky(int nf, double ridge) {
        double[] a = hess;
        System.arraycopy(backup, 0, a, 0, nf * nf);
        for (int i = 0; i < nf; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * nf + j] + (i == j ? ridge : 0);
                for (int p = 0; p < j; p++) {
                    s -= a[i * nf + p] * a[j * nf + p];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    a[i * nf + i] = Math.sqrt(s);
                } else {
                    a[i * nf + j] = s / a[j * nf + j];
                }
            }
        }
        return true;
    }
}
