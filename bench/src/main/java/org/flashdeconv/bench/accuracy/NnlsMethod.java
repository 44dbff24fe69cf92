package org.flashdeconv.bench.accuracy;

import java.util.stream.IntStream;
import org.flashdeconv.engine.matrix.CsrView;

/**
 * Plain non-negative least squares per spot on the raw counts over all shared genes: min ‖y − Xᵀβ‖², β ≥ 0, with X
 * the signatures as the reference gives them, proportions β / Σβ. {@link #weighted()} is the count-aware variant:
 * each type's signature normalised to sum 1 and gene g's residual weighted by 1/√(mean over types of the
 * normalised signatures), so that a gene's weight falls with its Poisson noise (the "library-normalised least squares
 * with 1/√mean gene weights" of issue #10). A spot whose fit is all zero (no counts on the shared genes) is flagged.
 * Spots are independent, so the result does not depend on the thread count.
 */
public final class NnlsMethod implements Method {
    private final boolean weighted;

    /** Plain NNLS on raw counts. */
    public NnlsMethod() {
        this(false);
    }

    private NnlsMethod(boolean weighted) {
        this.weighted = weighted;
    }

    /** The 1/√mean-weighted variant on normalised signatures. */
    public static NnlsMethod weighted() {
        return new NnlsMethod(true);
    }

    @Override
    public String name() {
        return weighted ? "nnls-weighted" : "nnls";
    }

    @Override
    public Estimate fit(BenchData data) {
        double[][] x = data.signatures();
        int k = x.length;
        int genes = x[0].length;
        double[][] design = new double[k][];
        double[] weight = new double[genes]; // squared residual weights
        java.util.Arrays.fill(weight, 1.0);
        for (int t = 0; t < k; t++) {
            design[t] = x[t].clone();
            if (weighted) {
                double sum = 0;
                for (double v : x[t]) {
                    sum += v;
                }
                for (int g = 0; g < genes; g++) {
                    design[t][g] = sum > 0 ? x[t][g] / sum : 0;
                }
            }
        }
        if (weighted) {
            for (int g = 0; g < genes; g++) {
                double mean = 0;
                for (int t = 0; t < k; t++) {
                    mean += design[t][g] / k;
                }
                weight[g] = mean > 0 ? 1 / mean : 0;
            }
        }
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int g = 0; g < genes; g++) {
                    s += weight[g] * design[a][g] * design[b][g];
                }
                gram[a][b] = s;
                gram[b][a] = s;
            }
        }
        CsrView y = data.counts();
        int n = data.spots();
        double[][] proportions = new double[n][k];
        boolean[] flagged = new boolean[n];
        ThreadLocal<NnlsSolver> solvers = ThreadLocal.withInitial(() -> new NnlsSolver(gram));
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] rhs = new double[k];
            for (long e = y.rowStart(i); e < y.rowEnd(i); e++) {
                int g = y.mapColumn(y.col(e));
                if (g < 0) {
                    continue;
                }
                double v = y.value(e) * weight[g];
                for (int t = 0; t < k; t++) {
                    rhs[t] += design[t][g] * v;
                }
            }
            double[] beta = proportions[i];
            solvers.get().solve(rhs, beta);
            double total = 0;
            for (double v : beta) {
                total += v;
            }
            if (total > 0) {
                for (int t = 0; t < k; t++) {
                    beta[t] /= total;
                }
            } else {
                flagged[i] = true;
            }
        });
        return new Estimate(proportions, flagged);
    }
}
