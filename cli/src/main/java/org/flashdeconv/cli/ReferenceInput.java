package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.PlaceholderTypes;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.reference.ReferenceFormatException;
import org.flashdeconv.io.reference.SignatureCsv;
import org.flashdeconv.io.reference.SingleCellReference;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.text.TextNames;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The reference of a run and how to read it: a signatures CSV, a single-cell .h5ad, or a single-cell MEX folder.
 * A picocli mixin shared by {@code deconvolve} and {@code validate}.
 */
final class ReferenceInput {
    @Option(names = "--reference", required = true, paramLabel = "REF",
            description = "Signatures CSV (cell_type,<gene>,...), a single-cell .h5ad (with --cell-type-key) or a "
                    + "single-cell MEX folder (with --cell-types).")
    Path path;

    @Option(names = "--reference-orientation", defaultValue = "types-by-genes", paramLabel = "O",
            description = "Signatures CSV layout: types-by-genes or genes-by-types (default: ${DEFAULT-VALUE}).")
    String orientation;

    @Option(names = "--cell-type-key", paramLabel = "KEY", description = "obs column of a .h5ad reference.")
    String cellTypeKey;

    @Option(names = "--reference-layer", paramLabel = "NAME",
            description = "Layer of a .h5ad reference " + ReadOptions.LAYER_RULE)
    String layer;

    @Option(names = "--reference-gene-column", paramLabel = "NAME",
            description = "var column of a .h5ad reference with the gene names to match "
                    + ReadOptions.GENE_COLUMN_RULE)
    String geneColumn;

    @Option(names = "--exclude-types", split = ",", paramLabel = "TYPE",
            description = "Reference cell types to leave out (e.g. Unknown,unassigned).")
    List<String> excludeTypes = new ArrayList<>();

    @Option(names = "--cell-types", paramLabel = "CSV", description = "'cell,cell_type' for a MEX reference.")
    Path cellTypes;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    int minCells = 10;

    @Option(names = "--min-cells", defaultValue = "10", paramLabel = "N",
            description = "Leave out reference types with fewer cells (default: ${DEFAULT-VALUE}).")
    void minCells(int n) {
        minCells = Choices.atLeast(mixee, "--min-cells", n, 0);
    }

    /**
     * Loads the reference.
     *
     * @throws ReferenceFormatException if a cell type name is empty, invisible, duplicated or reserved
     * @throws IOException              if the reference cannot be read
     * @throws IllegalArgumentException if an option it needs is missing (naming the option)
     */
    LoadedReference load() throws IOException {
        LoadedReference loaded = loadAsGiven();
        Reference ref = loaded.reference();
        List<String> notes = new ArrayList<>(loaded.notes());
        if (!excludeTypes.isEmpty()) {
            try {
                ref = ref.withoutTypes(new LinkedHashSet<>(excludeTypes));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--exclude-types: " + e.getMessage().replace("exclude types: ", ""),
                        e);
            }
            notes.add("left out (--exclude-types): " + String.join(", ", excludeTypes));
        }
        String problem = TextNames.cellTypeProblem(ref.cellTypes());
        if (problem != null) {
            throw new ReferenceFormatException(path.toString(), problem);
        }
        List<String> warnings = new ArrayList<>(loaded.warnings());
        PlaceholderTypes.warning(ref, "--exclude-types").ifPresent(warnings::add);
        return new LoadedReference(ref, warnings, notes, loaded.countsProblem());
    }

    /** True if the reference is single cells (.h5ad, MEX), whose mean counts per cell give each type's size. */
    boolean singleCells() {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5ad") || Files.isDirectory(path) || name.endsWith(".mtx") || name.endsWith(".mtx.gz");
    }

    private LoadedReference loadAsGiven() throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5ad")) {
            if (cellTypeKey == null) {
                throw new IllegalArgumentException("--cell-type-key: the single-cell reference " + path
                        + " needs the obs column that holds the cell types (e.g. --cell-type-key cell_type)");
            }
            return SingleCellReference.fromH5ad(path, cellTypeKey, layer, geneColumn, minCells);
        }
        if (geneColumn != null) {
            throw new IllegalArgumentException("--reference-gene-column: " + path + " is not an AnnData file (only "
                    + "AnnData references have var columns)");
        }
        if (Files.isDirectory(path) || name.endsWith(".mtx") || name.endsWith(".mtx.gz")) {
            if (cellTypes == null) {
                throw new IllegalArgumentException("--cell-types: the single-cell reference " + path
                        + " needs a CSV 'cell,cell_type' that labels its cells");
            }
            try (CountSource cells = new ReadOptions().open(path)) {
                return SingleCellReference.fromCells(cells, cellTypes, minCells);
            }
        }
        return SignatureCsv.read(path, SignatureCsv.Orientation.parse(orientation));
    }
}
