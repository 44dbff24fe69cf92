package org.flashdeconv.bench.accuracy;

/**
 * A deconvolution method the accuracy benchmark scores. An implementation is one class with a public no-argument
 * constructor: register its name in {@link Methods}, or pass its class name to {@code --methods} (for example
 * {@code --methods flashdeconv,nnls,org.flashdeconv.bench.accuracy.CountModelMethod}).
 *
 * <p>{@link #fit} receives the spots' counts (genes aligned with the signatures), the coordinates, the reference
 * (signatures, and single cells when the data set has them) and must not look at the truth.
 */
public interface Method {

    /** Short name for the tables ("flashdeconv", "nnls"). */
    String name();

    /**
     * Estimates the proportions of the reference types in every spot.
     *
     * @return N x K proportions over {@link BenchData#referenceTypes()} (rows summing to 1), with the spots the
     *         method could not estimate flagged (their rows are ignored)
     */
    Estimate fit(BenchData data);
}
