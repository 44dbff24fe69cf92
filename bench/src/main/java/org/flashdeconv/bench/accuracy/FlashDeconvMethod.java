package org.flashdeconv.bench.accuracy;

import org.flashdeconv.engine.FitInput;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.PreparedProblem;
import org.flashdeconv.engine.Progress;

/**
 * Today's model at its defaults, what {@code deconvolve --model flashdeconv} with no other option computes:
 * {@link FlashDeconv#prepare} with {@link FlashDeconvOptions#defaults()}, then {@link PreparedProblem#solve} at
 * λ = auto. Spots without counts on the selected genes are flagged.
 */
public final class FlashDeconvMethod implements Method {

    @Override
    public String name() {
        return "flashdeconv";
    }

    @Override
    public Estimate fit(BenchData data) {
        try (PreparedProblem p = FlashDeconv.prepare(FitInput.of(data.counts(), data.signatures(), data.coords())
                .withCellTypeNames(data.referenceTypes()), FlashDeconvOptions.defaults(), Progress.NONE);
             FitResult fit = p.solve(LambdaSpec.AUTO)) {
            double[][] proportions = fit.copyProportions();
            boolean[] flagged = new boolean[proportions.length];
            for (int i = 0; i < flagged.length; i++) {
                flagged[i] = !fit.hasResult(i);
            }
            return new Estimate(proportions, flagged);
        }
    }
}
