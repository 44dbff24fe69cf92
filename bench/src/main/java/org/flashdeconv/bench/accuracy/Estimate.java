package org.flashdeconv.bench.accuracy;

/**
 * What a {@link Method} returns: N x K proportions over the data set's reference types, and the spots it could not
 * estimate (no counts on the genes used, an all-zero fit), which are left out of the scores and counted.
 *
 * @param proportions [spot][reference type], rows summing to 1 where not flagged
 * @param flagged     [spot] true if the spot has no estimate
 */
public record Estimate(double[][] proportions, boolean[] flagged) {

    /**
     * Checks the shapes.
     *
     * @throws IllegalArgumentException if the arrays disagree in length
     */
    public Estimate {
        if (proportions.length != flagged.length) {
            throw new IllegalArgumentException("estimate: " + proportions.length + " rows but " + flagged.length
                    + " flags");
        }
    }

    /** Number of flagged spots. */
    public int flaggedCount() {
        int n = 0;
        for (boolean f : flagged) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
