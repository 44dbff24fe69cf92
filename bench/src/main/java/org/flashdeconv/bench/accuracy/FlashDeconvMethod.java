package org.flashdeconv.bench.accuracy;

import org.flashdeconv.engine.FitInput;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.Model;
import org.flashdeconv.engine.PreparedProblem;
import org.flashdeconv.engine.Progress;

/**
 * The engine at its defaults with one model: {@link FlashDeconv#prepare} with {@link FlashDeconvOptions#defaults()} and
 * the model, then {@link PreparedProblem#solve} at λ = auto: what {@code deconvolve --model flashdeconv} (today's
 * model, the no-argument constructor) or {@code --model counts} ({@link #counts()}) computes with no other option.
 * The count model's rows are molecule fractions of the reference types; when it keeps a background, the background's
 * share is left out of them (they sum to 1 minus it), so a type missing from the reference is not pushed into the
 * known ones. Spots without counts (on the selected genes, for the count model) are flagged.
 */
public final class FlashDeconvMethod implements Method {
    private final Model model;

    /** The FLASHDECONV model. */
    public FlashDeconvMethod() {
        this(Model.FLASHDECONV);
    }

    private FlashDeconvMethod(Model model) {
        this.model = model;
    }

    /** The COUNTS model. */
    public static FlashDeconvMethod counts() {
        return new FlashDeconvMethod(Model.COUNTS);
    }

    @Override
    public String name() {
        return model.id();
    }

    @Override
    public Estimate fit(BenchData data) {
        try (PreparedProblem p = FlashDeconv.prepare(FitInput.of(data.counts(), data.signatures(), data.coords())
                .withCellTypeNames(data.referenceTypes()), FlashDeconvOptions.builder().model(model).build(),
                Progress.NONE);
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
