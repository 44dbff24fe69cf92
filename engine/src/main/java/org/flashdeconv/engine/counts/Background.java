package org.flashdeconv.engine.counts;

import java.util.Arrays;
import org.flashdeconv.engine.genes.MappedRows;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The background for types missing from the reference (docs/algorithm.md §29.4), learned once on a deterministic
 * sample of at most {@link #SAMPLE} spots (every ⌈N / SAMPLE⌉-th spot with counts): fit the known profiles, take the
 * positive part of the residual pseudo-bulk, restrict it to what no non-negative combination of the known profiles
 * explains (subtract its non-negative least-squares fit on them, clip at 0), normalise it. Refit the sample with it
 * (a linear penalty {@link #RHO0} per background molecule) and keep it only if a quasi-F test says the deviance drop is
 * significant (p &lt; {@link #P_VALUE}, dispersion from the data) and its share of the sample's molecules is at least
 * {@link #MIN_SHARE}.
 */
public final class Background {
    /** Largest sample. */
    public static final int SAMPLE = 10_000;
    /** Penalty per background molecule (in units of the cost of one fitted molecule). */
    public static final double RHO0 = 1.0;
    /** Significance level of the quasi-F test. */
    public static final double P_VALUE = 1e-3;
    /** Smallest share of the molecules the background must take to be kept. */
    public static final double MIN_SHARE = 0.005;

    private static final int BLOCK = 256;

    /**
     * What the sample said.
     *
     * @param kept        true if the background is used
     * @param profile     its profile on the model genes (sum 1; all 0 when none could be formed)
     * @param share       its share of the sample's fitted molecules
     * @param fStatistic  the quasi-F statistic (NaN when no background could be formed)
     * @param pValue      its p-value (Paulson's normal approximation of the F distribution)
     * @param sampleSpots spots in the sample
     */
    public record Result(boolean kept, double[] profile, double share, double fStatistic, double pValue,
                         int sampleSpots) {
    }

    private Background() {
    }

    /**
     * Learns and tests the background; sets it into {@code prof} when kept.
     *
     * @param tol   the solver's KKT tolerance
     */
    static Result learn(CsrView counts, CountProfiles prof, int maxIter, double tol,
                        BlockExecutor ex) {
        long n = counts.rows();
        long step = Math.max(1, (n + SAMPLE - 1) / SAMPLE);
        int sample = Math.toIntExact((n + step - 1) / step);
        int k = prof.types();
        int k1 = prof.stride();
        int p = prof.size();
        double[] beta = new double[sample * k1];
        boolean[] used = new boolean[sample];
        int blocks = BlockExecutor.blockCount(sample, BLOCK);
        double[][] bulk = new double[blocks][p];
        double[][] colSums = new double[blocks][k1];
        double[] dev0 = new double[blocks];
        double[] cost = new double[k1];
        Arrays.fill(cost, 1.0);
        ex.forEachBlock(sample, BLOCK, (block, s, e) -> {
            ModelRow row = new ModelRow(counts, prof.position());
            PoissonSpot solver = new PoissonSpot(prof.rows(), k1);
            double[] b = new double[k1];
            for (long j = s; j < e; j++) {
                long spot = j * step;
                if (row.load(counts, spot) == 0) {
                    continue;
                }
                used[(int) j] = true;
                CountModel.uniformStart(k, row.total, b);
                solver.solve(row.nnz, row.pos, row.y, k, cost, null, b, maxIter, tol);
                System.arraycopy(b, 0, beta, (int) j * k1, k1);
                for (int q = 0; q < row.nnz; q++) {
                    bulk[block][row.pos[q]] += row.y[q];
                }
                double fitted = 0;
                for (int t = 0; t < k; t++) {
                    colSums[block][t] += b[t];
                    fitted += b[t];
                }
                dev0[block] += Deviance.ofFit(row, solver.means(), fitted);
            }
            releaseSample(counts, s, e, step);
        });
        MappedRows.releaseAll(counts); // the sample's rows are spread over the whole store
        double[] pseudoBulk = new double[p];
        double[] fitted = new double[k];
        double d0 = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < p; j++) {
                pseudoBulk[j] += bulk[b][j];
            }
            for (int t = 0; t < k; t++) {
                fitted[t] += colSums[b][t];
            }
            d0 += dev0[b];
        }
        double[] profile = restrict(residual(pseudoBulk, fitted, prof), prof);
        int spotsUsed = 0;
        for (boolean u : used) {
            spotsUsed += u ? 1 : 0;
        }
        if (profile == null) {
            return new Result(false, new double[p], 0, Double.NaN, 1, spotsUsed);
        }
        prof.setBackground(profile);
        double[] dev1 = new double[blocks];
        double[] bgSum = new double[blocks];
        double[] totalSum = new double[blocks];
        long[] bgSpots = new long[blocks];
        long[] params = new long[blocks];
        double[] cost1 = cost.clone();
        cost1[k] = 1 + RHO0;
        ex.forEachBlock(sample, BLOCK, (block, s, e) -> {
            ModelRow row = new ModelRow(counts, prof.position());
            PoissonSpot solver = new PoissonSpot(prof.rows(), k1);
            double[] b = new double[k1];
            for (long j = s; j < e; j++) {
                if (!used[(int) j]) {
                    continue;
                }
                row.load(counts, j * step);
                System.arraycopy(beta, (int) j * k1, b, 0, k1);
                solver.solve(row.nnz, row.pos, row.y, k1, cost1, null, b, maxIter, tol);
                double sum = 0;
                for (int t = 0; t < k1; t++) {
                    sum += b[t];
                    params[block] += b[t] > 0 ? 1 : 0;
                }
                dev1[block] += Deviance.ofFit(row, solver.means(), sum);
                bgSum[block] += b[k];
                totalSum[block] += sum;
                bgSpots[block] += b[k] > 0 ? 1 : 0;
            }
            releaseSample(counts, s, e, step);
        });
        MappedRows.releaseAll(counts);
        double d1 = 0;
        double bg = 0;
        double total = 0;
        long withBg = 0;
        long fittedParams = p - 1;
        for (int b = 0; b < blocks; b++) {
            d1 += dev1[b];
            bg += bgSum[b];
            total += totalSum[b];
            withBg += bgSpots[b];
            fittedParams += params[b];
        }
        double share = total > 0 ? bg / total : 0;
        double df1 = withBg + (p - 1);
        double df2 = (double) spotsUsed * p - fittedParams;
        double f = Double.NaN;
        double pValue = 1;
        if (withBg > 0 && df2 > 0 && d1 > 0) {
            double dispersion = d1 / df2;
            f = Math.max(0, (d0 - d1) / df1 / dispersion);
            pValue = FTail.upper(f, df1, df2);
        }
        boolean kept = pValue < P_VALUE && share >= MIN_SHARE;
        if (!kept) {
            prof.setBackground(new double[p]);
        }
        return new Result(kept, profile, share, f, pValue, spotsUsed);
    }

    /**
     * Releases the mapped pages of the rows a block of the sample spans, {@code [s·step, (e−1)·step]}: reading one row
     * of every {@code step} maps the pages around it too (the kernel's fault-around), so most of the store would
     * otherwise become resident.
     */
    private static void releaseSample(CsrView counts, long s, long e, long step) {
        if (e > s) {
            MappedRows.release(counts, s * step, (e - 1) * step + 1);
        }
    }

    /** max(0, pseudo-bulk − Σ_k B_k p_k) per gene. */
    private static double[] residual(double[] bulk, double[] fitted, CountProfiles prof) {
        int k1 = prof.stride();
        double[] r = new double[bulk.length];
        for (int j = 0; j < bulk.length; j++) {
            double m = 0;
            for (int t = 0; t < fitted.length; t++) {
                m += fitted[t] * prof.rows()[j * k1 + t];
            }
            r[j] = Math.max(0, bulk[j] - m);
        }
        return r;
    }

    /**
     * r minus its non-negative least-squares fit on the known profiles, clipped at 0 and normalised; null if nothing
     * (beyond 1e-9 of r's sum) is left.
     */
    static double[] restrict(double[] r, CountProfiles prof) {
        int k = prof.types();
        int k1 = prof.stride();
        int p = r.length;
        double[] rows = prof.rows();
        double[][] gram = new double[k][k];
        double[] rhs = new double[k];
        for (int j = 0; j < p; j++) {
            for (int a = 0; a < k; a++) {
                double pa = rows[j * k1 + a];
                rhs[a] += pa * r[j];
                for (int b = 0; b < k; b++) {
                    gram[a][b] += pa * rows[j * k1 + b];
                }
            }
        }
        double[] c = Nnls.solve(gram, rhs);
        double[] out = new double[p];
        double sum = 0;
        for (int j = 0; j < p; j++) {
            double m = 0;
            for (int a = 0; a < k; a++) {
                m += c[a] * rows[j * k1 + a];
            }
            out[j] = Math.max(0, r[j] - m);
            sum += out[j];
        }
        double given = 0;
        for (double v : r) {
            given += v;
        }
        if (!(sum > 1e-9 * given)) {
            return null; // the known profiles explain it up to rounding: normalising the rest would amplify noise
        }
        for (int j = 0; j < p; j++) {
            out[j] /= sum;
        }
        return out;
    }
}
