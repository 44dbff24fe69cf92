package org.flashdeconv.io.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.flashdeconv.io.h5.H5File;
import org.flashdeconv.io.h5.H5FormatException;
import org.flashdeconv.io.h5.H5adSource;
import org.flashdeconv.io.h5.TenxH5Source;
import org.flashdeconv.io.mex.MexSource;
import org.flashdeconv.io.spaceranger.SpaceRangerSource;

/**
 * Opens any supported count input (spatial, or a single-cell reference) as a {@link CountSource}, detecting its
 * kind:
 * <ul>
 * <li>an HDF5 file holding {@code X}/{@code obs}: AnnData ({@link H5adSource#openCounts}: the raw counts
 * wherever they are, or the layer, spatial key and gene column of the options);</li>
 * <li>an HDF5 file holding {@code matrix}: a 10x feature-barcode matrix ({@link TenxH5Source}); with Space
 * Ranger's positions beside it ({@code spatial/} in its folder, or the cell polygons of {@code segmented_outputs/})
 * it is read as that Space Ranger folder ({@link SpaceRangerSource#openBeside}), else without coordinates;</li>
 * <li>a Space Ranger folder (an {@code outs/} folder or one with {@code spatial/} or {@code binned_outputs/}, or
 * {@code segmented_outputs/}): {@link SpaceRangerSource} (Visium, Visium HD with the bin size of the options,
 * or segmented cells);</li>
 * <li>a MEX folder ({@code matrix.mtx[.gz]}) or a {@code .mtx[.gz]} file: {@link MexSource} (no coordinates;
 * {@code transpose} reads it as spots x genes).</li>
 * </ul>
 */
public final class CountSources {

    /**
     * How to read the input.
     *
     * @param layer      an AnnData layer instead of the counts found by {@link H5adSource#openCounts} ({@code raw}
     *                   = {@code raw/X}), or null
     * @param spatialKey an AnnData {@code obsm} key holding the coordinates, or null for the default lookup
     * @param binSizeUm  the Visium HD bin size (2, 8, 16) to pick from {@code binned_outputs/}, or null for 8
     * @param transpose  read a Matrix Market file as spots x genes instead of genes x spots
     * @param geneColumn an AnnData var column holding the gene names to match, or null for the default
     */
    public record ReadOptions(String layer, String spatialKey, Integer binSizeUm, boolean transpose,
                              String geneColumn) {
        /** Defaults everywhere. */
        public static final ReadOptions DEFAULT = new ReadOptions(null, null, null, false, null);

        /** The default gene names. */
        public ReadOptions(String layer, String spatialKey, Integer binSizeUm, boolean transpose) {
            this(layer, spatialKey, binSizeUm, transpose, null);
        }

        /**
         * Checks the bin size.
         *
         * @throws IllegalArgumentException if the bin size is not positive
         */
        public ReadOptions {
            if (binSizeUm != null && binSizeUm <= 0) {
                throw new IllegalArgumentException("bin size: expected 2, 8 or 16 (µm), found " + binSizeUm);
            }
        }
    }

    private CountSources() {
    }

    /**
     * Opens {@code input}.
     *
     * @throws NoSuchFileException if the input does not exist
     * @throws H5FormatException   for an HDF5 file that is neither AnnData nor a 10x matrix ("an HDF5 file that
     *                             is not AnnData"), or a {@code .h5ad} without {@code X}
     * @throws IOException         if the input is of no known kind (the message lists the kinds), or a
     *                             reader fails
     */
    public static CountSource open(Path input, ReadOptions options) throws IOException {
        if (Files.isDirectory(input)) {
            if (SpaceRangerSource.isSpaceRanger(input)) {
                return SpaceRangerSource.open(input, options.binSizeUm());
            }
            if (Files.isRegularFile(input.resolve("matrix.mtx")) || Files.isRegularFile(input.resolve("matrix.mtx.gz"))) {
                return MexSource.open(input, options.transpose());
            }
            if (Files.isRegularFile(input.resolve("filtered_feature_bc_matrix.h5"))) {
                return TenxH5Source.open(input.resolve("filtered_feature_bc_matrix.h5"));
            }
            throw new IOException(input + ": not a recognised input folder (expected a Space Ranger outs/ folder, a"
                    + " folder with spatial/ or binned_outputs/, or a MEX folder with matrix.mtx)");
        }
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString(), null, "no such file or folder");
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (H5File.isHdf5(input)) {
            boolean anndata;
            boolean tenx;
            try (H5File f = H5File.open(input)) {
                anndata = f.find("X").isPresent() || f.find("obs").isPresent();
                tenx = f.find("matrix").isPresent();
            }
            if (anndata) {
                return H5adSource.openCounts(input, new H5adSource.Options(options.layer(), false,
                        options.spatialKey(), options.geneColumn()));
            }
            if (name.endsWith(".h5ad")) {
                throw new H5FormatException(input, "not an AnnData file: no group 'X'");
            }
            if (tenx) {
                CountSource placed = SpaceRangerSource.openBeside(input);
                return placed != null ? placed : TenxH5Source.open(input);
            }
            try {
                return TenxH5Source.open(input); // the older single-genome 10x layout
            } catch (H5FormatException e) {
                throw new H5FormatException(input, "an HDF5 file that is not AnnData (no group 'X') nor a 10x"
                        + " feature-barcode matrix (no group 'matrix')");
            }
        }
        if (name.endsWith(".mtx") || name.endsWith(".mtx.gz")) {
            return MexSource.open(input, options.transpose());
        }
        throw new IOException(input + ": not a recognised input (expected an .h5ad, a 10x .h5, a .mtx file or a"
                + " folder)");
    }
}
