package org.flashdeconv.engine;

/**
 * Wall time per pipeline stage, in milliseconds.
 *
 * @param geneStatisticsMs pass 1 over the counts (docs/algorithm.md §4.1 sums, input checks)
 * @param selectionMs      HVG, markers, leverage (§4)
 * @param representationMs weights or sketch, and pass 2 (H and ‖Yr‖², §5, §6, §14.1)
 * @param graphMs          spatial graph (§7)
 * @param solverMs         solver and normalisation (§10, §11)
 */
public record StageTimes(long geneStatisticsMs, long selectionMs, long representationMs, long graphMs,
                         long solverMs) {
}
