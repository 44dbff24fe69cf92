package org.flashdeconv.engine.genes;

/**
 * Marker genes of the reference (docs/algorithm.md §4.2): for every type, the genes it dominates most clearly by row
 * fraction ("largest minus second largest" specificity).
 */
public final class MarkerSelector {

    private MarkerSelector() {
    }

    /**
     * The union of the {@code nPerType} markers of every type of {@code x} (K x G, raw signatures).
     *
     * @return gene indices, ascending
     * @throws IllegalArgumentException if nPerType is negative, x has no rows or its rows differ in length
     */
    public static int[] select(double[][] x, int nPerType) {
        if (nPerType < 0) {
            throw new IllegalArgumentException("n_markers_per_type must be >= 0, found " + nPerType);
        }
        int types = x.length;
        if (types == 0) {
            throw new IllegalArgumentException("marker selection needs at least one cell type, found 0");
        }
        int genes = x[0].length;
        for (double[] row : x) {
            if (row.length != genes) {
                throw new IllegalArgumentException("reference rows must all hold " + genes + " genes, found "
                        + row.length);
            }
        }
        if (nPerType == 0) {
            return new int[0];
        }
        if (types == 1) {
            return HvgSelector.identity(Math.min(nPerType, genes));
        }
        double[] denom = new double[types];
        for (int k = 0; k < types; k++) {
            double sum = 0;
            for (double v : x[k]) {
                sum += v;
            }
            denom[k] = sum + 1e-10;
        }
        double[] spec = new double[genes];
        int[] owner = new int[genes];
        int[] owned = new int[types];
        for (int g = 0; g < genes; g++) {
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            int own = 0;
            for (int k = 0; k < types; k++) {
                double f = x[k][g] / denom[k];
                if (f > first) {
                    second = first;
                    first = f;
                    own = k;
                } else if (f > second) {
                    second = f; // an equal maximum lands here: a tie gives specificity 0
                }
            }
            spec[g] = first - second;
            owner[g] = own;
            owned[own]++;
        }
        boolean[] chosen = new boolean[genes];
        for (int k = 0; k < types; k++) {
            int[] picks;
            if (owned[k] > 0) {
                int[] mine = new int[owned[k]];
                int m = 0;
                for (int g = 0; g < genes; g++) {
                    if (owner[g] == k) {
                        mine[m++] = g;
                    }
                }
                picks = DescendingRank.top(spec, mine, nPerType);
            } else {
                double[] fraction = new double[genes];
                for (int g = 0; g < genes; g++) {
                    fraction[g] = x[k][g] / denom[k];
                }
                picks = DescendingRank.top(fraction, HvgSelector.identity(genes), nPerType);
            }
            for (int g : picks) {
                chosen[g] = true;
            }
        }
        return indicesOf(chosen);
    }

    static int[] indicesOf(boolean[] set) {
        int n = 0;
        for (boolean b : set) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int m = 0;
        for (int g = 0; g < set.length; g++) {
            if (set[g]) {
                out[m++] = g;
            }
        }
        return out;
    }
}
