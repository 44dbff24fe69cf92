package org.flashdeconv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.io.reference.LoadedReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flashdeconv deconvolve}: cell-type proportions for every spot of a slide. */
@Command(name = "deconvolve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Estimates, for every spot or bin, the proportions of the reference's cell types (FlashDeconv: "
                + "leverage-weighted genes, graph-regularised non-negative regression).",
            "Writes into OUTDIR: proportions.csv, abundances.csv, dominant.csv, coordinates.csv, genes_used.txt "
                + "and summary.json; with several --lambda values one folder lambda_<value>/ each."},
        footer = {"", "Examples:",
            "  flashdeconv deconvolve --spatial lymph_node.fdstore \\",
            "      --reference signatures.csv -o results/",
            "  flashdeconv deconvolve --spatial outs/filtered_feature_bc_matrix \\",
            "      --coords spots.csv --reference ref_cells/ --cell-types ref_cells.csv \\",
            "      -o results/ --lambda auto,100,1000 --plot"})
final class DeconvolveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @CommandLine.Mixin
    private InputOptions inputs = new InputOptions();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Result folder.")
    private Path output;

    @CommandLine.Mixin
    private EngineOptions engine = new EngineOptions();

    @Option(names = "--h5ad-out", paramLabel = "FILE",
            description = "Also write an AnnData file: a copy of an AnnData input with obs['flashdeconv_<type>'], "
                    + "obs['flashdeconv_dominant'], obs['flashdeconv_qc'], obsm['flashdeconv'] and uns['flashdeconv'] "
                    + "added (other inputs: a new file with the counts on the genes used); with several λ: "
                    + "FILE_lambda_<value>.h5ad.")
    private Path h5adOut;

    @Option(names = "--plot", description = "Also draw proportions.png and dominant.png into the result folder.")
    private boolean plot;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    private boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        FlashDeconvOptions options = engine.toOptions(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        String ignored = EngineOptions.ignoredUnderCounts(options, spec.commandLine().getParseResult());
        if (ignored != null) {
            spec.commandLine().getErr().println(ignored);
            spec.commandLine().getErr().flush();
        }
        try (ProgressBars.Handle bars = ProgressBars.create(quiet)) {
            SlideJob.Outputs outputs = new SlideJob.Outputs(output, h5adOut, plot, json);
            try {
                SlideJob.requireOutputsApart(options, inputs.spatial, inputs.reference, outputs);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            LoadedReference loaded = inputs.reference.load();
            SlideJob job = new SlideJob(options, inputs.reference, loaded, inputs.overlap.minOverlap);
            job.run(inputs.spatial, outputs, bars, out,
                    spec.commandLine().getErr(), null);
        }
        out.flush();
        return 0;
    }
}
