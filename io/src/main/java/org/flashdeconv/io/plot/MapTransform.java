package org.flashdeconv.io.plot;

import java.util.Arrays;

/**
 * Places a slide in a map of {@code width x height} pixels, keeping its aspect ratio (y grows downwards, as in
 * tissue images), and turns a spot into the pixels it covers: a square of side {@code spacing} (square lattices,
 * so neighbouring bins tile without gaps or overlaps) or a disc of diameter {@code spacing}; at least the one
 * pixel holding the spot's centre. Not thread-safe (reuses its pixel list).
 */
final class MapTransform {
    final int width;
    final int height;
    private final double minX;
    private final double minY;
    private final double scale;
    private final double side;
    private final double halfSpacing;
    private final boolean square;
    private final int[] discDx;
    private final int[] discDy;
    private int[] pixels = new int[64];

    private MapTransform(SlideGeometry g, int width, int height, double scale) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.side = g.spacing() * scale;
        this.halfSpacing = g.spacing() / 2;
        this.square = g.square();
        this.minX = g.minX() - g.spacing() / 2;
        this.minY = g.minY() - g.spacing() / 2;
        int r = (int) Math.floor(side / 2);
        int[] dx = new int[(2 * r + 1) * (2 * r + 1)];
        int[] dy = new int[dx.length];
        int n = 0;
        double r2 = (side / 2) * (side / 2);
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                if (x * x + y * y <= r2 || (x == 0 && y == 0)) {
                    dx[n] = x;
                    dy[n] = y;
                    n++;
                }
            }
        }
        discDx = Arrays.copyOf(dx, n);
        discDy = Arrays.copyOf(dy, n);
    }

    /** The largest map that fits in {@code maxWidth x maxHeight} pixels with the slide's aspect ratio. */
    static MapTransform fit(SlideGeometry g, int maxWidth, int maxHeight) {
        double w = g.maxX() - g.minX() + g.spacing();
        double h = g.maxY() - g.minY() + g.spacing();
        double scale = Math.min(maxWidth / w, maxHeight / h);
        int width = Math.max(1, Math.min(maxWidth, (int) Math.ceil(w * scale)));
        int height = Math.max(1, Math.min(maxHeight, (int) Math.ceil(h * scale)));
        return new MapTransform(g, width, height, scale);
    }

    /** Height over width of the slide, including half a spot on each side. */
    static double aspect(SlideGeometry g) {
        return (g.maxY() - g.minY() + g.spacing()) / (g.maxX() - g.minX() + g.spacing());
    }

    /** Pixel column of position {@code x} (fractional). */
    double px(double x) {
        return (x - minX) * scale;
    }

    /** Pixel row of position {@code y} (fractional). */
    double py(double y) {
        return (y - minY) * scale;
    }

    /** Spot size in pixels. */
    double side() {
        return side;
    }

    /** The pixel indices ({@code row * width + column}) the spot covers; valid until the next call. */
    int[] pixels() {
        return pixels;
    }

    /**
     * Finds the pixels the spot at (x, y) covers.
     *
     * @return how many indices {@link #pixels()} holds (0 for a non-finite position)
     */
    int stamp(double x, double y) {
        double cx = px(x);
        double cy = py(y);
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            return 0;
        }
        return square ? stampSquare(x, y, cx, cy) : stampDisc(cx, cy);
    }

    /**
     * Covers the pixels whose centres lie in the bin. The edges are computed from the bin's edges in slide units,
     * so two neighbours on an exact lattice share the very same edge value and tile without gaps even when an edge
     * falls exactly half-way between two pixel centres.
     */
    private int stampSquare(double x, double y, double cx, double cy) {
        int x0 = (int) Math.floor(px(x - halfSpacing) + 0.5);
        int x1 = (int) Math.floor(px(x + halfSpacing) + 0.5);
        int y0 = (int) Math.floor(py(y - halfSpacing) + 0.5);
        int y1 = (int) Math.floor(py(y + halfSpacing) + 0.5);
        if (x1 <= x0) {
            x0 = (int) Math.floor(cx);
            x1 = x0 + 1;
        }
        if (y1 <= y0) {
            y0 = (int) Math.floor(cy);
            y1 = y0 + 1;
        }
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(width, x1);
        y1 = Math.min(height, y1);
        int n = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        ensure(n);
        int k = 0;
        for (int row = y0; row < y1; row++) {
            for (int column = x0; column < x1; column++) {
                pixels[k++] = row * width + column;
            }
        }
        return k;
    }

    private int stampDisc(double cx, double cy) {
        int ix = (int) Math.floor(cx);
        int iy = (int) Math.floor(cy);
        ensure(discDx.length);
        int k = 0;
        for (int i = 0; i < discDx.length; i++) {
            int x = ix + discDx[i];
            int y = iy + discDy[i];
            if (x >= 0 && x < width && y >= 0 && y < height) {
                pixels[k++] = y * width + x;
            }
        }
        return k;
    }

    private void ensure(int n) {
        if (n > pixels.length) {
            pixels = new int[Math.max(n, pixels.length * 2)];
        }
    }
}
