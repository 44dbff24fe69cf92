package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.io.atomic.InputCollision;
import org.flashdeconv.io.coords.CoordinatesCsv;
import org.flashdeconv.io.h5.H5adSource;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.store.StoreConverter;
import org.flashdeconv.io.store.StoreSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flashdeconv convert}: a MEX folder or Matrix Market file (+ coordinates) to a {@code .fdstore} file. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Converts spatial counts into a .fdstore file, which every other command memory-maps: an "
                + "AnnData .h5ad (X as CSR, CSC or dense, or --layer), a 10x filtered_feature_bc_matrix.h5, a Space "
                + "Ranger outs/ folder (Visium: in-tissue spots with pixel coordinates; Visium HD: --bin-size "
                + "2|8|16, coordinates in µm), a 10x-style MEX folder (matrix.mtx[.gz], features.tsv[.gz] or "
                + "genes.tsv[.gz], barcodes.tsv[.gz]) or a plain Matrix Market file. Entries may be in any order; "
                + "the file appears only when complete."},
        footer = {"", "Example:",
            "  flashdeconv convert outs/filtered_feature_bc_matrix -o lymph_node.fdstore \\",
            "      --coords lymph_node_coordinates.csv",
            "  flashdeconv convert visium_hd/outs --bin-size 8 -o slide_8um.fdstore",
            "  flashdeconv convert spatial.h5ad -o slide.fdstore",
            "  flashdeconv convert counts_spots_x_genes.mtx.gz --transpose -o slide.fdstore"})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "A .h5ad, a 10x .h5, a Space Ranger folder, a MEX folder or a Matrix Market file.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "STORE",
            description = "The .fdstore file to write (replaced only on success).")
    Path output;

    @Option(names = "--coords", paramLabel = "FILE",
            description = "CSV with a header 'barcode,x,y[,z]' (any row order, matched by barcode; extra rows are "
                    + "ignored, every spot needs one).")
    Path coords;

    @CommandLine.ArgGroup(exclusive = false, heading = "Reading the input:%n")
    ReadOptions reading = new ReadOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("INPUT", input);
        inputs.put("--coords", coords);
        try {
            InputCollision.requireNotAnInput("-o", output, inputs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        StoreSummary s;
        String note = null;
        String problem = null;
        List<String> warnings;
        try (CountSource raw = reading.open(input);
             CountSource src = coords == null ? raw : CoordinatesCsv.attach(raw, coords);
             ProgressBars.Handle progress = ProgressBars.create(quiet)) {
            if (raw instanceof H5adSource h) {
                note = (h.countsNote() == null ? "counts from " + h.matrixPath() : h.countsNote()) + "; genes: "
                        + h.geneSource();
                problem = h.countsProblem();
            }
            s = StoreConverter.convert(src, output, progress.listener());
            warnings = src.warnings();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d spots x %d genes, %d non-zeros, %s values%s, "
                        + "%.1f s%n", output, s.spots(), s.genes(), s.nnz(), s.valueType().name().toLowerCase(Locale.ROOT),
                s.coordDim() > 0 ? ", " + s.coordDim() + "-D coordinates" : "", seconds);
        if (note != null) {
            spec.commandLine().getOut().println("           " + note);
        }
        warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (problem != null) {
            spec.commandLine().getErr().println("warning: " + input + ": " + problem);
        } else if (s.nonIntegerValues()) {
            spec.commandLine().getErr().println("warning: " + NonIntegerWarning.of(input));
        }
        return 0;
    }
}
