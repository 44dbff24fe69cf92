package org.flashdeconv.engine.genes;

import java.util.Arrays;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Per-gene sums from one streaming pass over the raw spatial counts (docs/algorithm.md §4.1, §5.2, §14.2). Small, on
 * the heap: three G-length arrays.
 *
 * @param spots          N, the number of spots read
 * @param genes          G, the number of genes (columns)
 * @param sumLog         Σ_i Z_ig with Z_ig = log1p(Y_ig · (10000 / max(Σ_g Y_ig, 1))), per gene
 * @param sumLogSq       Σ_i Z_ig², per gene
 * @param sumRaw         Σ_i Y_ig, per gene (the spot means of {@code pearson})
 * @param zeroCountSpots spots whose counts sum to 0 (allowed; their library is floored at 1)
 */
public record GeneStats(long spots, int genes, double[] sumLog, double[] sumLogSq, double[] sumRaw,
                        long zeroCountSpots) {

    /**
     * Version of the computation: statistics cached by an earlier run are reused only if they were made by the
     * same version (bump it whenever a change alters the bits, e.g. the block size or the summation order).
     */
    public static final int ALGORITHM_VERSION = 1;

    /** Spots per block of the parallel pass; fixed, so the result does not depend on the thread count. */
    public static final int BLOCK_SPOTS = 4096;

    private static final double SCALE = 1e4;

    /**
     * Checks the array lengths.
     *
     * @throws IllegalArgumentException if a count is negative or an array is not G long
     */
    public GeneStats {
        if (spots < 0 || genes < 0 || zeroCountSpots < 0 || zeroCountSpots > spots) {
            throw new IllegalArgumentException("gene statistics need spots >= 0, genes >= 0 and 0 <= zeroCountSpots"
                    + " <= spots, found " + spots + ", " + genes + ", " + zeroCountSpots);
        }
        if (sumLog.length != genes || sumLogSq.length != genes || sumRaw.length != genes) {
            throw new IllegalArgumentException("gene statistics need arrays of " + genes + " genes, found "
                    + sumLog.length + ", " + sumLogSq.length + ", " + sumRaw.length);
        }
    }

    /**
     * One parallel pass over {@code y}: the log-normalised sums and squares per gene and the raw sums per gene.
     * Blocks of spots are summed separately and merged in block order, so the result has the same bits for any
     * thread count. A memory-mapped CSR is released block by block behind the pass ({@link MappedRows}). Reports
     * the stage "gene statistics" in spots.
     *
     * @return the statistics of {@code y}
     * @throws IllegalArgumentException if a stored value is NaN, infinite or negative (naming its spot and gene)
     */
    public static GeneStats compute(CsrView y, BlockExecutor ex, Progress progress) {
        return compute(y, ex, progress, BLOCK_SPOTS);
    }

    static GeneStats compute(CsrView y, BlockExecutor ex, Progress progress, int blockSpots) {
        int genes = Math.toIntExact(y.cols());
        long spots = y.rows();
        Partial total = new Partial(genes);
        OrderedMerge<Partial> merge = new OrderedMerge<>(2 * ex.threads(), () -> new Partial(genes),
                total::absorb);
        progress.start("gene statistics", spots);
        try {
            ex.forEachBlock(spots, blockSpots, (block, start, end) -> {
                merge.run(block, p -> p.accumulate(y, start, end));
                MappedRows.release(y, start, end);
                progress.advance(end - start);
            });
        } finally {
            progress.end();
        }
        return new GeneStats(spots, genes, total.sumLog, total.sumLogSq, total.sumRaw, total.zeroSpots);
    }

    /**
     * The sums of one block of at most {@link #BLOCK_SPOTS} consecutive spots, for a caller that streams the rows
     * itself (the store converter): fill one per block of spots {@code [b·BLOCK_SPOTS, (b+1)·BLOCK_SPOTS)}, in
     * any thread, and hand them to a {@link Totals} in block order; the result has the bits of {@link #compute}.
     */
    public static final class BlockSums {
        private final Partial sums;

        /** Empty sums over {@code genes} genes. */
        public BlockSums(int genes) {
            sums = new Partial(genes);
        }

        /**
         * Adds one spot's stored entries ({@code cols[from..from+n)}, {@code values[from..from+n)}).
         *
         * @throws IllegalArgumentException if a value is NaN, infinite or negative
         */
        public void addRow(long spot, int[] cols, double[] values, int from, int n) {
            sums.addRow(spot, cols, values, from, n);
        }
    }

    /** The running total of {@link BlockSums} added in block order. Not thread-safe. */
    public static final class Totals {
        private final Partial total;
        private final int genes;

        /** A zero total over {@code genes} genes. */
        public Totals(int genes) {
            this.genes = genes;
            this.total = new Partial(genes);
        }

        /** Adds the next block's sums (in block order) and clears them, so that the block may be refilled. */
        public void add(BlockSums block) {
            total.absorb(block.sums);
        }

        /** The statistics of the {@code spots} spots whose blocks were added. */
        public GeneStats finish(long spots) {
            return new GeneStats(spots, genes, total.sumLog, total.sumLogSq, total.sumRaw, total.zeroSpots);
        }
    }

    /** Sums over one block of spots (or the running total), plus the row scratch of the worker using it. */
    private static final class Partial {
        final double[] sumLog;
        final double[] sumLogSq;
        final double[] sumRaw;
        long zeroSpots;
        final SpotRow row = new SpotRow();
        final ScaledLog log = new ScaledLog();

        Partial(int genes) {
            sumLog = new double[genes];
            sumLogSq = new double[genes];
            sumRaw = new double[genes];
        }

        void accumulate(CsrView y, long start, long end) {
            for (long spot = start; spot < end; spot++) {
                int n = row.load(y, spot);
                addRow(spot, row.cols(), row.values(), 0, n);
            }
        }

        void addRow(long spot, int[] cols, double[] vals, int from, int n) {
            double library = 0;
            for (int j = from; j < from + n; j++) {
                double v = vals[j];
                if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("spatial counts: spot " + spot + " gene " + cols[j]
                            + " holds " + v + " (counts must be finite and >= 0)");
                }
                library += v;
            }
            if (library == 0) {
                zeroSpots++;
            }
            log.reset(SCALE / Math.max(library, 1.0));
            for (int j = from; j < from + n; j++) {
                int g = cols[j];
                double v = vals[j];
                double z = log.of(v);
                sumLog[g] += z;
                sumLogSq[g] += z * z;
                sumRaw[g] += v;
            }
        }

        /** Adds {@code p} to this total and clears {@code p}. */
        void absorb(Partial p) {
            for (int g = 0; g < sumLog.length; g++) {
                sumLog[g] += p.sumLog[g];
                sumLogSq[g] += p.sumLogSq[g];
                sumRaw[g] += p.sumRaw[g];
            }
            zeroSpots += p.zeroSpots;
            Arrays.fill(p.sumLog, 0);
            Arrays.fill(p.sumLogSq, 0);
            Arrays.fill(p.sumRaw, 0);
            p.zeroSpots = 0;
        }
    }
}
