package org.flashdeconv.io.spaceranger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flashdeconv.io.h5.TenxH5Source;
import org.flashdeconv.io.json.JsonReader;
import org.flashdeconv.io.mex.MexSource;
import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.text.TextInput;
import org.flashdeconv.io.text.TextNames;

/**
 * Space Ranger 4's cell segmentation of a Visium HD slide ({@code outs/segmented_outputs/}): the cells of
 * {@code filtered_feature_cell_matrix.h5} (or the MEX folder of that name), barcodes {@code cellid_000000001-1},
 * placed at the centroids of their polygons in {@code cell_segmentations.geojson} (property {@code cell_id} =
 * the number in the barcode), in full-resolution image pixels. Cells are deconvolved like spots.
 */
final class SegmentedCells {
    static final String MATRIX = "filtered_feature_cell_matrix";
    static final String POLYGONS = "cell_segmentations.geojson";
    private static final Pattern CELL_BARCODE = Pattern.compile("cellid_0*(\\d{1,18})(-\\d+)?");

    private SegmentedCells() {
    }

    /** True if {@code folder} holds a segmented cell matrix. */
    static boolean isSegmented(Path folder) {
        return Files.isRegularFile(folder.resolve(MATRIX + ".h5")) || Files.isDirectory(folder.resolve(MATRIX));
    }

    /**
     * Opens the cells of a {@code segmented_outputs/} folder with their centroids as coordinates.
     *
     * @throws SpaceRangerFormatException if the polygons file is missing, or a cell has no polygon
     * @throws IOException                if a file cannot be read
     */
    static CountSource open(Path folder) throws IOException {
        Path polygons = folder.resolve(POLYGONS);
        if (!Files.isRegularFile(polygons)) {
            throw new SpaceRangerFormatException(folder, "no " + POLYGONS + " (the cell outlines whose centroids "
                    + "place the cells)");
        }
        Map<Long, double[]> centroids = centroids(polygons);
        Path h5 = folder.resolve(MATRIX + ".h5");
        CountSource matrix = Files.isRegularFile(h5) ? TenxH5Source.open(h5) : MexSource.open(folder.resolve(MATRIX),
                false);
        boolean ok = false;
        try {
            List<String> barcodes = new java.util.ArrayList<>();
            matrix.forEachBarcode(barcodes::add);
            double[] xy = new double[2 * barcodes.size()];
            for (int i = 0; i < barcodes.size(); i++) {
                Matcher m = CELL_BARCODE.matcher(barcodes.get(i));
                double[] c = m.matches() ? centroids.get(Long.parseLong(m.group(1))) : null;
                if (c == null) {
                    throw new SpaceRangerFormatException(polygons, "no polygon for cell '"
                            + TextNames.visible(barcodes.get(i)) + "' (expected a feature whose cell_id is the number"
                            + " in the barcode)");
                }
                xy[2 * i] = c[0];
                xy[2 * i + 1] = c[1];
            }
            CountSource source = new SelectedSpots(matrix, null, barcodes.size(), xy, 2);
            ok = true;
            return source;
        } finally {
            if (!ok) {
                matrix.close();
            }
        }
    }

    /** cell_id -> centroid of the outer ring of its polygon (area-weighted; the vertex mean if the area is 0). */
    static Map<Long, double[]> centroids(Path geojson) throws IOException {
        Map<Long, double[]> out = new HashMap<>();
        try (BufferedReader in = TextInput.reader(geojson)) {
            JsonReader r = new JsonReader(in);
            r.beginObject();
            while (r.hasNext()) {
                if (!r.nextName().equals("features")) {
                    r.value();
                    continue;
                }
                r.beginArray();
                while (r.hasNext()) {
                    feature(geojson, r.value(), out);
                }
            }
        } catch (SpaceRangerFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SpaceRangerFormatException(geojson, "not a GeoJSON feature collection (" + e.getMessage() + ")");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void feature(Path file, Object value, Map<Long, double[]> out) throws IOException {
        if (!(value instanceof Map<?, ?> f) || !(f.get("properties") instanceof Map<?, ?> props)
                || !(f.get("geometry") instanceof Map<?, ?> geometry)) {
            throw new SpaceRangerFormatException(file, "a feature without properties or geometry");
        }
        if (!(props.get("cell_id") instanceof Double id)) {
            throw new SpaceRangerFormatException(file, "a feature without a numeric cell_id property");
        }
        Object rings = geometry.get("coordinates");
        if ("MultiPolygon".equals(geometry.get("type")) && rings instanceof List<?> polys && !polys.isEmpty()) {
            rings = polys.getFirst();
        }
        if (!(rings instanceof List<?> r) || r.isEmpty() || !(r.getFirst() instanceof List<?> ring) || ring.isEmpty()) {
            throw new SpaceRangerFormatException(file, "cell_id " + id.longValue() + ": no polygon coordinates");
        }
        double[] c = centroid((List<Object>) ring);
        if (!Double.isFinite(c[0]) || !Double.isFinite(c[1])) {
            throw new SpaceRangerFormatException(file, "cell_id " + id.longValue() + ": polygon coordinates are not "
                    + "finite numbers");
        }
        if (out.put(id.longValue(), c) != null) {
            throw new SpaceRangerFormatException(file, "cell_id " + id.longValue() + " appears twice");
        }
    }

    private static double[] centroid(List<Object> ring) {
        int n = ring.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            List<?> p = (List<?>) ring.get(i);
            x[i] = ((Number) p.get(0)).doubleValue();
            y[i] = ((Number) p.get(1)).doubleValue();
        }
        double a = 0;
        double cx = 0;
        double cy = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double cross = x[i] * y[j] - x[j] * y[i];
            a += cross;
            cx += (x[i] + x[j]) * cross;
            cy += (y[i] + y[j]) * cross;
            mx += x[i];
            my += y[i];
        }
        if (Math.abs(a) < 1e-12) {
            return new double[] {mx / n, my / n};
        }
        return new double[] {cx / (3 * a), cy / (3 * a)};
    }
}
