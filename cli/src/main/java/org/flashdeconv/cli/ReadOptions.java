package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.CountSources;
import picocli.CommandLine.Option;

/**
 * How to read a count input that is not a store: the options shared by {@code convert}, {@code deconvolve} and
 * {@code validate} (a picocli argument group), handed to {@link CountSources}.
 */
final class ReadOptions {
    /** How an AnnData file's counts are found, for the help of {@code --layer} and {@code --reference-layer}. */
    static final String LAYER_RULE = "(raw = raw/X; default: X when it holds integers, else layers['counts'], else "
            + "raw/X).";
    /** How an AnnData file's gene names are found, for the help of the two gene column options. */
    static final String GENE_COLUMN_RULE = "(default: var_names, or the symbols in feature_name/gene_symbols when "
            + "var_names are Ensembl ids).";

    @Option(names = "--transpose", description = "A Matrix Market input is spots x genes (default: genes x spots).")
    boolean transpose;

    @Option(names = "--layer", paramLabel = "NAME", description = "AnnData layer to read " + LAYER_RULE)
    String layer;

    @Option(names = "--spatial-key", paramLabel = "KEY",
            description = "AnnData obsm key of the coordinates (default: spatial, X_spatial, obs x/y, "
                    + "array_row/array_col).")
    String spatialKey;

    @Option(names = "--spatial-gene-column", paramLabel = "NAME",
            description = "AnnData var column with the gene names to match " + GENE_COLUMN_RULE)
    String geneColumn;

    @Option(names = "--bin-size", paramLabel = "UM",
            description = "Visium HD bin size to read from a Space Ranger outs/ folder: 2, 8 or 16 (default: 8).")
    Integer binSize;

    /**
     * Opens a count input: an AnnData .h5ad, a 10x .h5, a Space Ranger folder, a MEX folder or a Matrix Market
     * file, read with these options.
     *
     * @throws IOException if it cannot be read, naming the file
     */
    CountSource open(Path path) throws IOException {
        return CountSources.open(path, new CountSources.ReadOptions(layer, spatialKey, binSize, transpose,
                geneColumn));
    }
}
