package org.flashdeconv.io.result;

import java.util.List;
import java.util.Locale;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.counts.Background;
import org.flashdeconv.engine.counts.CountModel;
import org.flashdeconv.io.json.JsonWriter;

/**
 * The members {@code summary.json} gets from the model: {@code model}, {@code units}, {@code passes} and, for the count
 * model, {@code count_model} (α, iterations, poor-fit rule) and {@code reference_fit} (the background test, the genes
 * the reference explains worst, a sentence when a type seems missing). docs/algorithm.md §29.
 */
public final class CountModelJson {
    /** Full passes over the counts of the FLASHDECONV model (gene statistics, representation). */
    public static final int FLASHDECONV_PASSES = 2;
    /** Full passes of the count model: gene statistics and its two sweeps (no representation pass, §29.3). */
    public static final int COUNT_MODEL_PASSES = 1 + CountModel.PASSES;

    private CountModelJson() {
    }

    /**
     * Writes the members into the open top-level object.
     *
     * @param geneNames names of the model's gene axis (the worst genes are indices into it)
     */
    public static void write(JsonWriter j, FitResult fit, List<String> geneNames) {
        j.field("model", fit.model().id());
        j.field("units", fit.options().units().id());
        if (fit.countSummary().isEmpty()) {
            j.field("passes", FLASHDECONV_PASSES);
            return;
        }
        CountModel.Summary s = fit.countSummary().get();
        Background.Result bg = s.background();
        j.field("passes", COUNT_MODEL_PASSES);
        j.name("count_model").beginObject();
        j.field("alpha", s.alpha());
        j.field("mean_newton_iterations", s.meanIterations());
        j.name("mean_newton_iterations_per_sweep").beginArray();
        for (double v : s.sweepIterations()) {
            j.value(v);
        }
        j.endArray();
        j.field("n_spots_not_converged", s.notConverged());
        j.field("poor_fit_rule", "deviance_per_count > median + " + fmt(CountModel.POOR_FIT_MADS)
                + " * 1.4826 * MAD");
        j.field("poor_fit_threshold", s.poorFitThreshold());
        j.field("n_spots_poor_fit", s.poorFitSpots());
        j.field("total_deviance", s.totalDeviance());
        j.endObject();
        j.name("reference_fit").beginObject();
        j.field("background_kept", bg.kept());
        j.field("background_share", s.backgroundShare());
        j.field("background_share_in_sample", bg.share());
        j.field("background_f_statistic", bg.fStatistic());
        j.field("background_p_value", bg.pValue());
        j.field("background_sample_spots", bg.sampleSpots());
        j.name("worst_explained_genes").beginArray();
        for (int r = 0; r < s.worstGenes().length; r++) {
            j.beginObject();
            j.field("gene", geneNames.get(s.worstGenes()[r]));
            j.field("pearson_residual", s.worstResiduals()[r]);
            j.endObject();
        }
        j.endArray();
        j.field("suggestion", suggestion(s, geneNames));
        j.endObject();
    }

    private static String suggestion(CountModel.Summary s, List<String> geneNames) {
        if (!s.background().kept()) {
            return null;
        }
        StringBuilder genes = new StringBuilder();
        for (int r = 0; r < Math.min(5, s.worstGenes().length); r++) {
            genes.append(r == 0 ? "" : ", ").append(geneNames.get(s.worstGenes()[r]));
        }
        return String.format(Locale.ROOT, "the reference may lack a cell type: a background profile takes %.1f %% of "
                + "the molecules; the genes the reference explains worst are %s", 100 * s.backgroundShare(), genes);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
