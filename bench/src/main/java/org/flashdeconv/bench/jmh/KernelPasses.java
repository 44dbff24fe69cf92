package org.flashdeconv.bench.jmh;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.flashdeconv.engine.genes.ScaledLog;
import org.flashdeconv.engine.genes.SpotRow;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.represent.Representation;
import org.flashdeconv.engine.simd.Kernels;
import org.flashdeconv.engine.solver.BcdProblem;
import org.flashdeconv.engine.solver.BcdSettings;

/**
 * The three hot passes written on {@link Kernels}, single-threaded, with the engine's order of operations: the
 * gene-statistics sums (scatter-adds per spot), the expected-weights projection (h += w·Xr[:, q]·z per entry, an
 * axpy of K), and one Jacobi sweep of the reference BCD (neighbour sums, Gram·b and the Gauss-Seidel residual
 * updates as K-vector kernels). The sweep gives the reference solver's bits with either implementation (its
 * kernels are element-wise); the benchmarks check this once at set-up. Not thread-safe (one instance per thread).
 */
final class KernelPasses {

    private final Kernels k;
    private final PassData data;
    private final SpotRow row = new SpotRow();
    private final ScaledLog log = new ScaledLog();
    private final double[] sumLog = new double[PassData.GENES];
    private final double[] sumLogSq = new double[PassData.GENES];
    private final double[] sumRaw = new double[PassData.GENES];
    private final int[] position = new int[PassData.GENES];
    private final double[] weight;
    private final double[] coef;
    private final double[] gramColumns;
    private int[] entryPos = new int[64];
    private double[] entryVal = new double[64];

    KernelPasses(Kernels k, PassData data) {
        this.k = k;
        this.data = data;
        int types = PassData.TYPES;
        int[] s = data.selection.selected();
        Arrays.fill(position, -1);
        for (int j = 0; j < s.length; j++) {
            position[s[j]] = j;
        }
        weight = ((Representation.Weighted) data.rep).weights();
        coef = new double[s.length * types];
        for (int j = 0; j < s.length; j++) {
            for (int t = 0; t < types; t++) {
                coef[j * types + t] = data.rep.xr()[t][j];
            }
        }
        gramColumns = new double[types * types];
        for (int a = 0; a < types; a++) {
            for (int b = 0; b < types; b++) {
                gramColumns[b * types + a] = data.problem.gram()[a * types + b];
            }
        }
    }

    /** Σz, Σz², Σv per gene over all spots; returns Σz. */
    double[] geneStatistics() {
        Arrays.fill(sumLog, 0);
        Arrays.fill(sumLogSq, 0);
        Arrays.fill(sumRaw, 0);
        for (long s = 0; s < data.spots; s++) {
            int n = row.load(data.counts, s);
            int[] cols = row.cols();
            double[] v = row.values();
            ensure(n);
            double library = 0;
            for (int j = 0; j < n; j++) {
                library += v[j];
            }
            log.reset(1e4 / Math.max(library, 1.0));
            for (int j = 0; j < n; j++) {
                entryVal[j] = log.of(v[j]);
            }
            k.scatterAxpy(1.0, entryVal, cols, sumLog, n);
            for (int j = 0; j < n; j++) {
                entryVal[j] = entryVal[j] * entryVal[j];
            }
            k.scatterAxpy(1.0, entryVal, cols, sumLogSq, n);
            k.scatterAxpy(1.0, v, cols, sumRaw, n);
        }
        return sumLog;
    }

    /** The log_cpm, expected-weights projection of every spot into {@code hOut}; returns ‖Yr‖²_F. */
    double project(MemorySegment hOut) {
        int types = PassData.TYPES;
        double[] h = new double[types];
        double norm = 0;
        for (long s = 0; s < data.spots; s++) {
            int n = row.load(data.counts, s);
            ensure(n);
            int[] cols = row.cols();
            double[] v = row.values();
            int m = 0;
            double library = 0;
            for (int j = 0; j < n; j++) {
                int q = position[cols[j]];
                if (q >= 0) {
                    entryPos[m] = q;
                    entryVal[m] = v[j];
                    library += v[j];
                    m++;
                }
            }
            log.reset(1e4 / (library == 0 ? 1 : library));
            Arrays.fill(h, 0);
            double spotNorm = 0;
            for (int e = 0; e < m; e++) {
                int q = entryPos[e];
                double yr = log.of(entryVal[e]) * weight[q];
                spotNorm += yr * yr;
                k.axpy(yr, coef, q * types, h, 0, types);
            }
            norm += spotNorm;
            MemorySegment.copy(h, 0, hOut, Layouts.F64, s * types * Double.BYTES, types);
        }
        return norm;
    }

    /** One Jacobi sweep of docs/algorithm.md §10.2 from {@code prev} into {@code next}; returns the max |change|. */
    double sweep(BcdSettings settings, MemorySegment prev, MemorySegment next) {
        BcdProblem p = data.problem;
        int kk = p.types();
        double[] g = p.gram();
        double lambda = settings.lambda();
        double rho = settings.rhoEff();
        double[] nsum = new double[kk];
        double[] b = new double[kk];
        double[] r = new double[kk];
        double diff = 0;
        for (long i = 0; i < p.spots(); i++) {
            long base = i * kk;
            long first = p.rowPtr().getAtIndex(Layouts.I64, i);
            long last = p.rowPtr().getAtIndex(Layouts.I64, i + 1);
            int deg = (int) (last - first);
            MemorySegment.copy(prev, Layouts.F64, base * Double.BYTES, b, 0, kk);
            Arrays.fill(nsum, 0);
            for (long x = first; x < last; x++) {
                k.addSegment(prev, (long) p.neighbors().getAtIndex(Layouts.I32, x) * kk, nsum, kk);
            }
            k.matVec(gramColumns, kk, b, r);
            double lambdaDeg = lambda * deg;
            for (int t = 0; t < kk; t++) {
                double gkk = g[t * kk + t];
                double c = p.h().getAtIndex(Layouts.F64, base + t) - r[t] + gkk * b[t];
                if (deg > 0) {
                    c = c + lambda * nsum[t];
                }
                double den = gkk + lambdaDeg;
                double updated = 0;
                if (den > 1e-10) {
                    updated = Math.max(0.0, soft(c, rho) / den);
                }
                double delta = updated - b[t];
                if (delta != 0) {
                    k.axpy(delta, gramColumns, t * kk, r, 0, kk);
                }
                diff = Math.max(diff, Math.abs(delta));
                b[t] = updated;
            }
            MemorySegment.copy(b, 0, next, Layouts.F64, base * Double.BYTES, kk);
        }
        return diff;
    }

    private static double soft(double x, double rho) {
        if (x > rho) {
            return x - rho;
        }
        if (x < -rho) {
            return x + rho;
        }
        return 0;
    }

    private void ensure(int n) {
        if (entryVal.length < n) {
            entryVal = new double[2 * n];
            entryPos = new int[2 * n];
        }
    }
}
