package org.flashdeconv.io.plot;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;

/**
 * The spots of an open fit as a {@link SpotTable}: the fit's proportions (NaN rows for spots without counts) at
 * the coordinates it used, read in place from the off-heap arrays; nothing is copied. What a result folder's
 * {@link ResultFolderReader} gives back for the same fit, without writing and re-reading the tables.
 *
 * <p>Both views are the caller's: the table is valid while the fit is open and the coordinates mapped.
 */
public final class FitSpotTable implements SpotTable {
    private final FitResult fit;
    private final CoordsView coords;

    private FitSpotTable(FitResult fit, CoordsView coords) {
        this.fit = fit;
        this.coords = coords;
    }

    /**
     * A table over {@code fit} at {@code coords}.
     *
     * @throws IllegalArgumentException if the coordinates have another spot count or fewer than two columns
     */
    public static FitSpotTable of(FitResult fit, CoordsView coords) {
        if (coords.n() != fit.spots()) {
            throw new IllegalArgumentException("plot: " + coords.n() + " coordinates for " + fit.spots() + " spots");
        }
        if (coords.dim() < 2) {
            throw new IllegalArgumentException("plot: needs x and y coordinates, found " + coords.dim()
                    + " column");
        }
        return new FitSpotTable(fit, coords);
    }

    @Override
    public List<String> typeNames() {
        return fit.cellTypeNames();
    }

    @Override
    public void forEachCoordinate(CoordinateVisitor visitor) throws IOException {
        for (long i = 0; i < coords.n(); i++) {
            visitor.accept(i, coords.get(i, 0), coords.get(i, 1));
        }
    }

    @Override
    public void forEachSpot(SpotVisitor visitor) throws IOException {
        int k = fit.cellTypes();
        double[] row = new double[k];
        MemorySegment p = fit.proportions();
        for (long i = 0; i < coords.n(); i++) {
            MemorySegment.copy(p, Layouts.F64, i * k * Double.BYTES, row, 0, k);
            visitor.accept(i, coords.get(i, 0), coords.get(i, 1), row);
        }
    }
}
