package org.flashdeconv.engine.counts;

import java.util.Arrays;

/**
 * The per-spot Poisson fit (docs/algorithm.md §29.2): minimises
 * <pre>
 * f(β) = Σ_k cost_k β_k − Σ_{j} y_j log m_j − Σ_k y'_k log β_k,   m_j = Σ_k β_k p_{g_j k},   β ≥ 0
 * </pre>
 * over the spot's non-zero genes j only (the zeros enter through {@code cost_k = Σ_g p_kg} plus any linear penalty),
 * with optional pseudo-observations y'_k of the spatial prior. Projected Newton with an active set (Bertsekas): the
 * components at (or within ε of) 0 with a positive gradient are held, a Cholesky Newton step is taken on the others
 * and projected on β ≥ 0; the line search needs gradients only (f is convex, so a point on the segment where the slope
 * along it is ≤ 0 has a smaller f), and the gradient of the accepted point is the next iteration's. Stops when the
 * relative KKT residual max_k |pg_k|·max(β_k, 1) / max(n, 1) (n = the spot's count total, pg the projected gradient)
 * is at most {@code tol}; a spot that reaches the iteration cap is reported as not converged. Two savings on the
 * Hessian (docs/algorithm.md §29.2): from the uniform start the first step uses the expected (Fisher) Hessian, one
 * matrix for all spots; with the prior, the data part of the Hessian is kept while the residual falls and no
 * component joins the free set.
 *
 * <p>The spot's profile rows are gathered once per solve into a type-major block, so every inner loop runs over
 * contiguous arrays. One instance per worker: the scratch arrays are reused, so a solve allocates nothing once the
 * longest row has been seen. Not thread-safe. Profiles are gene-major: {@code profiles[pos * stride + k]}, and must
 * not change after the first solve (the Fisher matrix is computed from them once).
 */
public final class PoissonSpot {
    /** Bertsekas' ε, relative to the spot's count total: components this close to 0 with a positive gradient are held. */
    private static final double EPS = 1e-6;
    /** A prior component (f = +∞ at 0) may shrink to this fraction of its value in one step. */
    private static final double KEEP = 0.05;
    /** Halvings of the projection arc, and secant steps along the segment, before giving up. */
    private static final int MAX_SEARCH = 60;
    private static final double ARMIJO = 1e-4;
    /**
     * Under the prior the data part of the Hessian is reused while each step divides the KKT residual by at least
     * 1/REUSE (a slower fall means it has gone stale).
     */
    private static final double REUSE = 0.5;

    private final double[] profiles;
    private final int stride;
    private final double[] grad;
    private final double[] gradTrial;
    private final double[] hess;
    private final double[] backup;
    private final double[] dir;
    private final double[] trial;
    private final int[] free;
    private final int[] nonzero;
    private final double[] hData; // the data part of the Hessian by component, lower triangle, when hValid
    private final boolean[] inH;
    private final double[] four = new double[4];
    private boolean hValid;
    private double[] q = new double[0]; // the spot's profiles, type-major: q[k * nnz + j]
    private double[] m = new double[0];
    private double[] mTrial = new double[0];
    private double[] w = new double[0]; // y / m at the current point
    private double[] wTrial = new double[0];
    private double[] curv = new double[0]; // y / m² at the current point
    private double[] scaled = new double[0];
    private int iterations;
    private double fval; // f at the current point, NaN until needed

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
        gradTrial = new double[stride];
        hess = new double[stride * stride];
        backup = new double[stride * stride];
        dir = new double[stride];
        trial = new double[stride];
        free = new int[stride];
        nonzero = new int[stride];
        hData = new double[stride * stride];
        inH = new boolean[stride];
    }

    /**
     * The means m_j = Σ_k β_k p_{g_j k} at the solution of the last {@link #solve} (one per non-zero gene, in its
     * order), valid until the next solve; undefined after a solve of a spot without counts.
     */
    public double[] means() {
        return m;
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
        fval = Double.NaN;
        gather(nnz, pos, comps);
        if (!start(nnz, pos, y, comps, cost, pseudo, beta, scale)) {
            Arrays.fill(beta, 0, comps, scale / comps);
            means(nnz, comps, beta, m);
            gradient(nnz, y, comps, cost, pseudo, beta, m, w, grad);
        }
        hValid = false;
        boolean fisher = pseudo == null && uniform(comps, beta);
        if (fisher) {
            fisherStart(beta[0]);
        }
        double lastR = Double.POSITIVE_INFINITY;
        while (true) {
            double r = kkt(comps, beta, grad) / scale;
            if (r <= tol) {
                return true;
            }
            if (iterations >= maxIter) {
                return false;
            }
            iterations++;
            int nf = freeSet(comps, pseudo, beta, scale);
            // a fresh Hessian, except for the Fisher start and, under the prior, while the residual falls fast
            boolean fresh = pseudo == null ? !(fisher && iterations == 1) : r > REUSE * lastR;
            direction(nnz, comps, pseudo, beta, nf, fresh);
            if (fisher && iterations == 1) {
                correct(nf, beta);
            }
            lastR = r;
            if (!search(nnz, y, comps, cost, pseudo, beta, scale, tol)) {
                return false; // no progress possible at double precision: report as not converged
            }
        }
    }

    private double[] fisher0; // Σ_g p_g p_gᵀ / Σ_k p_kg over all genes, lower triangle; null until first needed

    /** True at the uniform start: every reference type at the same positive value, the background at 0. */
    private boolean uniform(int comps, double[] beta) {
        int k = stride - 1;
        if (!(beta[0] > 0)) {
            return false;
        }
        for (int t = 1; t < k; t++) {
            if (beta[t] != beta[0]) {
                return false;
            }
        }
        for (int t = k; t < comps; t++) {
            if (beta[t] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets the data Hessian to the expected (Fisher) one at the uniform start β_k = u: there m_g = u Σ_k p_kg, and
     * E[y_g] = m_g over all genes of S gives H = (1/u) Σ_g p_g p_gᵀ / Σ_k p_kg, the same matrix for every spot up to
     * 1/u. The first Newton step from the uniform start uses it instead of the observed Hessian (docs/algorithm.md
     * §29.2): it costs nothing per spot, and from that far away it is the better model (fewer iterations, measured).
     */
    private void fisherStart(double u) {
        if (fisher0 == null) {
            int k = stride - 1;
            int p = profiles.length / stride;
            double[] f = new double[stride * stride];
            for (int g = 0; g < p; g++) {
                int row = g * stride;
                double sum = 0;
                for (int t = 0; t < k; t++) {
                    sum += profiles[row + t];
                }
                for (int a = 0; a < stride; a++) {
                    double pa = profiles[row + a] / sum;
                    for (int c = 0; c <= a; c++) {
                        f[a * stride + c] += pa * profiles[row + c];
                    }
                }
            }
            fisher0 = f;
        }
        for (int i = 0; i < stride * stride; i++) {
            hData[i] = fisher0[i] / u;
        }
        Arrays.fill(inH, true);
        hValid = true;
    }

    private double[] rowSums; // Σ_k<K p_kg per profile row; null until first needed

    /**
     * m_j = u Σ_k<K p_{g_j k} at the uniform start β_k = u (background 0): one multiplication per non-zero from the
     * profile rows' sums, instead of K multiply-adds (docs/algorithm.md §29.2).
     */
    private void uniformMeans(int nnz, int[] pos, double u) {
        if (rowSums == null) {
            int k = stride - 1;
            double[] sums = new double[profiles.length / stride];
            for (int g = 0; g < sums.length; g++) {
                double sum = 0;
                for (int t = 0; t < k; t++) {
                    sum += profiles[g * stride + t];
                }
                sums[g] = sum;
            }
            rowSums = sums;
        }
        for (int j = 0; j < nnz; j++) {
            m[j] = u * rowSums[pos[j]];
        }
    }

    /** q[k * nnz + j] = the profile of type k at the spot's j-th non-zero gene. */
    private void gather(int nnz, int[] pos, int comps) {
        if (m.length < nnz) {
            int n = Math.max(nnz, 2 * m.length);
            m = new double[n];
            mTrial = new double[n];
            w = new double[n];
            wTrial = new double[n];
            scaled = new double[n];
            curv = new double[n];
        }
        if (q.length < nnz * comps) {
            q = new double[Math.max(nnz * comps, 2 * q.length)];
        }
        SpotKernels.gather(profiles, stride, pos, nnz, comps, q);
    }

    /**
     * Makes the start feasible and sets m and the gradient there: negative or NaN components become 0, an all-zero
     * start becomes uniform, and a prior component at (about) 0 starts at its one-dimensional minimiser
     * cβ + ½hβ² − y' log β (g, h the gradient and curvature of the rest at β) instead of creeping up to it.
     *
     * @return false if some mean is not positive at the start (a start on the background alone)
     */
    private boolean start(int nnz, int[] pos, double[] y, int comps, double[] cost, double[] pseudo, double[] beta,
                          double scale) {
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
        if (pseudo == null && uniform(comps, beta)) {
            uniformMeans(nnz, pos, beta[0]);
        } else {
            means(nnz, comps, beta, m);
        }
        boolean moved = false;
        if (pseudo != null) {
            if (!weights(nnz, y, m, w)) {
                return false;
            }
            for (int k = 0; k < comps; k++) {
                if (pseudo[k] > 0 && beta[k] <= EPS * scale) {
                    if (!moved) {
                        for (int j = 0; j < nnz; j++) {
                            curv[j] = w[j] / m[j];
                        }
                    }
                    int o = k * nnz;
                    for (int j = 0; j < nnz; j++) {
                        scaled[j] = curv[j] * q[o + j];
                    }
                    double g = cost[k] - SpotKernels.dot(w, q, o, nnz);
                    double h = SpotKernels.dot(scaled, q, o, nnz);
                    double a = pseudo[k];
                    double root = Math.sqrt(g * g + 4 * h * a);
                    beta[k] = g > 0 ? 2 * a / (g + root) : h > 0 ? (root - g) / (2 * h) : scale;
                    moved = true;
                }
            }
        }
        if (!moved) {
            return pseudo == null ? gradient(nnz, y, comps, cost, pseudo, beta, m, w, grad)
                    : gradientFrom(nnz, comps, cost, pseudo, beta, w, grad); // y/m is already in w
        }
        means(nnz, comps, beta, m);
        return gradient(nnz, y, comps, cost, pseudo, beta, m, w, grad);
    }

    /**
     * mean[j] = Σ_k b_k q_kj over the components above 0, added in index order four at a time (the bits of adding them
     * one at a time, with a quarter of the loads and stores of {@code mean}).
     */
    private void means(int nnz, int comps, double[] b, double[] mean) {
        int n = 0;
        for (int k = 0; k < comps; k++) {
            if (b[k] != 0) {
                nonzero[n++] = k;
            }
        }
        Arrays.fill(mean, 0, nnz, 0);
        int a = 0;
        for (; a + 3 < n; a += 4) {
            double b0 = b[nonzero[a]];
            double b1 = b[nonzero[a + 1]];
            double b2 = b[nonzero[a + 2]];
            double b3 = b[nonzero[a + 3]];
            int o0 = nonzero[a] * nnz;
            int o1 = nonzero[a + 1] * nnz;
            int o2 = nonzero[a + 2] * nnz;
            int o3 = nonzero[a + 3] * nnz;
            for (int j = 0; j < nnz; j++) {
                mean[j] = (((mean[j] + b0 * q[o0 + j]) + b1 * q[o1 + j]) + b2 * q[o2 + j]) + b3 * q[o3 + j];
            }
        }
        for (; a < n; a++) {
            double bk = b[nonzero[a]];
            int o = nonzero[a] * nnz;
            for (int j = 0; j < nnz; j++) {
                mean[j] += bk * q[o + j];
            }
        }
    }

    /** wt[j] = y_j / mean_j; false if a mean is not positive. */
    private static boolean weights(int nnz, double[] y, double[] mean, double[] wt) {
        for (int j = 0; j < nnz; j++) {
            if (!(mean[j] > 0)) {
                return false;
            }
            wt[j] = y[j] / mean[j];
        }
        return true;
    }

    /**
     * g = ∇f at b with the means {@code mean}, writing y/m into {@code wt}; false if f is +∞ there. A mean of 0 gives
     * y/m = +∞ and so a dot product of +∞ or NaN with every profile (all ≥ 0): the check is made on the K sums, not per
     * non-zero, so that the division loop has no exit and is vectorised.
     */
    private boolean gradient(int nnz, double[] y, int comps, double[] cost, double[] pseudo, double[] b, double[] mean,
                             double[] wt, double[] g) {
        for (int j = 0; j < nnz; j++) {
            wt[j] = y[j] / mean[j];
        }
        return gradientFrom(nnz, comps, cost, pseudo, b, wt, g);
    }

    /** The rest of {@link #gradient} once y/m is in {@code wt}. */
    private boolean gradientFrom(int nnz, int comps, double[] cost, double[] pseudo, double[] b, double[] wt,
                                 double[] g) {
        int k4 = 0;
        for (; k4 + 3 < comps; k4 += 4) {
            SpotKernels.dots4(wt, q, k4 * nnz, (k4 + 1) * nnz, (k4 + 2) * nnz, (k4 + 3) * nnz, nnz, g, k4);
        }
        for (int k = k4; k < comps; k++) {
            g[k] = SpotKernels.dot(wt, q, k * nnz, nnz);
        }
        for (int k = 0; k < comps; k++) {
            if (!(g[k] < Double.POSITIVE_INFINITY)) {
                return false;
            }
            double gk = cost[k] - g[k];
            if (pseudo != null && pseudo[k] > 0) {
                if (!(b[k] > 0)) {
                    return false;
                }
                gk -= pseudo[k] / b[k];
            }
            g[k] = gk;
        }
        return true;
    }

    /** max_k |projected gradient_k| · max(β_k, 1). */
    private static double kkt(int comps, double[] b, double[] g) {
        double r = 0;
        for (int k = 0; k < comps; k++) {
            double pg = b[k] > 0 ? g[k] : Math.min(g[k], 0);
            r = Math.max(r, Math.abs(pg) * Math.max(b[k], 1));
        }
        return r;
    }

    /** The free components into {@code free}: all but those within ε of 0 with a positive gradient (no prior). */
    private int freeSet(int comps, double[] pseudo, double[] b, double scale) {
        double width = 0; // ‖β − P(β − g)‖∞, Bertsekas' ε
        for (int k = 0; k < comps; k++) {
            width = Math.max(width, Math.abs(b[k] - Math.max(b[k] - grad[k], 0)));
        }
        double eps = Math.min(EPS * scale, width);
        int nf = 0;
        for (int k = 0; k < comps; k++) {
            boolean held = b[k] <= eps && grad[k] > 0 && (pseudo == null || pseudo[k] == 0);
            if (!held) {
                free[nf++] = k;
            }
        }
        return nf;
    }

    /**
     * The step: Newton on the free components (Cholesky of the Hessian block Σ_j (y_j/m_j²) q_aj q_cj plus the
     * prior's y'_k/β_k², with a tiny ridge when it is not positive definite), and −β_k for the held ones (their
     * gradient is positive). Unless {@code fresh}, the data part of the last Hessian is reused when it covers every
     * free component (the prior's diagonal is always current): the dot products are most of an iteration's cost.
     */
    private void direction(int nnz, int comps, double[] pseudo, double[] b, int nf, boolean fresh) {
        Arrays.fill(dir, 0, comps, 0);
        boolean reuse = hValid && !fresh;
        for (int a = 0; reuse && a < nf; a++) {
            reuse = inH[free[a]];
        }
        if (!reuse) {
            for (int j = 0; j < nnz; j++) {
                curv[j] = w[j] / m[j];
            }
            Arrays.fill(inH, false);
            for (int a = 0; a < nf; a++) {
                int oa = free[a] * nnz;
                for (int j = 0; j < nnz; j++) {
                    scaled[j] = curv[j] * q[oa + j];
                }
                int c = 0;
                for (; c + 3 <= a; c += 4) {
                    SpotKernels.dots4(scaled, q, free[c] * nnz, free[c + 1] * nnz, free[c + 2] * nnz,
                            free[c + 3] * nnz, nnz, four, 0);
                    for (int t = 0; t < 4; t++) {
                        hData[free[a] * stride + free[c + t]] = four[t];
                    }
                }
                if (c + 1 <= a) {
                    SpotKernels.dots2(scaled, q, free[c] * nnz, free[c + 1] * nnz, nnz, four);
                    hData[free[a] * stride + free[c]] = four[0];
                    hData[free[a] * stride + free[c + 1]] = four[1];
                    c += 2;
                }
                if (c <= a) {
                    hData[free[a] * stride + free[c]] = SpotKernels.dot(scaled, q, free[c] * nnz, nnz);
                }
                inH[free[a]] = true;
            }
            hValid = true;
        }
        for (int a = 0; a < nf; a++) {
            for (int c = 0; c <= a; c++) {
                backup[a * nf + c] = hData[free[a] * stride + free[c]];
            }
            int k = free[a];
            if (pseudo != null && pseudo[k] > 0) {
                backup[a * nf + a] += pseudo[k] / (b[k] * b[k]);
            }
        }
        double maxDiag = 0;
        for (int a = 0; a < nf; a++) {
            maxDiag = Math.max(maxDiag, backup[a * nf + a]);
        }
        double ridge = 1e-12 * Math.max(maxDiag, 1e-300);
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
                dir[k] = -b[k];
            }
        }
    }

    /**
     * One Gauss-Seidel sweep of projected coordinate descent on the step's quadratic model g·d + ½dᵀHd over the free
     * components, from the projected Newton point: z_a ← max(0, z_a − (g_a + Σ_c H_ac (z_c − β_c)) / H_aa) in index
     * order, then d = z − β. Used after the Fisher first step, where the projection clips many types to 0 and the
     * others have not been re-fitted for it (docs/algorithm.md §29.2): K² multiply-adds, and sweep 1 needs 1.6 instead
     * of 3.4 Newton iterations per spot. (More sweeps, or the correction in every iteration, measured worse.)
     */
    private void correct(int nf, double[] b) {
        double[] z = trial;
        for (int a = 0; a < nf; a++) {
            int k = free[a];
            z[k] = Math.max(0, b[k] + dir[k]);
        }
        for (int a = 0; a < nf; a++) {
            int ka = free[a];
            double g = grad[ka];
            for (int c = 0; c < nf; c++) {
                int kc = free[c];
                g += (ka >= kc ? hData[ka * stride + kc] : hData[kc * stride + ka]) * (z[kc] - b[kc]);
            }
            double h = hData[ka * stride + ka];
            if (h > 0) {
                z[ka] = Math.max(0, z[ka] - g / h);
            }
        }
        for (int a = 0; a < nf; a++) {
            int k = free[a];
            dir[k] = z[k] - b[k];
        }
    }

    /** Cholesky of backup[0..nf)² (lower triangle) + ridge·I into the lower triangle of hess; false if not PD. */
    private boolean cholesky(int nf, double ridge) {
        double[] a = hess;
        for (int i = 0; i < nf; i++) {
            for (int j = 0; j <= i; j++) {
                double s = backup[i * nf + j] + (i == j ? ridge : 0);
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

    /**
     * The line search along the projection arc: the point P(β + t·dir) for t = 1 and then smaller t, once the segment
     * from β to it is a descent direction. Taken when f's slope along the segment at its end is ≤ 0 (f is convex, so
     * f is lower there: no logarithm needed), else when Armijo's test holds (σ = 10⁻⁴): first on an upper bound of the
     * decrease without a logarithm ({@link #decreaseBound}), then with f evaluated; or when the decrease is below f's
     * rounding, or when the point meets the tolerance. Otherwise t shrinks by the secant root
     * of the slope on the segment, clamped to [0.1, 0.5]. On success β, m, y/m and ∇f move to the point.
     */
    private boolean search(int nnz, double[] y, int comps, double[] cost, double[] pseudo, double[] b, double scale,
                           double tol) {
        double t = 1;
        for (int tries = 0; tries < MAX_SEARCH; tries++) {
            double slope0 = 0;
            for (int k = 0; k < comps; k++) {
                double v = Math.max(0, b[k] + t * dir[k]);
                if (pseudo != null && pseudo[k] > 0) {
                    v = Math.max(v, KEEP * b[k]);
                }
                trial[k] = v;
                slope0 += grad[k] * (v - b[k]);
            }
            if (!(slope0 < 0)) {
                t *= 0.5;
                continue;
            }
            means(nnz, comps, trial, mTrial);
            boolean finite = gradient(nnz, y, comps, cost, pseudo, trial, mTrial, wTrial, gradTrial);
            double slope1 = 0;
            for (int k = 0; finite && k < comps; k++) {
                slope1 += gradTrial[k] * (trial[k] - b[k]);
            }
            boolean accept = finite && slope1 <= 0;
            double ft = Double.NaN;
            if (finite && !accept) {
                // Armijo certified without a logarithm: an upper bound of f(trial) − f(β) below σ·slope0
                accept = decreaseBound(nnz, y, comps, cost, pseudo, b, m, mTrial) <= ARMIJO * slope0;
            }
            if (finite && !accept) {
                if (Double.isNaN(fval)) {
                    fval = objective(nnz, y, comps, cost, pseudo, b, m);
                }
                ft = objective(nnz, y, comps, cost, pseudo, trial, mTrial);
                // below f's rounding the Armijo test cannot see a decrease: take the step as it is
                accept = ft <= fval + ARMIJO * slope0 || -slope0 <= 1e-13 * (Math.abs(fval) + 1)
                        || kkt(comps, trial, gradTrial) / scale <= tol;
            }
            if (accept) {
                fval = ft;
                System.arraycopy(trial, 0, b, 0, comps);
                System.arraycopy(gradTrial, 0, grad, 0, comps);
                double[] swap = m;
                m = mTrial;
                mTrial = swap;
                swap = w;
                w = wTrial;
                wTrial = swap;
                return true;
            }
            double secant = finite && slope1 < Double.POSITIVE_INFINITY ? slope0 / (slope0 - slope1) : 0;
            t *= Math.min(Math.max(secant, 0.1), 0.5);
        }
        return false;
    }

    /**
     * An upper bound of f(trial) − f(b) (means {@code mean} and {@code meanTrial}, all positive): every logarithm of a
     * ratio r is replaced by a lower bound ℓ(r) ≤ log r, 2(r − 1)/(r + 1) for r ≥ 1 and (r − 1)/√r below, both exact to
     * O((r − 1)³), so that a Newton step's Armijo test is certified without a logarithm (docs/algorithm.md §29.2). For
     * the means, ℓ = min of the two (the smaller is the right one on each side of 1): no branch to mispredict.
     */
    private double decreaseBound(int nnz, double[] y, int comps, double[] cost, double[] pseudo, double[] b,
                                 double[] mean, double[] meanTrial) {
        double d = 0;
        for (int k = 0; k < comps; k++) {
            d += cost[k] * (trial[k] - b[k]);
            if (pseudo != null && pseudo[k] > 0) {
                d -= pseudo[k] * logBelow(trial[k] / b[k]);
            }
        }
        double s = 0;
        for (int j = 0; j < nnz; j++) {
            double diff = meanTrial[j] - mean[j];
            s += y[j] * Math.min(2 * diff / (meanTrial[j] + mean[j]), diff / Math.sqrt(meanTrial[j] * mean[j]));
        }
        return d - s;
    }

    /** A lower bound of log r for r > 0: 2(r − 1)/(r + 1) for r ≥ 1, (r − 1)/√r below (error O((r − 1)³)). */
    static double logBelow(double r) {
        return r >= 1 ? 2 * (r - 1) / (r + 1) : (r - 1) / Math.sqrt(r);
    }

    /** f at b with the means {@code mean} (all positive). */
    private double objective(int nnz, double[] y, int comps, double[] cost, double[] pseudo, double[] b,
                             double[] mean) {
        double f = 0;
        for (int k = 0; k < comps; k++) {
            f += cost[k] * b[k];
            if (pseudo != null && pseudo[k] > 0) {
                f -= pseudo[k] * Math.log(b[k]);
            }
        }
        for (int j = 0; j < nnz; j++) {
            f -= y[j] * Math.log(mean[j]);
        }
        return f;
    }
}
