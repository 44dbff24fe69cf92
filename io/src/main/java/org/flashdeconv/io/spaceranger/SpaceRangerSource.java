package org.flashdeconv.io.spaceranger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flashdeconv.io.h5.TenxH5Source;
import org.flashdeconv.io.mex.MexSource;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.text.TextNames;

/**
 * Opens a Space Ranger output as a {@link CountSource} with coordinates.
 *
 * <ul>
 * <li>Visium: a folder ({@code outs/} or any folder) holding {@code filtered_feature_bc_matrix.h5} or the
 * {@code filtered_feature_bc_matrix/} MEX folder, plus {@code spatial/tissue_positions.csv} (or
 * {@code tissue_positions_list.csv}). Only in-tissue barcodes are kept; coordinates are full-resolution pixels,
 * x = pixel column, y = pixel row.</li>
 * <li>Visium HD: {@code outs/} with {@code binned_outputs/square_002um|008um|016um}, or one of those bin
 * folders. Coordinates come from the barcodes ({@code s_008um_00301_00154-1} = bin size, array row, array
 * column): x = column x bin size, y = row x bin size, in µm, the bin size taken from
 * {@code spatial/scalefactors_json.json} ({@code bin_size_um}) when present. The bins' full-resolution image
 * pixels come from {@code spatial/tissue_positions.parquet} (or {@code .csv}) as
 * {@link CountSource#imagePixels()}.</li>
 * <li>Visium HD cell segmentation (Space Ranger 4): a {@code segmented_outputs/} folder; cells at the centroids
 * of their polygons (see {@link SegmentedCells}).</li>
 * </ul>
 */
public final class SpaceRangerSource {
    /** The Visium HD bin size used when an {@code outs/} folder is given without one. */
    public static final int DEFAULT_BIN_SIZE_UM = 8;

    private static final Pattern HD_BARCODE = Pattern.compile("s_(\\d{1,4})um_(\\d{1,9})_(\\d{1,9})(-\\d+)?");
    private static final Pattern BIN_FOLDER = Pattern.compile("square_(\\d+)um");
    private static final Pattern BIN_SIZE_JSON = Pattern.compile("\"bin_size_um\"\\s*:\\s*([-+0-9.eE]+)");

    private SpaceRangerSource() {
    }

    /** Opens the feature-barcode matrix of a folder: the .h5 when present, otherwise the MEX folder. */
    @FunctionalInterface
    public interface MatrixOpener {
        /**
         * Opens the matrix in {@code folder}.
         *
         * @throws IOException if there is none or it cannot be read
         */
        CountSource open(Path folder) throws IOException;
    }

    /** True if {@code folder} looks like a Space Ranger output (Visium, Visium HD outs/ or a bin folder). */
    public static boolean isSpaceRanger(Path folder) {
        return Files.isDirectory(folder.resolve("binned_outputs")) || Files.isDirectory(folder.resolve("spatial"))
                || SegmentedCells.isSegmented(folder)
                || Files.isDirectory(folder.resolve("outs")) && isSpaceRanger(folder.resolve("outs"));
    }

    /**
     * Opens a Space Ranger output folder.
     *
     * @param binSizeUm the Visium HD bin size (2, 8 or 16) to pick under {@code binned_outputs/}, or null for
     *                  {@value #DEFAULT_BIN_SIZE_UM}; ignored for Visium
     * @param matrices  opens a folder's feature-barcode matrix (usually {@link #matrices()})
     * @throws SpaceRangerFormatException if the folder lacks the matrix, the positions, or the requested bins
     * @throws IOException                if a file cannot be read
     */
    public static CountSource open(Path folder, Integer binSizeUm, MatrixOpener matrices) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new SpaceRangerFormatException(folder, "not a folder");
        }
        if (Files.isDirectory(folder.resolve("outs")) && !Files.isDirectory(folder.resolve("spatial"))
                && !Files.isDirectory(folder.resolve("binned_outputs"))) {
            return open(folder.resolve("outs"), binSizeUm, matrices);
        }
        if (Files.isDirectory(folder.resolve("binned_outputs"))) {
            int bin = binSizeUm == null ? DEFAULT_BIN_SIZE_UM : binSizeUm;
            Path bins = folder.resolve("binned_outputs").resolve(String.format(Locale.ROOT, "square_%03dum", bin));
            if (!Files.isDirectory(bins)) {
                throw new SpaceRangerFormatException(folder.resolve("binned_outputs"), "no " + bins.getFileName()
                        + " folder (found " + binFolders(folder.resolve("binned_outputs")) + "; choose with --bin-size)");
            }
            return openHdBins(bins, matrices);
        }
        if (BIN_FOLDER.matcher(folder.getFileName().toString()).matches()) {
            return openHdBins(folder, matrices);
        }
        if (SegmentedCells.isSegmented(folder)) {
            return SegmentedCells.open(folder);
        }
        return openVisium(folder, matrices);
    }

    /**
     * Opens a Space Ranger matrix given as a file ({@code outs/filtered_feature_bc_matrix.h5}, a bin folder's
     * matrix, {@code segmented_outputs/filtered_feature_cell_matrix.h5}) together with the positions beside it
     * ({@code ../spatial/}, the bin folder's {@code spatial/}, the cell polygons), as if its folder had been given.
     *
     * @return the source, or null when nothing beside the file places its spots
     * @throws IOException as {@link #open(Path, Integer, MatrixOpener)}
     */
    public static CountSource openBeside(Path h5) throws IOException {
        Path folder = h5.toAbsolutePath().getParent();
        if (folder == null || folder.getFileName() == null) {
            return null;
        }
        String name = h5.getFileName().toString();
        if (name.equals(SegmentedCells.MATRIX + ".h5") && Files.isRegularFile(folder.resolve(SegmentedCells.POLYGONS))) {
            return SegmentedCells.open(folder);
        }
        Path spatial = folder.resolve("spatial");
        boolean positions = Files.isRegularFile(spatial.resolve("tissue_positions.csv"))
                || Files.isRegularFile(spatial.resolve("tissue_positions_list.csv"))
                || Files.isRegularFile(spatial.resolve("tissue_positions.parquet"));
        if (!positions) {
            return null;
        }
        MatrixOpener thisFile = f -> TenxH5Source.open(h5);
        return BIN_FOLDER.matcher(folder.getFileName().toString()).matches() ? openHdBins(folder, thisFile)
                : openVisium(folder, thisFile);
    }

    /**
     * Opens a folder's Space Ranger output with {@link #matrices()}.
     *
     * @see #open(Path, Integer, MatrixOpener)
     */
    public static CountSource open(Path folder, Integer binSizeUm) throws IOException {
        return open(folder, binSizeUm, matrices());
    }

    /**
     * The usual matrix opener: {@code filtered_feature_bc_matrix.h5} when present, otherwise the
     * {@code filtered_feature_bc_matrix/} MEX folder (Gene Expression features only, as for the .h5).
     */
    public static MatrixOpener matrices() {
        return folder -> {
            Path h5 = folder.resolve("filtered_feature_bc_matrix.h5");
            Path mex = folder.resolve("filtered_feature_bc_matrix");
            if (Files.isRegularFile(h5)) {
                return TenxH5Source.open(h5);
            }
            if (!Files.isDirectory(mex)) {
                throw new SpaceRangerFormatException(folder, "no filtered_feature_bc_matrix.h5 or "
                        + "filtered_feature_bc_matrix/ folder");
            }
            CountSource source = MexSource.open(mex, false);
            try {
                return GeneExpressionOnly.wrap(source, mex);
            } catch (IOException | RuntimeException e) {
                source.close();
                throw e;
            }
        };
    }

    /** A matrix opener for {@code filtered_feature_bc_matrix.h5} only. */
    public static MatrixOpener h5Only() {
        return folder -> {
            Path h5 = folder.resolve("filtered_feature_bc_matrix.h5");
            if (!Files.isRegularFile(h5)) {
                throw new SpaceRangerFormatException(folder, "no filtered_feature_bc_matrix.h5");
            }
            return TenxH5Source.open(h5);
        };
    }

    private static List<String> binFolders(Path binned) throws IOException {
        try (Stream<Path> s = Files.list(binned)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> BIN_FOLDER.matcher(n).matches()).sorted()
                    .toList();
        }
    }

    private static CountSource openVisium(Path folder, MatrixOpener matrices) throws IOException {
        Path spatial = folder.resolve("spatial");
        if (!Files.isDirectory(spatial)) {
            throw new SpaceRangerFormatException(folder, "no spatial/ folder (tissue positions)");
        }
        TissuePositions positions = TissuePositions.read(spatial);
        CountSource matrix = matrices.open(folder);
        boolean ok = false;
        try {
            List<String> barcodes = barcodesOf(matrix);
            int[] newIndex = new int[barcodes.size()];
            double[] coords = new double[2 * Math.min(barcodes.size(), positions.inTissue())];
            int kept = 0;
            int unlisted = 0;
            String firstUnlisted = null;
            for (int i = 0; i < newIndex.length; i++) {
                double[] xy = positions.position(barcodes.get(i));
                if (xy == null) {
                    newIndex[i] = -1;
                    if (!positions.lists(barcodes.get(i)) && unlisted++ == 0) {
                        firstUnlisted = barcodes.get(i);
                    }
                } else {
                    newIndex[i] = kept;
                    coords[2 * kept] = xy[0];
                    coords[2 * kept + 1] = xy[1];
                    kept++;
                }
            }
            if (kept == 0) {
                throw new SpaceRangerFormatException(positions.file(), "none of the " + barcodes.size()
                        + " barcodes of " + matrix.name() + " is listed as in tissue");
            }
            CountSource source = new SelectedSpots(matrix, newIndex, kept, coords, 2, null, unlisted == 0 ? List.of()
                    : List.of(unlisted + " of the " + barcodes.size() + " spots of " + matrix.name() + " are not listed in "
                    + positions.file() + " (e.g. '" + TextNames.visible(firstUnlisted) + "') and were left out"));
            ok = true;
            return source;
        } finally {
            if (!ok) {
                matrix.close();
            }
        }
    }

    private static CountSource openHdBins(Path folder, MatrixOpener matrices) throws IOException {
        Double binFromJson = binSizeFromScaleFactors(folder.resolve("spatial").resolve("scalefactors_json.json"));
        CountSource matrix = matrices.open(folder);
        boolean ok = false;
        try {
            List<String> barcodes = barcodesOf(matrix);
            double[] coords = new double[2 * barcodes.size()];
            for (int i = 0; i < barcodes.size(); i++) {
                Matcher m = HD_BARCODE.matcher(barcodes.get(i));
                if (!m.matches()) {
                    throw new SpaceRangerFormatException(folder, "barcode " + (i + 1) + " '"
                            + TextNames.visible(barcodes.get(i)) + "' is not a Visium HD bin barcode "
                            + "(s_<size>um_<row>_<col>-1)");
                }
                try {
                    double bin = binFromJson != null ? binFromJson : Integer.parseInt(m.group(1));
                    coords[2 * i] = Long.parseLong(m.group(3)) * bin;
                    coords[2 * i + 1] = Long.parseLong(m.group(2)) * bin;
                } catch (NumberFormatException e) {
                    throw new SpaceRangerFormatException(folder, "barcode " + (i + 1) + " '"
                            + TextNames.visible(barcodes.get(i)) + "' has a bin size, row or column too large to be "
                            + "a Visium HD bin (s_<size>um_<row>_<col>-1)");
                }
            }
            double[] pixels = ImagePositions.of(folder.resolve("spatial"), barcodes);
            CountSource source = new SelectedSpots(matrix, null, barcodes.size(), coords, 2, pixels, List.of());
            ok = true;
            return source;
        } finally {
            if (!ok) {
                matrix.close();
            }
        }
    }

    private static Double binSizeFromScaleFactors(Path json) throws IOException {
        if (!Files.isRegularFile(json)) {
            return null;
        }
        Matcher m = BIN_SIZE_JSON.matcher(Files.readString(json));
        if (!m.find()) {
            return null;
        }
        try {
            double v = Double.parseDouble(m.group(1));
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new SpaceRangerFormatException(json, "bin_size_um must be positive, found " + m.group(1));
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SpaceRangerFormatException(json, "bin_size_um is not a number: " + m.group(1));
        }
    }

    private static List<String> barcodesOf(CountSource matrix) throws IOException {
        List<String> out = new ArrayList<>((int) Math.min(matrix.spots(), Integer.MAX_VALUE));
        matrix.forEachBarcode(out::add);
        return out;
    }
}
