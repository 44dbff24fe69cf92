package org.flashdeconv.io.result;

import java.util.function.Consumer;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FitSummary;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.GraphSummary;
import org.flashdeconv.engine.StageTimes;
import org.flashdeconv.io.json.JsonWriter;

/**
 * The {@code summary.json} of a result folder: every parameter, the fit record (λ used, ρ_eff, convergence,
 * objective), the graph, per-stage wall times and warnings, plus sections the caller adds (inputs, gene
 * overlap, memory). Parameter names follow the specification (and so the Python package).
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    /**
     * Builds the document.
     *
     * @param fit     the fit
     * @param version the program version, recorded so a run can be repeated
     * @param extra   writes further members into the top-level object (may be a no-op)
     * @return the JSON text
     */
    public static String of(FitResult fit, String version, Consumer<JsonWriter> extra) {
        FitSummary s = fit.summary();
        FlashDeconvOptions o = fit.options();
        JsonWriter j = new JsonWriter().beginObject();
        j.field("producer", "flashdeconv-java " + version);
        j.name("parameters").beginObject();
        o.parameters().forEach((name, value) -> j.name(name).value(value));
        j.endObject();

        j.field("lambda_requested", fit.lambdaRequested().toString());
        j.field("n_spots", s.nSpots());
        j.field("n_cell_types", s.nCellTypes());
        j.field("cell_types", fit.cellTypeNames());
        j.field("n_genes_used", s.nGenesUsed());
        j.field("n_hvg_selected", fit.hvgIndices().length);
        j.field("n_markers_selected", fit.markerIndices().length);
        j.field("representation_dim", s.representationDim());
        j.field("random_state_used", s.randomStateUsed());
        j.field("lambda_used", s.lambdaSpatial());
        j.field("gram_diag_mean", s.gramDiagMean());
        j.field("rho_eff", s.rhoEff());
        j.field("converged", s.converged());
        j.field("optimal", fit.info().optimal());
        j.field("optimality_residual", fit.info().residual());
        j.field("n_iterations", s.nIterations());
        j.field("final_change", s.finalChange());
        j.field("final_objective", s.finalObjective());
        j.field("n_spots_without_counts", s.zeroCountSpots());
        j.field("n_spots_no_fit", fit.noFitSpots());
        GraphSummary g = fit.graph();
        j.name("graph").beginObject();
        j.field("n_edges", g.undirectedEdges());
        j.field("mean_degree", g.meanDegree());
        j.field("degree_histogram", g.degreeHistogram()).endObject();
        StageTimes t = s.times();
        j.name("stage_seconds").beginObject();
        j.field("gene_statistics", t.geneStatisticsMs() / 1e3);
        j.field("gene_selection", t.selectionMs() / 1e3);
        j.field("representation", t.representationMs() / 1e3);
        j.field("spatial_graph", t.graphMs() / 1e3);
        j.field("solver", t.solverMs() / 1e3);
        j.endObject();
        j.field("warnings", fit.warnings());
        extra.accept(j);
        return j.endObject().toString();
    }
}
