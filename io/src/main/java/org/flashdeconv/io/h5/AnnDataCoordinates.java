package org.flashdeconv.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.util.Arrays;
import java.util.Optional;
import org.flashdeconv.io.source.CountSource;

/**
 * Finds an AnnData file's spot coordinates, in the order of the reference package's loader (docs/algorithm.md §15):
 * {@code obsm/spatial}, then {@code obsm/X_spatial}, then the {@code obs} columns {@code x},{@code y}, then {@code
 * array_row},{@code array_col}; or {@code obsm/<key>} when a key is given. An {@code obsm} matrix is read in row
 * slices; {@code obs} columns are read whole (two doubles per spot).
 */
final class AnnDataCoordinates {
    private AnnDataCoordinates() {
    }

    /**
     * The coordinates, or empty when none of the places holds them.
     *
     * @param key an explicit {@code obsm} key, or null for the default lookup
     * @throws H5FormatException if an explicit key is missing, or a coordinate matrix has the wrong shape
     */
    static Optional<CountSource.Coordinates> find(H5File file, AnnDataFrame obs, String key)
            throws H5FormatException {
        if (key != null) {
            Optional<Node> node = file.find("obsm/" + key);
            if (node.isEmpty()) {
                throw new H5FormatException(file.path(), "obsm/" + key, "missing (the spatial key given)");
            }
            return Optional.of(matrix(file, "obsm/" + key, obs.length()));
        }
        for (String name : new String[] {"obsm/spatial", "obsm/X_spatial"}) {
            if (file.find(name).filter(n -> n instanceof Dataset).isPresent()) {
                return Optional.of(matrix(file, name, obs.length()));
            }
        }
        String[][] pairs = {{"x", "y"}, {"array_row", "array_col"}};
        for (String[] pair : pairs) {
            if (obs.has(pair[0]) && obs.has(pair[1])) {
                return Optional.of(columns(obs.numbers(pair[0]), obs.numbers(pair[1])));
            }
        }
        return Optional.empty();
    }

    private static CountSource.Coordinates matrix(H5File file, String path, int spots) throws H5FormatException {
        NumericArray m = file.numeric(path, "spot coordinates");
        long[] shape = m.shape();
        if (shape.length != 2 || shape[0] != spots || shape[1] < 1 || shape[1] > 3) {
            throw new H5FormatException(file.path(), path, "expected " + spots + " x 2 (or 3) coordinates, found "
                    + Arrays.toString(shape));
        }
        int dim = (int) shape[1];
        return CountSource.Coordinates.of(dim, m::readRows);
    }

    private static CountSource.Coordinates columns(double[] first, double[] second) {
        return CountSource.Coordinates.of(2, (from, count, out) -> {
            for (int i = 0; i < count; i++) {
                out[2 * i] = first[(int) from + i];
                out[2 * i + 1] = second[(int) from + i];
            }
        });
    }
}
