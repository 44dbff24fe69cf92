package org.flashdeconv.io.h5;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.flashdeconv.engine.SpotStatus;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.h5.edit.H5Editor;

/**
 * A deconvolution result as AnnData elements, the way scanpy users look for it: one {@code obs} column
 * {@code flashdeconv_<type>} per cell type (what {@code sc.pl.spatial(adata, color="flashdeconv_B")} draws),
 * {@code obs["flashdeconv_dominant"]} and {@code obs["flashdeconv_qc"]} as categoricals (the dominant type missing
 * where the spot has no result), {@code obsm["flashdeconv"]} as a DataFrame of the proportions with the types as
 * columns (its columns and index are hard links to the obs columns and obs index, so nothing is stored twice) and
 * {@code uns["flashdeconv"]} with the cell types, the obs columns and the run's parameters.
 *
 * @param cellTypes   the K type names (distinct)
 * @param proportions N x K little-endian f64, spot-major, NaN rows for spots without a result; read during writing
 * @param status      each spot's status
 * @param params      the run's parameters (String, Number or Boolean values)
 * @param spots       N
 */
public record AnnDataResult(List<String> cellTypes, MemorySegment proportions, LongFunction<SpotStatus> status,
                            Map<String, Object> params, long spots) {
    /** The prefix of every obs column written. */
    public static final String PREFIX = "flashdeconv_";
    private static final int ROWS_PER_WRITE = 1 << 16;

    /**
     * Checks the shapes.
     *
     * @throws IllegalArgumentException if there is no type, a type repeats, the proportions are not N x K, or a
     *                                  parameter is not a string, number or boolean
     */
    public AnnDataResult {
        cellTypes = List.copyOf(cellTypes);
        params = Map.copyOf(params);
        if (cellTypes.isEmpty() || new HashSet<>(cellTypes).size() != cellTypes.size()) {
            throw new IllegalArgumentException("AnnData result: expected distinct cell types, found " + cellTypes);
        }
        if (proportions.byteSize() != spots * cellTypes.size() * Double.BYTES) {
            throw new IllegalArgumentException("AnnData result: proportions of " + proportions.byteSize()
                    + " bytes for " + spots + " spots x " + cellTypes.size() + " types");
        }
        for (var e : params.entrySet()) {
            if (!(e.getValue() instanceof String || e.getValue() instanceof Number
                    || e.getValue() instanceof Boolean)) {
                throw new IllegalArgumentException("AnnData result: parameter " + e.getKey() + " is a "
                        + e.getValue().getClass().getSimpleName());
            }
        }
    }

    /** The obs column of each type: {@code flashdeconv_<type>}, a '/' (not allowed in HDF5 names) as '_'. */
    public List<String> typeColumns() {
        return cellTypes.stream().map(t -> PREFIX + key(t)).toList();
    }

    /** The obs columns written: the type columns, then {@code flashdeconv_dominant} and {@code flashdeconv_qc}. */
    public List<String> obsColumns() {
        List<String> out = new ArrayList<>(typeColumns());
        out.add(PREFIX + "dominant");
        out.add(PREFIX + "qc");
        return out;
    }

    private static String key(String name) {
        return name.replace('/', '_');
    }

    /**
     * Writes the result into the file being edited: obs columns (linked into {@code obs}), {@code obsm/flashdeconv}
     * and {@code uns/flashdeconv} (replacing earlier ones).
     *
     * @param obsIndex the object header address of the obs index dataset
     * @throws IOException on a write error
     */
    void write(H5Editor e, long obsIndex) throws IOException {
        int k = cellTypes.size();
        List<String> columns = typeColumns();
        long[] columnAt = new long[k];
        for (int t = 0; t < k; t++) {
            int type = t;
            columnAt[t] = e.createDataset("obs/" + columns.get(t), H5Editor.float64(), new long[] {spots},
                    spots * Double.BYTES, sink -> column(sink, type), encoding("array", "0.2.0"));
        }
        int codeBytes = k < 128 ? 1 : 2;
        categorical(e, "obs/" + PREFIX + "dominant", cellTypes, codeBytes, this::dominant);
        List<String> statusLabels = new ArrayList<>();
        for (SpotStatus s : SpotStatus.values()) {
            statusLabels.add(s.label());
        }
        categorical(e, "obs/" + PREFIX + "qc", statusLabels, 1, spot -> status.apply(spot).ordinal());

        List<byte[]> frame = new ArrayList<>(encoding("dataframe", "0.2.0"));
        frame.add(H5Editor.stringAttribute("_index", "_index"));
        frame.add(H5Editor.stringArrayAttribute("column-order", cellTypes.stream().map(AnnDataResult::key).toList()));
        e.createGroup("obsm/flashdeconv", frame);
        e.hardLink("obsm/flashdeconv/_index", obsIndex);
        for (int t = 0; t < k; t++) {
            e.hardLink("obsm/flashdeconv/" + key(cellTypes.get(t)), columnAt[t]);
        }

        e.createGroup("uns/flashdeconv", encoding("dict", "0.1.0"));
        strings(e, "uns/flashdeconv/cell_types", cellTypes);
        strings(e, "uns/flashdeconv/obs_columns", obsColumns());
        e.createGroup("uns/flashdeconv/parameters", encoding("dict", "0.1.0"));
        for (var p : new TreeMap<>(params).entrySet()) {
            scalar(e, "uns/flashdeconv/parameters/" + key(p.getKey()), p.getValue());
        }
    }

    /** The dominant type's index, or -1 (anndata's missing category) for a spot without a result. */
    private int dominant(long spot) {
        int k = cellTypes.size();
        int best = -1;
        double max = 0;
        for (int t = 0; t < k; t++) {
            double v = proportions.getAtIndex(Layouts.F64, spot * k + t);
            if (v == v && (best < 0 || v > max)) {
                best = t;
                max = v;
            }
        }
        return status.apply(spot) == SpotStatus.OK ? best : -1;
    }

    private void column(H5Editor.Sink sink, int type) throws IOException {
        int k = cellTypes.size();
        ByteBuffer b = ByteBuffer.allocate(ROWS_PER_WRITE * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long first = 0; first < spots; first += ROWS_PER_WRITE) {
            long end = Math.min(spots, first + ROWS_PER_WRITE);
            b.clear();
            for (long i = first; i < end; i++) {
                b.putDouble(proportions.getAtIndex(Layouts.F64, i * k + type));
            }
            sink.put(b.flip());
        }
    }

    private void categorical(H5Editor e, String path, List<String> categories, int codeBytes,
                             java.util.function.LongToIntFunction code) throws IOException {
        List<byte[]> attrs = new ArrayList<>(encoding("categorical", "0.2.0"));
        attrs.add(H5Editor.boolAttribute("ordered", false));
        e.createGroup(path, attrs);
        e.createDataset(path + "/codes", H5Editor.signed(codeBytes), new long[] {spots}, spots * codeBytes, sink -> {
            ByteBuffer b = ByteBuffer.allocate(ROWS_PER_WRITE * codeBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (long first = 0; first < spots; first += ROWS_PER_WRITE) {
                long end = Math.min(spots, first + ROWS_PER_WRITE);
                b.clear();
                for (long i = first; i < end; i++) {
                    int c = code.applyAsInt(i);
                    if (codeBytes == 1) {
                        b.put((byte) c);
                    } else {
                        b.putShort((short) c);
                    }
                }
                sink.put(b.flip());
            }
        }, encoding("array", "0.2.0"));
        strings(e, path + "/categories", categories);
    }

    /** A fixed-length UTF-8 string array dataset ({@code string-array}) of {@code n} values. */
    static void strings(H5Editor e, String path, long n, LongFunction<String> value) throws IOException {
        int width = 1;
        for (long i = 0; i < n; i++) {
            width = Math.max(width, value.apply(i).getBytes(StandardCharsets.UTF_8).length);
        }
        int w = width;
        e.createDataset(path, H5Editor.string(w), new long[] {n}, n * w, sink -> {
            int rows = Math.max(1, (1 << 20) / w);
            ByteBuffer b = ByteBuffer.allocate(rows * w);
            for (long first = 0; first < n; first += rows) {
                long end = Math.min(n, first + rows);
                b.clear();
                for (long i = first; i < end; i++) {
                    int at = b.position();
                    b.put(value.apply(i).getBytes(StandardCharsets.UTF_8));
                    b.position(at + w);
                }
                sink.put(b.flip());
            }
        }, encoding("string-array", "0.2.0"));
    }

    static void strings(H5Editor e, String path, List<String> values) throws IOException {
        strings(e, path, values.size(), i -> values.get((int) i));
    }

    private static void scalar(H5Editor e, String path, Object v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        byte[] type;
        if (v instanceof String s) {
            byte[] bytes = s.isEmpty() ? new byte[1] : s.getBytes(StandardCharsets.UTF_8);
            e.createDataset(path, H5Editor.string(bytes.length), new long[0], bytes.length,
                    sink -> sink.put(ByteBuffer.wrap(bytes)), encoding("string", "0.2.0"));
            return;
        } else if (v instanceof Boolean flag) {
            type = H5Editor.bool();
            b = ByteBuffer.wrap(new byte[] {(byte) (flag ? 1 : 0)});
        } else if (v instanceof Double || v instanceof Float) {
            type = H5Editor.float64();
            b.putDouble(((Number) v).doubleValue()).flip();
        } else {
            type = H5Editor.signed(8);
            b.putLong(((Number) v).longValue()).flip();
        }
        ByteBuffer data = b;
        e.createDataset(path, type, new long[0], data.remaining(), sink -> sink.put(data),
                encoding("numeric-scalar", "0.2.0"));
    }

    static List<byte[]> encoding(String type, String version) {
        return List.of(H5Editor.stringAttribute("encoding-type", type),
                H5Editor.stringAttribute("encoding-version", version));
    }

    /** The obs columns of an earlier run, which a new run replaces. */
    static Set<String> earlier(List<String> columns) {
        Set<String> out = new HashSet<>();
        for (String c : columns) {
            if (c.startsWith(PREFIX)) {
                out.add(c);
            }
        }
        return out;
    }
}
