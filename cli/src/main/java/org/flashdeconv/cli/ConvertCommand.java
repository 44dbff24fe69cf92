package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.io.mex.CoordinatesCsv;
import org.flashdeconv.io.mex.MexSource;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.store.StoreConverter;
import org.flashdeconv.io.store.StoreSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flashdeconv convert}: a MEX folder or Matrix Market file (+ coordinates) to a {@code .fdstore} file. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Converts a 10x-style MEX folder (matrix.mtx[.gz], features.tsv[.gz] or genes.tsv[.gz], "
                + "barcodes.tsv[.gz]) or a plain Matrix Market file into a .fdstore file, which every other "
                + "command memory-maps. Entries may be in any order; the file appears only when complete."},
        footer = {"", "Example:",
            "  flashdeconv convert outs/filtered_feature_bc_matrix -o lymph_node.fdstore \\",
            "      --coords lymph_node_coordinates.csv",
            "  flashdeconv convert counts_spots_x_genes.mtx.gz --transpose -o slide.fdstore"})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "A MEX folder, or a Matrix Market file (.mtx or .mtx.gz; genes x spots unless --transpose).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "STORE",
            description = "The .fdstore file to write (replaced only on success).")
    Path output;

    @Option(names = "--coords", paramLabel = "FILE",
            description = "CSV with a header 'barcode,x,y[,z]' (any row order, matched by barcode; extra rows are "
                    + "ignored, every spot needs one).")
    Path coords;

    @Option(names = "--transpose",
            description = "The matrix is spots x genes (barcodes x features) instead of genes x spots.")
    boolean transpose;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        StoreSummary s;
        try (CountSource mex = MexSource.open(input, transpose);
             CountSource src = coords == null ? mex : CoordinatesCsv.attach(mex, coords)) {
            s = StoreConverter.convert(src, output, Progress.NONE);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d spots x %d genes, %d non-zeros, %s values%s, "
                        + "%.1f s%n", output, s.spots(), s.genes(), s.nnz(), s.valueType().name().toLowerCase(Locale.ROOT),
                s.coordDim() > 0 ? ", " + s.coordDim() + "-D coordinates" : "", seconds);
        return 0;
    }
}
