package org.flashdeconv.bench.accuracy;

import java.util.EnumMap;
import java.util.Map;

/**
 * The scores of one method on one data set (one seed): per truth unit the truth has and per scoring definition
 * (the known-types definitions only when the reference lacks types), the flagged spots and the fit's wall time.
 *
 * @param dataSet        data set name
 * @param seed           the seed of the data set (simulated and pseudo-spot sets), or -1 for fixed data
 * @param spots          number of spots
 * @param referenceTypes types in the reference
 * @param truthTypes     types in the truth
 * @param unitsNote      the truth's units when the source does not state them, else null
 * @param method         method name
 * @param scores         units -> definition -> score
 * @param flagged        spots the method flagged
 * @param seconds        wall time of {@link Method#fit}
 */
record RunResult(String dataSet, long seed, int spots, int referenceTypes, int truthTypes, String unitsNote,
                 String method, Map<Truth.Units, Map<Scoring.Definition, Scoring.Score>> scores, int flagged,
                 double seconds) {

    /** Scores {@code estimate} against every unit of the data set's truth, under the definitions that apply. */
    static RunResult score(BenchData data, long seed, String method, Estimate estimate, double seconds) {
        Truth truth = data.truth();
        boolean missing = data.referenceTypes().size() < truth.types().size();
        Map<Truth.Units, Map<Scoring.Definition, Scoring.Score>> scores = new EnumMap<>(Truth.Units.class);
        for (Truth.Units u : Truth.Units.values()) {
            double[][] t = truth.in(u);
            if (t == null) {
                continue;
            }
            Map<Scoring.Definition, Scoring.Score> byDefinition = new EnumMap<>(Scoring.Definition.class);
            for (Scoring.Definition d : Scoring.Definition.values()) {
                if (d == Scoring.Definition.ALL_TYPES || missing) {
                    byDefinition.put(d, Scoring.score(t, truth.types(), estimate, data.referenceTypes(), d));
                }
            }
            scores.put(u, byDefinition);
        }
        return new RunResult(data.name(), seed, data.spots(), data.referenceTypes().size(), truth.types().size(),
                truth.unitsNote(), method, scores, estimate.flaggedCount(), seconds);
    }

    /** The headline units: molecule fractions when the truth has them, else cell fractions. */
    Truth.Units headlineUnits() {
        return scores.containsKey(Truth.Units.MOLECULES) ? Truth.Units.MOLECULES : Truth.Units.CELLS;
    }
}
