package org.flashdeconv.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.SignatureCsv;
import org.flashdeconv.io.reference.SingleCellReference;
import org.flashdeconv.io.source.CountSource;

/** Loads the reference of a run: a signatures CSV, a single-cell .h5ad, or a single-cell MEX folder. */
final class ReferenceInput {
    /** What the reference options say. */
    record Options(SignatureCsv.Orientation orientation, String cellTypeKey, String layer, Path cellTypes,
                   int minCells) {
    }

    private ReferenceInput() {
    }

    /**
     * Loads {@code path}.
     *
     * @throws IOException              if the reference cannot be read
     * @throws IllegalArgumentException if an option it needs is missing (naming the option)
     */
    static LoadedReference load(Path path, Options o) throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5ad")) {
            if (o.cellTypeKey() == null) {
                throw new IllegalArgumentException("--cell-type-key: the single-cell reference " + path
                        + " needs the obs column that holds the cell types (e.g. --cell-type-key cell_type)");
            }
            return SingleCellReference.fromH5ad(path, o.cellTypeKey(), o.layer(), o.minCells());
        }
        if (Files.isDirectory(path) || name.endsWith(".mtx") || name.endsWith(".mtx.gz")) {
            if (o.cellTypes() == null) {
                throw new IllegalArgumentException("--cell-types: the single-cell reference " + path
                        + " needs a CSV 'cell,cell_type' that labels its cells");
            }
            try (CountSource cells = InputFormats.open(path, new InputFormats.Options(false))) {
                return SingleCellReference.fromCells(cells, o.cellTypes(), o.minCells());
            }
        }
        return SignatureCsv.read(path, o.orientation());
    }
}
