package org.flashdeconv.io.plot;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The extent of a slide, its spot spacing and lattice, measured in two streaming passes over the coordinates.
 *
 * <p>Pass 1 finds the bounds and keeps a seeded reservoir sample of up to {@value #SAMPLE} spots. Pass 2 finds,
 * for each sampled spot, its six nearest neighbours among all spots through a grid whose cells are twice the
 * spacing a filled bounding box would give (each sampled spot is registered in the 3 x 3 cells around its own, so
 * every spot costs one cell lookup). The spacing is the median nearest-neighbour distance; the lattice is square
 * when the median sampled spot has four neighbours within 15 % of its nearest (Visium HD), otherwise spots are
 * drawn as discs (six on the hexagonal Visium lattice; irregular positions have fewer).
 *
 * @param spots      number of spots
 * @param minX       smallest x
 * @param maxX       largest x
 * @param minY       smallest y
 * @param maxY       largest y
 * @param spacing    centre-to-centre distance of neighbouring spots (1 if there is a single spot)
 * @param square     true for a square lattice (spots drawn as squares), false otherwise (discs)
 */
public record SlideGeometry(long spots, double minX, double maxX, double minY, double maxY, double spacing,
                            boolean square) {
    static final int SAMPLE = 2048;
    private static final int NEIGHBOURS = 6;
    private static final long MAX_CELLS = 1L << 22;

    /**
     * Measures a table's geometry.
     *
     * @throws IOException              as thrown by the table
     * @throws IllegalArgumentException if the table has no spot with finite coordinates
     */
    public static SlideGeometry measure(SpotTable table) throws IOException {
        Sample sample = new Sample();
        table.forEachCoordinate(sample::add);
        if (sample.finite == 0) {
            throw new IllegalArgumentException("no spot with finite coordinates to plot");
        }
        int q = (int) Math.min(SAMPLE, sample.finite);
        double spanX = sample.maxX - sample.minX;
        double spanY = sample.maxY - sample.minY;
        if (sample.finite == 1 || (spanX == 0 && spanY == 0)) {
            return new SlideGeometry(sample.seen, sample.minX, sample.maxX, sample.minY, sample.maxY, 1.0, true);
        }
        double area = Math.max(spanX, 1e-300) * Math.max(spanY, 1e-300);
        if (spanX == 0 || spanY == 0) {
            area = Math.pow(Math.max(spanX, spanY), 2) / sample.finite; // one line of spots
        }
        double cell = 2 * Math.sqrt(area / sample.finite);
        double cells = (spanX / cell + 1) * (spanY / cell + 1);
        if (cells > MAX_CELLS) {
            cell *= Math.sqrt(cells / MAX_CELLS);
        }
        Neighbours nn = new Neighbours(sample, q, cell);
        table.forEachCoordinate(nn::visit);
        return nn.result(sample);
    }

    /** Pass 1: bounds and a reservoir sample. */
    private static final class Sample {
        long seen;
        long finite;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        final long[] spot = new long[SAMPLE];
        final double[] x = new double[SAMPLE];
        final double[] y = new double[SAMPLE];
        private final SplittableRandom rng = new SplittableRandom(0x5A4D1E);

        void add(long s, double px, double py) {
            seen++;
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                return;
            }
            minX = Math.min(minX, px);
            maxX = Math.max(maxX, px);
            minY = Math.min(minY, py);
            maxY = Math.max(maxY, py);
            long slot = finite < SAMPLE ? finite : rng.nextLong(finite + 1);
            finite++;
            if (slot < SAMPLE) {
                spot[(int) slot] = s;
                x[(int) slot] = px;
                y[(int) slot] = py;
            }
        }
    }

    /** Pass 2: the six nearest neighbours of every sampled spot. */
    private static final class Neighbours {
        private final Sample sample;
        private final int q;
        private final double cell;
        private final long columns;
        private final int[] cellStart;
        private final int[] members;
        private final double[] best; // q x NEIGHBOURS squared distances, ascending

        Neighbours(Sample sample, int q, double cell) {
            this.sample = sample;
            this.q = q;
            this.cell = cell;
            this.columns = (long) ((sample.maxX - sample.minX) / cell) + 1;
            long rows = (long) ((sample.maxY - sample.minY) / cell) + 1;
            int n = Math.toIntExact(columns * rows);
            int[] counts = new int[n + 1];
            forEachRegistration(rows, (i, c) -> counts[c + 1]++);
            for (int c = 0; c < n; c++) {
                counts[c + 1] += counts[c];
            }
            cellStart = counts;
            members = new int[counts[n]];
            int[] fill = Arrays.copyOf(counts, n);
            forEachRegistration(rows, (i, c) -> members[fill[c]++] = i);
            best = new double[q * NEIGHBOURS];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
        }

        /** Calls {@code r} for every sampled spot and each of the (up to) 3 x 3 cells around its own. */
        private void forEachRegistration(long rows, Registration r) {
            for (int i = 0; i < q; i++) {
                long cx = cellX(sample.x[i]);
                long cy = cellY(sample.y[i]);
                for (long yy = Math.max(0, cy - 1); yy <= Math.min(rows - 1, cy + 1); yy++) {
                    for (long xx = Math.max(0, cx - 1); xx <= Math.min(columns - 1, cx + 1); xx++) {
                        r.add(i, (int) (yy * columns + xx));
                    }
                }
            }
        }

        @FunctionalInterface
        private interface Registration {
            void add(int sampled, int cell);
        }

        private long cellX(double x) {
            return (long) ((x - sample.minX) / cell);
        }

        private long cellY(double y) {
            return (long) ((y - sample.minY) / cell);
        }

        void visit(long s, double px, double py) {
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                return;
            }
            int c = (int) (cellY(py) * columns + cellX(px));
            for (int m = cellStart[c]; m < cellStart[c + 1]; m++) {
                int i = members[m];
                if (sample.spot[i] == s) {
                    continue;
                }
                double dx = px - sample.x[i];
                double dy = py - sample.y[i];
                double d2 = dx * dx + dy * dy;
                int base = i * NEIGHBOURS;
                if (d2 < best[base + NEIGHBOURS - 1]) {
                    int j = NEIGHBOURS - 1;
                    while (j > 0 && best[base + j - 1] > d2) {
                        best[base + j] = best[base + j - 1];
                        j--;
                    }
                    best[base + j] = d2;
                }
            }
        }

        SlideGeometry result(Sample sample) {
            double[] nearest = new double[q];
            int[] close = new int[q];
            int found = 0;
            for (int i = 0; i < q; i++) {
                double d1 = best[i * NEIGHBOURS];
                if (d1 == Double.POSITIVE_INFINITY || d1 == 0) {
                    continue; // isolated in its cells, or a duplicate position
                }
                int c = 0;
                for (int j = 0; j < NEIGHBOURS; j++) {
                    c += best[i * NEIGHBOURS + j] <= d1 * 1.15 * 1.15 ? 1 : 0;
                }
                nearest[found] = Math.sqrt(d1);
                close[found] = c;
                found++;
            }
            double spacing;
            boolean square;
            if (found == 0) {
                spacing = cell / 2;
                square = true;
            } else {
                Arrays.sort(nearest, 0, found);
                Arrays.sort(close, 0, found);
                spacing = nearest[found / 2];
                square = close[found / 2] == 4;
            }
            return new SlideGeometry(sample.seen, sample.minX, sample.maxX, sample.minY, sample.maxY, spacing, square);
        }
    }
}
