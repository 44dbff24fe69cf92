package org.flashdeconv.io.h5;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.FixedShapeSource;
import org.flashdeconv.io.source.RowBlock;

/**
 * The count matrix of an AnnData {@code .h5ad} file (spots = obs, genes = var) read through jHDF. The matrix
 * ({@code X}, {@code layers/<name>} or {@code raw/X}) may be CSR ({@code csr_matrix}, or anndata 0.7's
 * {@code h5sparse_format = csr}), CSC or a dense 2-D dataset, of any numeric type and filter. CSR rows and
 * dense rows are delivered spot by spot with ascending genes ({@link #spotMajor()}); CSC is delivered gene by
 * gene. The sparse datasets are read ahead in windows of whole chunks on worker threads (dense: about 2^20 values
 * a read), so memory stays bounded; obs and var names are held on the heap. Owns the open file until
 * {@link #close()}.
 */
public final class H5adSource extends FixedShapeSource {
    private static final int DENSE_VALUES_PER_READ = 1 << 20;
    /** How many leading stored values decide whether a matrix holds counts. */
    private static final int INTEGER_PROBE = 10_000;

    /**
     * What to read from the file.
     *
     * @param layer      a layer name ({@code layers/<layer>}), or null for {@code X}
     * @param raw        read {@code raw/X} with the genes of {@code raw/var} (exclusive with a layer)
     * @param spatialKey an {@code obsm} key holding the coordinates, or null for the default lookup
     * @param geneColumn a var column holding the gene names to match, or null for the default
     *                   ({@link GeneLabels#of})
     */
    public record Options(String layer, boolean raw, String spatialKey, String geneColumn) {
        /** X, default coordinate lookup. */
        public static final Options DEFAULT = new Options(null, false, null, null);

        /** The default gene names. */
        public Options(String layer, boolean raw, String spatialKey) {
            this(layer, raw, spatialKey, null);
        }

        /**
         * Checks the combination.
         *
         * @throws IllegalArgumentException if both a layer and raw are asked for
         */
        public Options {
            if (layer != null && raw) {
                throw new IllegalArgumentException("h5ad options: a layer (" + layer + ") and raw/X are exclusive");
            }
        }
    }

    private enum Layout { CSR, CSC, DENSE }

    private final H5File file;
    private final String matrixPath;
    private final AnnDataFrame obs;
    private final String geneSource;
    private String countsNote;
    private String countsProblem;
    private final Layout layout;
    private final CompressedMatrix sparse;
    private final NumericArray dense;
    private final Optional<Coordinates> coordinates;

    private H5adSource(H5File file, String matrixPath, AnnDataFrame obs, GeneLabels genes, Layout layout,
                       CompressedMatrix sparse, NumericArray dense, Optional<Coordinates> coordinates) {
        super(file.path().toString(), obs.length(), genes.names(), genes.ids());
        this.file = file;
        this.matrixPath = matrixPath;
        this.obs = obs;
        this.geneSource = genes.source();
        this.layout = layout;
        this.sparse = sparse;
        this.dense = dense;
        this.coordinates = coordinates;
    }

    /**
     * Opens an AnnData file and checks the matrix's shape against obs and var.
     *
     * @throws H5FormatException if the file is not AnnData ("no group 'X'"), the layer is missing, or the matrix
     *                           has an unknown encoding or the wrong shape
     * @throws IOException       if the file cannot be read
     */
    public static H5adSource open(Path path, Options options) throws IOException {
        H5File file = H5File.open(path);
        boolean ok = false;
        try {
            if (file.find("X").isEmpty() && file.find("obs").isEmpty()) {
                throw new H5FormatException(path, "not an AnnData file: no group 'X'");
            }
            String matrixPath = options.layer() != null ? "layers/" + options.layer() : options.raw() ? "raw/X" : "X";
            AnnDataFrame obs = AnnDataFrame.open(file, "obs");
            AnnDataFrame var = AnnDataFrame.open(file, options.raw() ? "raw/var" : "var");
            GeneLabels labels = GeneLabels.of(var, options.geneColumn());
            int spots = obs.length();
            int genes = var.length();
            Node node = file.find(matrixPath).orElseThrow(() -> new H5FormatException(path, matrixPath,
                    "missing (the count matrix" + (options.layer() != null ? ": no such layer" : "") + ")"));
            H5adSource source;
            if (node instanceof Group g) {
                String encoding = file.stringAttribute(g, "encoding-type");
                if (encoding == null) {
                    String old = file.stringAttribute(g, "h5sparse_format");
                    encoding = old == null ? null : old + "_matrix";
                }
                Layout layout = "csr_matrix".equals(encoding) ? Layout.CSR
                        : "csc_matrix".equals(encoding) ? Layout.CSC : null;
                if (layout == null) {
                    throw new H5FormatException(path, matrixPath, "unsupported matrix encoding '" + encoding
                            + "' (expected csr_matrix or csc_matrix)");
                }
                checkShape(file, g, matrixPath, spots, genes);
                NumericArray data = file.numeric(matrixPath + "/data", "sparse values");
                NumericArray indices = file.numeric(matrixPath + "/indices", "sparse indices");
                NumericArray indptr = file.numeric(matrixPath + "/indptr", "sparse pointers");
                CompressedMatrix m = layout == Layout.CSR
                        ? new CompressedMatrix(path, data, indices, indptr, spots, genes)
                        : new CompressedMatrix(path, data, indices, indptr, genes, spots);
                source = new H5adSource(file, matrixPath, obs, labels, layout, m, null,
                        AnnDataCoordinates.find(file, obs, options.spatialKey()));
            } else {
                NumericArray d = file.numeric(matrixPath, "dense matrix");
                long[] shape = d.shape();
                if (shape.length != 2 || shape[0] != spots || shape[1] != genes) {
                    throw new H5FormatException(path, matrixPath, "expected shape [" + spots + ", " + genes
                            + "] (obs x var), found " + Arrays.toString(shape));
                }
                source = new H5adSource(file, matrixPath, obs, labels, Layout.DENSE, null, d,
                        AnnDataCoordinates.find(file, obs, options.spatialKey()));
            }
            ok = true;
            return source;
        } finally {
            if (!ok) {
                file.close();
            }
        }
    }

    /**
     * Opens the raw counts of an AnnData file, looking for them the same way for spatial data and references:
     * a layer when one is asked for ({@code raw} means {@code raw/X} unless there is a layer of that name);
     * otherwise {@code X} if its leading stored values are integers, else {@code layers/counts}, else
     * {@code raw/X} (with {@code raw/var}'s genes, which may be more than X's), the first whose values are
     * integers. When none is, {@code X} is opened and {@link #countsProblem()} says where it looked.
     * {@link #countsNote()} says which matrix was taken when it is not X.
     *
     * @throws H5FormatException as {@link #open}, or if an asked-for layer is missing
     * @throws IOException       if the file cannot be read
     */
    public static H5adSource openCounts(Path path, Options options) throws IOException {
        if (options.raw() || options.layer() != null) {
            Options asked = options;
            if ("raw".equals(options.layer())) {
                try (H5File f = H5File.open(path)) {
                    if (f.find("layers/raw").isEmpty()) {
                        asked = new Options(null, true, options.spatialKey(), options.geneColumn());
                    }
                }
            }
            H5adSource s = open(path, asked);
            if (!s.leadingValuesAreIntegers(INTEGER_PROBE)) {
                s.countsProblem = s.matrixPath + " (asked for) holds non-integer values";
            }
            return s;
        }
        H5adSource x = open(path, options);
        if (x.leadingValuesAreIntegers(INTEGER_PROBE)) {
            return x;
        }
        boolean ok = false;
        try {
            List<String> looked = new java.util.ArrayList<>(List.of("X holds non-integer values"));
            List<Options> candidates = List.of(
                    new Options("counts", false, options.spatialKey(), options.geneColumn()),
                    new Options(null, true, options.spatialKey(), options.geneColumn()));
            for (Options c : candidates) {
                String where = c.raw() ? "raw/X" : "layers/counts";
                boolean present;
                try (H5File f = H5File.open(path)) {
                    present = f.find(where).isPresent();
                }
                if (!present) {
                    looked.add("no " + where);
                    continue;
                }
                H5adSource s = open(path, c);
                if (s.leadingValuesAreIntegers(INTEGER_PROBE)) {
                    s.countsNote = "X holds non-integer values (normalised data?): using the counts in " + where
                            + (c.raw() && s.genes() != x.genes() ? " (" + s.genes() + " genes, X has " + x.genes()
                            + ")" : "");
                    x.close();
                    ok = true;
                    return s;
                }
                s.close();
                looked.add(where + " holds non-integer values");
            }
            x.countsProblem = "no raw counts found: " + String.join(", ", looked);
            ok = true;
            return x;
        } finally {
            if (!ok) {
                x.close();
            }
        }
    }

    /** Which matrix {@link #openCounts} took instead of X and why, or null when it took X or the asked one. */
    public String countsNote() {
        return countsNote;
    }

    /** Why the matrix read does not look like raw counts (where {@link #openCounts} looked), or null. */
    public String countsProblem() {
        return countsProblem;
    }

    /** Where the gene names and ids came from ({@link GeneLabels#source()}). */
    public String geneSource() {
        return geneSource;
    }

    private static void checkShape(H5File file, Group g, String matrixPath, int spots, int genes)
            throws H5FormatException {
        Object shape = file.attribute(g, "shape");
        if (shape == null) {
            shape = file.attribute(g, "h5sparse_shape");
        }
        long[] s = shape instanceof long[] l ? l
                : shape instanceof int[] i ? Arrays.stream(i).asLongStream().toArray() : null;
        if (s == null || s.length != 2 || s[0] != spots || s[1] != genes) {
            throw new H5FormatException(file.path(), matrixPath, "expected attribute shape = [" + spots + ", "
                    + genes + "] (obs x var), found " + (s == null ? "none" : Arrays.toString(s)));
        }
    }

    /** The obs dataframe (for label and metadata columns). Valid until {@link #close()}. */
    public AnnDataFrame obs() {
        return obs;
    }

    /** The HDF5 path of the matrix read ({@code X}, {@code layers/...} or {@code raw/X}). */
    public String matrixPath() {
        return matrixPath;
    }

    /**
     * True if the first {@code max} stored values (in file order) are all integers: a cheap test of whether the
     * matrix holds raw counts rather than normalised values.
     *
     * @throws H5FormatException on a read error
     */
    public boolean leadingValuesAreIntegers(int max) throws H5FormatException {
        double[] v;
        if (layout == Layout.DENSE) {
            long genes = genes();
            int rows = (int) Math.min(obs.length(), Math.max(1, max / Math.max(1, genes)));
            v = new double[(int) (rows * genes)];
            dense.readRows(0, rows, v);
        } else {
            v = new double[(int) Math.min(max, sparse.nnz())];
            NumericArray data = file.numeric(matrixPath + "/data", "sparse values");
            data.readDoubles(0, v.length, v);
        }
        for (double x : v) {
            if (x != Math.rint(x)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void forEachBarcode(Consumer<String> consumer) {
        for (String s : obs.index()) {
            consumer.accept(s);
        }
    }

    @Override
    public boolean spotMajor() {
        return layout != Layout.CSC;
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        switch (layout) {
            case CSR -> sparse.forEach(true, (spot, gene, value, entry) -> consumer.accept(spot, gene, value, entry));
            case CSC -> sparse.forEach(false, (gene, spot, value, entry) ->
                    consumer.accept(spot, (int) gene, value, entry));
            case DENSE -> forEachDense(consumer);
        }
    }

    private void forEachDense(EntryConsumer consumer) throws IOException {
        int genes = genes();
        long spots = spots();
        int rowsPerRead = Math.max(1, DENSE_VALUES_PER_READ / Math.max(1, genes));
        double[] block = new double[(int) Math.min((long) rowsPerRead * genes, Math.max(1, spots * genes))];
        for (long first = 0; first < spots; first += rowsPerRead) {
            int rows = (int) Math.min(rowsPerRead, spots - first);
            dense.readRows(first, rows, block);
            for (int r = 0; r < rows; r++) {
                long spot = first + r;
                for (int g = 0; g < genes; g++) {
                    double v = block[r * genes + g];
                    if (v != 0) {
                        consumer.accept(spot, g, v, spot * genes + g);
                    }
                }
            }
        }
    }

    @Override
    public String describe(long location) {
        if (layout == Layout.DENSE) {
            int genes = Math.max(1, genes());
            return file.path().getFileName() + " " + matrixPath + "[" + location / genes + ", " + location % genes
                    + "]";
        }
        return file.path().getFileName() + " " + sparse.dataPath() + "[" + location + "]";
    }

    /** CSR only: blocks of spots read on reader threads. */
    @Override
    public <T> boolean forEachRowBlock(int alignSpots, RowBlock.Work<T> work, RowBlock.Sink<T> sink)
            throws IOException {
        if (layout != Layout.CSR) {
            return false;
        }
        sparse.forEachRowBlock(alignSpots, null, work, sink);
        return true;
    }

    /** The stored entries of a sparse matrix. */
    @Override
    public OptionalLong entriesAtMost() {
        return layout == Layout.DENSE ? OptionalLong.empty() : OptionalLong.of(sparse.nnz());
    }

    @Override
    public Optional<Coordinates> coordinates() {
        return coordinates;
    }

    @Override
    public void close() {
        file.close();
    }
}
