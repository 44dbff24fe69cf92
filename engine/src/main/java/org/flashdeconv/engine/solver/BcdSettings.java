package org.flashdeconv.engine.solver;

/**
 * Resolved solver parameters (docs/algorithm.md §10).
 *
 * @param lambda  λ, the resolved spatial strength (≥ 0)
 * @param rhoEff  ρ_eff = rho_sparsity · mean diag(Gram) (≥ 0)
 * @param maxIter maximum number of sweeps (≥ 0)
 * @param tol     relative-change tolerance (> 0)
 * @param verbose record the objective after sweeps 0, 10, 20, ... and the last one (§10.4)
 */
public record BcdSettings(double lambda, double rhoEff, int maxIter, double tol, boolean verbose) {

    /**
     * Checks the domains.
     *
     * @throws IllegalArgumentException if a value is out of its domain
     */
    public BcdSettings {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, found " + lambda);
        }
        if (!(rhoEff >= 0) || Double.isInfinite(rhoEff)) {
            throw new IllegalArgumentException("rho_eff must be a finite number >= 0, found " + rhoEff);
        }
        if (maxIter < 0) {
            throw new IllegalArgumentException("max_iter must be >= 0, found " + maxIter);
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol must be > 0, found " + tol);
        }
    }
}
