package org.flashdeconv.io.h5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.atomic.AtomicOutput;

/**
 * Writes a deconvolution result as an AnnData file (readable by anndata >= 0.8): {@code obs_names} = the spots,
 * {@code var_names} = the cell types (no {@code X}; {@code var["n_spots_dominant"]} counts the spots each
 * type dominates), {@code obsm["flashdeconv"]} = the N x K proportions,
 * {@code obs["flashdeconv_dominant"]} = the dominant type as a categorical (argmax, first on ties),
 * {@code uns["flashdeconv_cell_types"]}, {@code uns["flashdeconv_params"]} (one scalar per parameter) and
 * {@code obsm["spatial"]} when coordinates are given. Boolean parameters are stored as int8 0/1 (jHDF cannot
 * write h5py's enum bool as a dataset). jHDF writes whole files from heap arrays, so the proportions are copied
 * to an N x K {@code double[][]} while writing, and it issues one write per row of a 2-D dataset and per
 * string: about 20 s per N-row dataset for a million spots here. The file appears under its name only when
 * complete ({@link AtomicOutput}). {@code bench/scripts/check_h5ad.py} checks a file with anndata.
 */
public final class H5adResultWriter {
    private static final String ENCODING_TYPE = "encoding-type";
    private static final String ENCODING_VERSION = "encoding-version";

    /**
     * What to write.
     *
     * @param spotNames   the N spot barcodes
     * @param cellTypes   the K cell-type names (distinct)
     * @param proportions N x K little-endian f64, row-major (spot i's proportions at {@code i*K ... i*K+K-1});
     *                    owned by the caller, read during {@link #write} only
     * @param coordinates the spot coordinates, or null
     * @param params      the run parameters: values are String, Number or Boolean
     */
    public record Content(List<String> spotNames, List<String> cellTypes, MemorySegment proportions,
                          CoordsView coordinates, Map<String, Object> params) {
        /**
         * Checks shapes and parameter types.
         *
         * @throws IllegalArgumentException if there is no spot or type, the types repeat, the proportions or
         *                                  coordinates do not match the spots, or a parameter has another type
         */
        public Content {
            spotNames = List.copyOf(spotNames);
            cellTypes = List.copyOf(cellTypes);
            params = Map.copyOf(params);
            int k = cellTypes.size();
            if (spotNames.isEmpty() || k == 0) {
                throw new IllegalArgumentException("h5ad result: expected at least one spot and one cell type, found "
                        + spotNames.size() + " spots and " + k + " types");
            }
            Set<String> seen = new HashSet<>();
            for (String t : cellTypes) {
                if (!seen.add(t)) {
                    throw new IllegalArgumentException("h5ad result: cell type '" + t + "' appears twice");
                }
            }
            long need = (long) spotNames.size() * k * Double.BYTES;
            if (proportions.byteSize() != need) {
                throw new IllegalArgumentException("h5ad result: proportions of " + spotNames.size() + " spots x " + k
                        + " types need " + need + " bytes, found " + proportions.byteSize());
            }
            if (coordinates != null && coordinates.n() != spotNames.size()) {
                throw new IllegalArgumentException("h5ad result: " + coordinates.n() + " coordinates for "
                        + spotNames.size() + " spots");
            }
            for (var e : params.entrySet()) {
                if (!(e.getValue() instanceof String || e.getValue() instanceof Number
                        || e.getValue() instanceof Boolean)) {
                    throw new IllegalArgumentException("h5ad result: parameter " + e.getKey()
                            + " must be a string, number or boolean, found " + e.getValue().getClass().getSimpleName());
                }
            }
        }
    }

    private H5adResultWriter() {
    }

    /**
     * Writes {@code content} to {@code target} (replacing it).
     *
     * @throws IOException if the file cannot be written (no partial file is left under the target name)
     */
    public static void write(Path target, Content content) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try (WritableHdfFile f = HdfFile.write(out.temp())) {
                fill(f, content);
            } catch (HdfException e) {
                throw new H5FormatException(target, "/", "cannot write: " + e.getMessage(), e);
            }
            out.commit();
        }
    }

    private static void fill(WritableHdfFile f, Content c) {
        int n = c.spotNames().size();
        int k = c.cellTypes().size();
        encoding(f, "anndata", "0.1.0");
        String[] types = c.cellTypes().toArray(String[]::new);

        double[][] p = new double[n][k];
        int[] dominant = new int[n];
        for (int i = 0; i < n; i++) {
            MemorySegment.copy(c.proportions(), Layouts.F64, (long) i * k * Double.BYTES, p[i], 0, k);
            // a NaN row (no counts, no fit) has no dominant type: code -1 is anndata's missing category
            int best = -1;
            for (int j = 0; j < k; j++) {
                if (p[i][j] == p[i][j] && (best < 0 || p[i][j] > p[i][best])) {
                    best = j;
                }
            }
            dominant[i] = best;
        }

        WritableGroup obs = dataframe(f, "obs", c.spotNames().toArray(String[]::new), "flashdeconv_dominant");
        WritableGroup cat = obs.putGroup("flashdeconv_dominant");
        encoding(cat, "categorical", "0.2.0");
        BooleanAttribute.put(cat, "ordered", false);
        encoding(cat.putDataset("codes", dominant), "array", "0.2.0");
        encoding(cat.putDataset("categories", types), "string-array", "0.2.0");
        // jHDF cannot write an empty column-order, and anndata requires the attribute: var gets one column
        long[] dominantSpots = new long[k];
        for (int d : dominant) {
            if (d < 0) {
                continue;
            }
            dominantSpots[d]++;
        }
        WritableGroup var = dataframe(f, "var", types, "n_spots_dominant");
        encoding(var.putDataset("n_spots_dominant", dominantSpots), "array", "0.2.0");

        WritableGroup obsm = dict(f, "obsm");
        encoding(obsm.putDataset("flashdeconv", p), "array", "0.2.0");
        if (c.coordinates() != null) {
            CoordsView cv = c.coordinates();
            double[][] xy = new double[n][cv.dim()];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < cv.dim(); d++) {
                    xy[i][d] = cv.get(i, d);
                }
            }
            encoding(obsm.putDataset("spatial", xy), "array", "0.2.0");
        }
        WritableGroup uns = dict(f, "uns");
        encoding(uns.putDataset("flashdeconv_cell_types", types), "string-array", "0.2.0");
        WritableGroup params = dict(uns, "flashdeconv_params");
        for (var e : new java.util.TreeMap<>(c.params()).entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s) {
                encoding(params.putDataset(e.getKey(), s), "string", "0.2.0");
            } else {
                Object scalar = v instanceof Boolean b ? (Object) (byte) (b ? 1 : 0)
                        : v instanceof Double || v instanceof Float ? (Object) ((Number) v).doubleValue()
                        : (Object) ((Number) v).longValue();
                encoding(params.putDataset(e.getKey(), scalar), "numeric-scalar", "0.2.0");
            }
        }
    }

    private static WritableGroup dataframe(WritableGroup parent, String name, String[] index, String... columns) {
        WritableGroup g = parent.putGroup(name);
        encoding(g, "dataframe", "0.2.0");
        g.putAttribute("_index", "_index");
        g.putAttribute("column-order", columns);
        encoding(g.putDataset("_index", index), "string-array", "0.2.0");
        return g;
    }

    private static WritableGroup dict(WritableGroup parent, String name) {
        WritableGroup g = parent.putGroup(name);
        encoding(g, "dict", "0.1.0");
        return g;
    }

    private static void encoding(WritableNode node, String type, String version) {
        node.putAttribute(ENCODING_TYPE, type);
        node.putAttribute(ENCODING_VERSION, version);
    }
}
