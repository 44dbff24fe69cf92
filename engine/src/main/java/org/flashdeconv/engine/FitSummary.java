package org.flashdeconv.engine;


/**
 * The summary record of docs/algorithm.md §11.3, with ρ_eff and the mean Gram diagonal, the final change, the number of
 * spots without counts and per-stage wall times.
 *
 * @param nSpots             N
 * @param nCellTypes         K
 * @param nGenesUsed         p, the number of selected genes
 * @param sketchDim          d as configured
 * @param geneWeighting      the gene representation
 * @param representationDim  r: p for EXPECTED, d for COUNTSKETCH
 * @param lambdaRequested    the λ as requested (auto, auto*F or a number)
 * @param lambdaSpatial      the λ actually used
 * @param rhoSparsity        the user's rho_sparsity (unscaled)
 * @param preprocessMethod   the preprocessing
 * @param converged          whether the relative change fell below tol
 * @param nIterations        sweeps done
 * @param finalObjective     F(β) (§9)
 * @param finalChange        the last relative change
 * @param rhoEff             ρ_eff = rho_sparsity · mean diag(Gram)
 * @param gramDiagMean       mean diag(Gram)
 * @param randomStateUsed    the seed of the sketch draws (drawn at random when random_state is none)
 * @param zeroCountSpots     spots whose counts are all zero (their proportions are NaN)
 * @param times              wall time per stage
 */
public record FitSummary(long nSpots, int nCellTypes, int nGenesUsed, int sketchDim, GeneWeighting geneWeighting,
                         int representationDim, LambdaSpec lambdaRequested, double lambdaSpatial,
                         double rhoSparsity, Preprocess preprocessMethod, boolean converged, int nIterations,
                         double finalObjective, double finalChange, double rhoEff, double gramDiagMean,
                         long randomStateUsed, long zeroCountSpots, StageTimes times) {
}
