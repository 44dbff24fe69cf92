package org.flashdeconv.bench.accuracy;

/**
 * A check of the scoring, not a method: returns the truth itself (molecule fractions, or cell fractions when the
 * truth has no molecule fractions) over the reference types, renormalised. Against the truth in the same units it
 * scores RMSE 0 and r 1 when the reference has every type. It is the one {@link Method} that reads the truth.
 */
public final class OracleMethod implements Method {

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public Estimate fit(BenchData data) {
        Truth truth = data.truth();
        double[][] source = truth.molecules() != null ? truth.molecules() : truth.cells();
        int k = data.referenceTypes().size();
        int[] column = new int[k];
        for (int j = 0; j < k; j++) {
            column[j] = truth.types().indexOf(data.referenceTypes().get(j));
        }
        double[][] p = new double[source.length][k];
        boolean[] flagged = new boolean[source.length];
        for (int i = 0; i < source.length; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[i][j] = source[i][column[j]];
                sum += p[i][j];
            }
            if (sum > 0) {
                for (int j = 0; j < k; j++) {
                    p[i][j] /= sum;
                }
            } else {
                flagged[i] = true;
            }
        }
        return new Estimate(p, flagged);
    }
}
