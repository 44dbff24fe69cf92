package org.flashdeconv.engine;

import java.util.List;
import org.flashdeconv.engine.genes.GeneSelection;
import org.flashdeconv.engine.represent.Representation;

/**
 * The record of a prepared problem (immutable, heap-only) that every {@link FitResult} of it shares: the options,
 * the selected genes, the representation, the graph summary, the warnings and the stage times before the solver.
 */
record ProblemRecord(FlashDeconvOptions options, List<String> cellTypeNames, GeneSelection selection,
                     Representation representation, GraphSummary graph, double[] gram, double gramDiagMean,
                     double yrSqNorm, long randomStateUsed, long spotsWithoutCounts, List<String> warnings,
                     long geneStatisticsMs, long selectionMs, long representationMs, long graphMs) {

    /** The warning for {@code n} > 0 spots without counts. */
    static String noCountsWarning(long n) {
        return n + " spots have no counts; their proportions are NaN";
    }

    /** Number of cell types K. */
    int types() {
        return cellTypeNames.size();
    }

    /** Stage times with the solver's. */
    StageTimes times(long solverMs) {
        return new StageTimes(geneStatisticsMs, selectionMs, representationMs, graphMs, solverMs);
    }
}
