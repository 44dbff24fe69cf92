package org.flashdeconv.io.plot;

import java.io.IOException;
import java.util.List;

/** A spot table over arrays, for tests. */
record ArrayTable(List<String> typeNames, double[] x, double[] y, double[][] proportions) implements SpotTable {

    @Override
    public void forEachCoordinate(CoordinateVisitor visitor) throws IOException {
        for (int i = 0; i < x.length; i++) {
            visitor.accept(i, x[i], y[i]);
        }
    }

    @Override
    public void forEachSpot(SpotVisitor visitor) throws IOException {
        double[] row = new double[typeNames.size()];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(proportions[i], 0, row, 0, row.length);
            visitor.accept(i, x[i], y[i], row);
        }
    }

    /** A {@code columns x rows} square lattice with the given spacing; proportions from {@code fill(i)}. */
    static ArrayTable square(int columns, int rows, double spacing, List<String> types,
                             java.util.function.IntFunction<double[]> fill) {
        int n = columns * rows;
        double[] x = new double[n];
        double[] y = new double[n];
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = (i % columns) * spacing;
            y[i] = (i / columns) * spacing;
            p[i] = fill.apply(i);
        }
        return new ArrayTable(types, x, y, p);
    }
}
