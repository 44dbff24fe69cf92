package org.flashdeconv.io.h5;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.FixedShapeSource;
import org.flashdeconv.io.source.RowBlock;

/**
 * A 10x Genomics feature-barcode matrix ({@code filtered_feature_bc_matrix.h5}): group {@code matrix} with
 * {@code data}, {@code indices}, {@code indptr}, {@code shape} (features x barcodes), {@code barcodes} and
 * {@code features/id|name|feature_type}; the older single-genome layout ({@code /<genome>/genes|gene_names})
 * is read too. The matrix is CSC by barcode, that is CSR by spot, so entries come spot by spot with ascending
 * genes ({@link #spotMajor()} is true; unsorted indices are sorted per spot). Only {@code Gene Expression}
 * features are kept (antibody capture, CRISPR guides and the like are dropped and the gene indices
 * renumbered). Data are read in slices; barcodes and features are held on the heap. Owns the open file.
 */
public final class TenxH5Source extends FixedShapeSource {
    /** The feature type kept. */
    public static final String GENE_EXPRESSION = "Gene Expression";

    private final H5File file;
    private final String[] barcodes;
    private final int[] geneOfFeature;
    private final CompressedMatrix matrix;

    private TenxH5Source(H5File file, String[] barcodes, List<String> geneNames, List<String> geneIds,
                         int[] geneOfFeature, CompressedMatrix matrix) {
        super(file.path().toString(), barcodes.length, geneNames, geneIds);
        this.file = file;
        this.barcodes = barcodes;
        this.geneOfFeature = geneOfFeature;
        this.matrix = matrix;
    }

    /**
     * Opens a 10x feature-barcode matrix file.
     *
     * @throws H5FormatException if the file has no {@code matrix} group (nor an older genome group), or its
     *                           datasets disagree with {@code shape}
     * @throws IOException       if the file cannot be read
     */
    public static TenxH5Source open(Path path) throws IOException {
        H5File file = H5File.open(path);
        boolean ok = false;
        try {
            String root = matrixGroup(file);
            NumericArray shapeArray = file.numeric(root + "/shape", "matrix shape");
            long[] shape = new long[2];
            if (shapeArray.length() != 2) {
                throw new H5FormatException(path, root + "/shape", "expected 2 values, found " + shapeArray.length());
            }
            shapeArray.readLongs(0, 2, shape);
            String[] barcodes = file.strings(root + "/barcodes", "barcodes");
            String[] ids;
            String[] names;
            String[] types;
            if (file.find(root + "/features").isPresent()) {
                ids = file.strings(root + "/features/id", "feature ids");
                names = file.strings(root + "/features/name", "feature names");
                types = file.find(root + "/features/feature_type").isPresent()
                        ? file.strings(root + "/features/feature_type", "feature types") : null;
            } else {
                ids = file.strings(root + "/genes", "gene ids");
                names = file.strings(root + "/gene_names", "gene names");
                types = null;
            }
            if (barcodes.length != shape[1] || ids.length != shape[0] || names.length != shape[0]
                    || types != null && types.length != shape[0]) {
                throw new H5FormatException(path, root, "shape " + Arrays.toString(shape) + " but "
                        + ids.length + " feature ids, " + names.length + " names, " + barcodes.length + " barcodes");
            }
            int[] geneOfFeature = new int[ids.length];
            List<String> geneNames = new ArrayList<>();
            List<String> geneIds = new ArrayList<>();
            for (int f = 0; f < ids.length; f++) {
                if (types == null || GENE_EXPRESSION.equals(types[f])) {
                    geneOfFeature[f] = geneNames.size();
                    geneNames.add(names[f]);
                    geneIds.add(ids[f]);
                } else {
                    geneOfFeature[f] = -1;
                }
            }
            CompressedMatrix m = new CompressedMatrix(path, file.numeric(root + "/data", "matrix values"),
                    file.numeric(root + "/indices", "matrix indices"), file.numeric(root + "/indptr", "matrix pointers"),
                    barcodes.length, ids.length);
            TenxH5Source source = new TenxH5Source(file, barcodes, List.copyOf(geneNames), List.copyOf(geneIds),
                    geneOfFeature, m);
            ok = true;
            return source;
        } finally {
            if (!ok) {
                file.close();
            }
        }
    }

    private static String matrixGroup(H5File file) throws H5FormatException {
        if (file.find("matrix").isPresent()) {
            return "matrix";
        }
        for (Node n : file.root().getChildren().values()) {
            if (n instanceof Group g && g.getChild("indptr") != null && g.getChild("genes") != null) {
                return g.getName();
            }
        }
        throw new H5FormatException(file.path(), "an HDF5 file that is not a 10x feature-barcode matrix: no group"
                + " 'matrix'");
    }

    @Override
    public void forEachBarcode(Consumer<String> consumer) {
        for (String b : barcodes) {
            consumer.accept(b);
        }
    }

    @Override
    public boolean spotMajor() {
        return true;
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        matrix.forEach(true, (spot, feature, value, entry) -> {
            int gene = geneOfFeature[feature];
            if (gene >= 0) {
                consumer.accept(spot, gene, value, entry);
            }
        });
    }

    /** Blocks of spots read on reader threads, features that are not gene expression dropped. */
    @Override
    public <T> boolean forEachRowBlock(int alignSpots, RowBlock.Work<T> work, RowBlock.Sink<T> sink)
            throws IOException {
        matrix.forEachRowBlock(alignSpots, geneOfFeature, work, sink);
        return true;
    }

    /** The stored entries (features that are not gene expression drop out). */
    @Override
    public OptionalLong entriesAtMost() {
        return OptionalLong.of(matrix.nnz());
    }

    @Override
    public String describe(long location) {
        return file.path().getFileName() + " " + matrix.dataPath() + "[" + location + "]";
    }

    @Override
    public void close() {
        file.close();
    }
}
