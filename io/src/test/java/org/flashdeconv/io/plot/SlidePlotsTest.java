package org.flashdeconv.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlidePlotsTest {
    private static final List<String> AB = List.of("A", "B");
    private static final double[] LEVELS = {0, 0.5, 1};

    /** 3 x 3 lattice, spacing 10: A = 0, 0.5, 1 along each row, B = 1 - A; spot 4 (the centre) has no result. */
    private static ArrayTable lattice() {
        return ArrayTable.square(3, 3, 10, AB, i -> i == 4 ? new double[]{Double.NaN, Double.NaN}
                : new double[]{LEVELS[i % 3], 1 - LEVELS[i % 3]});
    }

    private static final ArrayTable LATTICE = lattice();

    /** {@link #lattice()} rasterised with these {@link PlotOptions}. */
    private static SlidePlots.Rendering renderLattice(int width, List<String> types, boolean fixedScale, String title)
            throws IOException {
        return SlidePlots.rasterise(LATTICE, new PlotOptions(width, types, fixedScale, title));
    }

    private static int rgb(BufferedImage image, double x, double y) {
        return image.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xFFFFFF;
    }

    /** The colour at the centre of the spot at ({@code x}, {@code y}) in the map at ({@code left}, {@code top}). */
    private static int colourAt(BufferedImage image, double left, double top, MapTransform map, double x, double y) {
        return rgb(image, left + map.px(x), top + map.py(y));
    }

    @Test
    void spotCentresShowTheColourOfTheirProportion() throws IOException {
        SlidePlots.Rendering r = renderLattice(800, List.of(), true, "test");
        BufferedImage grid = r.grid().draw(9);
        assertEquals(800, grid.getWidth());
        assertEquals(r.grid().height, grid.getHeight());
        MapTransform map = r.grid().map;
        assertTrue(map.side() > 20, "spots are several pixels wide, found " + map.side());
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < 9; i++) {
                int expected = i == 4 ? Palette.MISSING : Viridis.rgb(t == 0 ? LEVELS[i % 3] : 1 - LEVELS[i % 3]);
                int got = colourAt(grid, r.grid().mapLeft(t), r.grid().mapTop(t), map, LATTICE.x()[i], LATTICE.y()[i]);
                assertEquals(Integer.toHexString(expected), Integer.toHexString(got),
                        "panel " + t + " spot " + i);
            }
        }
        assertEquals(0x440154, Viridis.rgb(0));
        assertEquals(0xFDE725, Viridis.rgb(1));
    }

    @Test
    void dominantMapUsesTheTypeColoursAndGreyForNoResult() throws IOException {
        SlidePlots.Rendering r = renderLattice(900, List.of(), false, "");
        BufferedImage image = r.dominant().draw(9);
        assertEquals(900, image.getWidth());
        MapTransform map = r.dominant().map;
        for (int i = 0; i < 9; i++) {
            // A wins at 1; at 0.5 the tie goes to the earlier type (A); B wins at 0
            int expected = i == 4 ? Palette.MISSING : Palette.color(i % 3 == 0 ? 1 : 0);
            int got = colourAt(image, r.dominant().mapLeft(), r.dominant().mapTop(), map, LATTICE.x()[i],
                    LATTICE.y()[i]);
            assertEquals(Integer.toHexString(expected), Integer.toHexString(got), "spot " + i);
        }
        assertEquals(0xFFFFFF, rgb(image, image.getWidth() - 2, image.getHeight() - 2), "white background");
    }

    @Test
    void typeFilterDrawsOnlyTheRequestedPanelsInOrder() throws IOException {
        SlidePlots.Rendering all = renderLattice(800, List.of(), true, "");
        SlidePlots.Rendering onlyB = renderLattice(800, List.of("B"), true, "");
        BufferedImage image = onlyB.grid().draw(9);
        MapTransform map = onlyB.grid().map;
        assertTrue(map.width > all.grid().map.width, "one panel gets the whole width");
        int spot2 = colourAt(image, onlyB.grid().mapLeft(0), onlyB.grid().mapTop(0), map, LATTICE.x()[2],
                LATTICE.y()[2]);
        assertEquals(Viridis.rgb(0.0), spot2, "spot 2 has B = 0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderLattice(800, List.of("C"), true, ""));
        assertTrue(e.getMessage().contains("'C'") && e.getMessage().contains("A, B"), e.getMessage());
    }

    @Test
    void perPanelScaleRoundsTheMaximumUpToATenth() throws IOException {
        ArrayTable table = ArrayTable.square(4, 4, 1, AB, i -> new double[]{0.37 * (i % 2), 1 - 0.37 * (i % 2)});
        SlidePlots.Rendering r = SlidePlots.rasterise(table, new PlotOptions(800, List.of(), false, ""));
        assertEquals(0.4, r.grid().scaleMax(0), 1e-12);
        assertEquals(1.0, r.grid().scaleMax(1), 1e-12);
        BufferedImage image = r.grid().draw(16);
        MapTransform map = r.grid().map;
        assertEquals(Viridis.rgb(0.37 / 0.4), colourAt(image, r.grid().mapLeft(0), r.grid().mapTop(0), map, 1, 0));
    }

    @Test
    void spotsSmallerThanAPixelAreAveraged() throws IOException {
        // 3000 x 50 bins in an 800-pixel-wide figure: several bins per pixel, A alternating 0 / 1 by column
        ArrayTable table = ArrayTable.square(3000, 50, 2, AB, i -> new double[]{i % 2, 1 - i % 2});
        SlidePlots.Rendering r = SlidePlots.rasterise(table, new PlotOptions(800, List.of("A"), true, ""));
        assertTrue(r.grid().map.side() < 0.5, "sub-pixel bins, found " + r.grid().map.side());
        BufferedImage image = r.grid().draw(150_000);
        MapTransform map = r.grid().map;
        for (int x = 0; x < map.width; x += 37) {
            int c = rgb(image, r.grid().mapLeft(0) + x, r.grid().mapTop(0) + map.height / 2.0);
            int level = -1;
            for (int t = 0; t < 256; t++) {
                level = Viridis.rgb(t / 255.0) == c ? t : level;
            }
            assertTrue(level >= 0.3 * 255 && level <= 0.7 * 255, "pixel " + x + " mixes 0 and 1: " + level);
        }
    }

    @Test
    void hexagonalSlidesAreDrawnAsDiscsAndWrittenAsPng(@TempDir Path dir) throws IOException {
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            int row = i / 20;
            x[i] = (i % 20) * 100.0 + (row % 2) * 50.0;
            y[i] = row * 100.0 * Math.sqrt(3) / 2;
            p[i] = new double[]{0.25, 0.75};
        }
        ArrayTable table = new ArrayTable(AB, x, y, p);
        SlideGeometry g = SlideGeometry.measure(table);
        assertFalse(g.square());
        assertEquals(100.0, g.spacing(), 1e-9);
        Path a = dir.resolve("proportions.png");
        Path b = dir.resolve("dominant.png");
        SlidePlots.write(table, new PlotOptions(1000, List.of(), true, "hex"), a, b);
        BufferedImage read = ImageIO.read(a.toFile());
        assertEquals(1000, read.getWidth());
        assertEquals(1000, ImageIO.read(b.toFile()).getWidth());
        SlidePlots.Rendering r = SlidePlots.rasterise(table, new PlotOptions(1000, List.of(), true, "hex"));
        MapTransform map = r.grid().map;
        assertEquals(Viridis.rgb(0.25), colourAt(read, r.grid().mapLeft(0), r.grid().mapTop(0), map, x[0], y[0]),
                "disc centre");
        // a corner of the map between discs of the first row and the edge stays white
        assertEquals(0xFFFFFF, rgb(read, r.grid().mapLeft(0), r.grid().mapTop(0)));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void geometryFindsTheSquareLatticeSpacing() throws IOException {
        SlideGeometry g = SlideGeometry.measure(ArrayTable.square(300, 200, 8, AB, i -> new double[]{1, 0}));
        assertTrue(g.square());
        assertEquals(8.0, g.spacing(), 0.0);
        assertEquals(60_000, g.spots());
        assertEquals(299 * 8.0, g.maxX(), 0.0);
        SlideGeometry one = SlideGeometry.measure(ArrayTable.square(1, 1, 8, AB, i -> new double[]{1, 0}));
        assertEquals(1.0, one.spacing(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new PlotOptions(100, List.of(), true, ""));
    }
}
