package org.flashdeconv.io.h5;

import io.jhdf.api.Group;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.h5.edit.H5Editor;
import org.flashdeconv.io.h5.edit.UnsupportedLayoutException;

/**
 * Writes {@code --h5ad-out}: a copy of the spatial AnnData input with the result added ({@link #writeCopy}), or,
 * for other inputs, a new AnnData file with the counts on the genes used ({@link #writeNew}); the result elements
 * are those of {@link AnnDataResult}. Both files appear under their name only when complete.
 */
public final class H5adOut {
    private H5adOut() {
    }

    /**
     * Copies {@code input} to {@code target} byte for byte and adds the result: everything of the input is kept
     * (X, layers, raw, obs, var, obsm, uns with its images and scale factors). Earlier {@code flashdeconv_*} obs
     * columns are replaced. {@code obsm["spatial"]} is added from {@code coords} when the input has none.
     *
     * @throws UnsupportedLayoutException if the input is not in h5py's default layout (the caller may fall back to
     *                                    {@link #writeNew}); nothing is left under the target name
     * @throws IllegalArgumentException   if the input's obs does not have one row per spot
     * @throws IOException                if the input cannot be read or the target written
     */
    public static void writeCopy(Path input, Path target, AnnDataResult result, CoordsView coords)
            throws IOException {
        List<String> order;
        String indexName;
        boolean hasObsm;
        boolean hasUns;
        boolean hasSpatial;
        try (H5File in = H5File.open(input)) {
            // the obs row count from the index's shape: reading a million names is not needed here
            Group obs = in.group("obs", "AnnData obs");
            indexName = in.stringAttribute(obs, "_index");
            long rows = in.dataset("obs/" + (indexName == null ? "_index" : indexName), "obs index")
                    .getDimensionsAsLong()[0];
            if (rows != result.spots()) {
                throw new IllegalArgumentException("--h5ad-out: " + input + " has " + rows + " obs rows but "
                        + "the result has " + result.spots() + " spots");
            }
            Object co = in.attribute(obs, "column-order");
            order = co instanceof String[] a ? new ArrayList<>(Arrays.asList(a))
                    : co instanceof String s ? new ArrayList<>(List.of(s)) : new ArrayList<>();
            hasObsm = in.find("obsm").isPresent();
            hasUns = in.find("uns").isPresent();
            hasSpatial = in.find("obsm/spatial").isPresent();
        }
        try (AtomicOutput out = AtomicOutput.create(target)) {
            try {
                Files.copy(input, out.temp(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw out.shownAsTarget(e);
            }
            try (H5Editor e = H5Editor.open(out.temp(), target)) {
                long index = e.find("obs/" + (indexName == null ? "_index" : indexName));
                if (index < 0) {
                    throw new UnsupportedLayoutException("no obs index dataset");
                }
                for (String earlier : AnnDataResult.earlier(order)) {
                    e.unlink("obs", earlier);
                }
                order.removeIf(c -> c.startsWith(AnnDataResult.PREFIX));
                order.addAll(result.obsColumns());
                if (!hasObsm) {
                    e.createGroup("obsm", AnnDataResult.encoding("dict", "0.1.0"));
                }
                if (!hasUns) {
                    e.createGroup("uns", AnnDataResult.encoding("dict", "0.1.0"));
                }
                if (!hasSpatial && coords != null) {
                    coordinates(e, coords);
                }
                result.write(e, index);
                e.setAttribute("obs", "column-order", H5Editor.stringArrayAttribute("column-order", order));
                e.finish();
            }
            out.commit();
        }
    }

    /**
     * The counts behind a new AnnData file: the store's CSR, the genes used, the barcodes.
     *
     * @param counts         the spots x stored-genes counts (no column map)
     * @param toUsed         for each stored gene, its column among the genes used, or -1
     * @param genes          the genes used, in column order
     * @param geneIds        their ids, or an empty list
     * @param barcode        the barcode of a spot
     * @param integerCounts  whether every value is an integer (then X is float32, else float64)
     */
    public record Counts(CsrView counts, int[] toUsed, List<String> genes, List<String> geneIds,
                         LongFunction<String> barcode, boolean integerCounts) {
    }

    /**
     * Writes a new AnnData file: X = the counts on the genes used (CSR), var = those genes (with {@code gene_ids}
     * when known), obs = the spots, {@code obsm["spatial"]} = {@code coords}, and the result.
     *
     * @throws IOException if the target cannot be written
     */
    public static void writeNew(Path target, Counts c, CoordsView coords, AnnDataResult result) throws IOException {
        long n = result.spots();
        try (AtomicOutput out = AtomicOutput.create(target);
             H5Editor e = H5Editor.create(out.temp(), target, AnnDataResult.encoding("anndata", "0.1.0"))) {
            e.createGroup("obs", frame(result.obsColumns()));
            AnnDataResult.strings(e, "obs/_index", n, c.barcode());
            e.createGroup("var", frame(c.geneIds().isEmpty() ? List.of() : List.of("gene_ids")));
            AnnDataResult.strings(e, "var/_index", c.genes());
            if (!c.geneIds().isEmpty()) {
                AnnDataResult.strings(e, "var/gene_ids", c.geneIds());
            }
            NewCounts.write(e, c, n);
            e.createGroup("obsm", AnnDataResult.encoding("dict", "0.1.0"));
            coordinates(e, coords);
            for (String g : List.of("layers", "obsp", "varm", "varp")) {
                e.createGroup(g, AnnDataResult.encoding("dict", "0.1.0"));
            }
            e.createGroup("uns", AnnDataResult.encoding("dict", "0.1.0"));
            result.write(e, e.find("obs/_index"));
            e.finish();
            e.close();
            out.commit();
        }
    }

    private static List<byte[]> frame(List<String> columns) {
        List<byte[]> a = new ArrayList<>(AnnDataResult.encoding("dataframe", "0.2.0"));
        a.add(H5Editor.stringAttribute("_index", "_index"));
        a.add(H5Editor.stringArrayAttribute("column-order", columns));
        return a;
    }

    private static void coordinates(H5Editor e, CoordsView xy) throws IOException {
        long n = xy.n();
        int dim = xy.dim();
        e.createDataset("obsm/spatial", H5Editor.float64(), new long[] {n, dim}, n * dim * Double.BYTES, sink -> {
            ByteBuffer b = ByteBuffer.allocate(8192 * dim * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (long first = 0; first < n; first += 8192) {
                b.clear();
                for (long i = first; i < Math.min(n, first + 8192); i++) {
                    for (int d = 0; d < dim; d++) {
                        b.putDouble(xy.get(i, d));
                    }
                }
                sink.put(b.flip());
            }
        }, AnnDataResult.encoding("array", "0.2.0"));
    }
}
