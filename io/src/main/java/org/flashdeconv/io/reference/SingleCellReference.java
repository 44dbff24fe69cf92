package org.flashdeconv.io.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.h5.H5adSource;
import org.flashdeconv.io.mex.MexSource;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.text.CsvReader;
import org.flashdeconv.io.text.TextNames;

/**
 * Builds reference signatures from single cells: an AnnData file with a cell-type column in {@code obs}, or any
 * cell matrix (a MEX folder, ...) plus a {@code cells.csv} of {@code cell,cell_type}. The per-type means are
 * computed by {@link CellTypeMeans}, streaming the cells.
 */
public final class SingleCellReference {
    private SingleCellReference() {
    }

    /**
     * Per-type means from a single-cell {@code .h5ad}. The values are those of {@code layers/<layer>} when a
     * layer is given; otherwise of {@code X}, or of {@code raw/X} when {@code X}'s leading values are not
     * integers and {@code raw/X} exists (with a warning).
     *
     * @param cellTypeKey the obs column holding the labels (categorical or strings)
     * @param layer       a layer name, or null
     * @param minCells    types with fewer cells are left out (default {@link CellTypeMeans#DEFAULT_MIN_CELLS})
     * @throws org.flashdeconv.io.h5.H5FormatException if the file is not AnnData, or the column or layer is
     *                                                  missing (the message lists the obs columns)
     * @throws ReferenceFormatException                 if no type has at least minCells cells
     * @throws IOException                              on a read error
     */
    public static LoadedReference fromH5ad(Path file, String cellTypeKey, String layer, int minCells)
            throws IOException {
        return fromH5ad(file, cellTypeKey, layer, null, minCells);
    }

    /**
     * As {@link #fromH5ad(Path, String, String, int)}, with the gene names taken from the var column
     * {@code geneColumn} (null: var_names, or the symbols beside Ensembl-id var_names; see
     * {@link org.flashdeconv.io.h5.GeneLabels}). The counts are found by
     * {@link H5adSource#openCounts}: a layer when given ({@code raw} = {@code raw/X}), else X when it holds
     * integers, else {@code layers/counts}, else {@code raw/X}.
     *
     * @throws org.flashdeconv.io.h5.H5FormatException as the other overload, or if the gene column is missing
     * @throws ReferenceFormatException                 if no type has at least minCells cells
     * @throws IOException                              on a read error
     */
    public static LoadedReference fromH5ad(Path file, String cellTypeKey, String layer, String geneColumn,
                                           int minCells) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (H5adSource source = H5adSource.openCounts(file, new H5adSource.Options(layer, false, null, geneColumn))) {
            if (source.countsNote() != null) {
                warnings.add(source.countsNote());
            }
            notes.add("counts from " + source.matrixPath());
            notes.add("genes: " + source.geneSource());
            String[] labels = source.obs().strings(cellTypeKey);
            Reference ref = CellTypeMeans.compute(source, labels, minCells, warnings);
            String problem = source.countsProblem() == null ? null : file.getFileName() + ": "
                    + source.countsProblem();
            return new LoadedReference(ref, warnings, notes, problem);
        }
    }

    /**
     * Per-type means from a cell matrix whose barcodes are labelled by a {@code cells.csv}: a header line
     * ({@code cell,cell_type}), then one {@code <cell>,<type>} per line. Cells of the matrix missing from the
     * file or with an empty type are left out with a warning; so, with a warning, are listed cells that the
     * matrix lacks. The source is not closed.
     *
     * @throws ReferenceFormatException if a line of cells.csv does not have two fields, a cell is listed twice,
     *                                  or no type has at least minCells cells
     * @throws IOException              on a read error
     */
    public static LoadedReference fromCells(CountSource cells, Path cellsCsv, int minCells) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<String, String> typeOf = readCellTypes(cellsCsv);
        String[] labels = new String[Math.toIntExact(cells.spots())];
        int[] at = {0};
        long[] unlisted = {0};
        cells.forEachBarcode(barcode -> {
            String type = typeOf.remove(barcode);
            if (type == null) {
                unlisted[0]++;
            }
            labels[at[0]++] = type;
        });
        if (unlisted[0] > 0) {
            warnings.add(unlisted[0] + " cells of " + cells.name() + " are not listed in " + cellsCsv.getFileName());
        }
        if (!typeOf.isEmpty()) {
            warnings.add(typeOf.size() + " cells listed in " + cellsCsv.getFileName() + " are not in " + cells.name()
                    + " (e.g. " + typeOf.keySet().iterator().next() + ")");
        }
        Reference ref = CellTypeMeans.compute(cells, labels, minCells, warnings);
        String problem = warnings.stream().filter(w -> w.contains(CellTypeMeans.NON_INTEGER)).findFirst()
                .map(w -> cells.name() + ": " + w.substring(0, w.indexOf(" (normalised")) + " (no raw counts)")
                .orElse(null);
        return new LoadedReference(ref, warnings, List.of(), problem);
    }

    /**
     * Per-type means from a MEX folder of single cells ({@code matrix.mtx}, {@code features.tsv},
     * {@code barcodes.tsv}, gzipped or not) labelled by a {@code cells.csv}; see
     * {@link #fromCells(CountSource, Path, int)}.
     *
     * @throws org.flashdeconv.io.mex.MexFormatException if the MEX folder is malformed
     * @throws ReferenceFormatException                  as for {@link #fromCells}
     * @throws IOException                               on a read error
     */
    public static LoadedReference fromMex(Path mexFolder, Path cellsCsv, int minCells) throws IOException {
        try (CountSource cells = MexSource.open(mexFolder, false)) {
            return fromCells(cells, cellsCsv, minCells);
        }
    }

    private static Map<String, String> readCellTypes(Path csv) throws IOException {
        Map<String, String> typeOf = new HashMap<>();
        try (CsvReader r = CsvReader.open(csv, ReferenceFormatException::new)) {
            boolean header = true;
            while (r.next()) {
                if (header) {
                    header = false;
                    continue;
                }
                if (r.fields() != 2) {
                    throw r.error("expected 2 fields (cell,cell_type), found " + r.fields());
                }
                String cell = r.field(0);
                if (typeOf.put(cell, r.field(1)) != null) {
                    throw r.error("cell '" + TextNames.visible(cell) + "' listed twice");
                }
            }
        }
        return typeOf;
    }
}
