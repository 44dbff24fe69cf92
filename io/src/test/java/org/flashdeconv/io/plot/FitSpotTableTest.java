package org.flashdeconv.io.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flashdeconv.engine.FitResult;
import org.flashdeconv.engine.FlashDeconv;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.io.result.ResultFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plotting an open fit draws exactly what plotting its written result folder draws. */
class FitSpotTableTest {
    @TempDir
    Path dir;

    private static final int SPOTS = 150;
    private static final int GENES = 60;
    private static final List<String> TYPES = List.of("A", "B", "C");

    /** Random counts on a 15 x 10 lattice; spot 7 has no counts (a NaN row). */
    private static double[][][] problem() {
        Random r = new Random(17);
        double[][] counts = new double[SPOTS][GENES];
        double[][] sig = new double[TYPES.size()][GENES];
        double[][] xy = new double[SPOTS][];
        for (int t = 0; t < sig.length; t++) {
            for (int g = 0; g < GENES; g++) {
                sig[t][g] = r.nextInt(20) * (g % 3 == t ? 5 : 1);
            }
        }
        for (int i = 0; i < SPOTS; i++) {
            for (int g = 0; g < GENES && i != 7; g++) {
                counts[i][g] = r.nextInt(4) == 0 ? r.nextInt(30) : 0;
            }
            xy[i] = new double[] {(i % 15) * 100.0, (i / 15) * 100.0};
        }
        return new double[][][] {counts, sig, xy};
    }

    @Test
    void drawsTheSamePixelsAsTheResultFolderOfTheSameFit() throws IOException {
        double[][][] p = problem();
        FlashDeconvOptions o = FlashDeconvOptions.builder().nHvg(30).nMarkersPerType(5).threads(2).build();
        try (FitResult fit = FlashDeconv.fit(p[0], p[1], p[2], TYPES, o);
             Arena arena = Arena.ofConfined();
             BlockExecutor ex = new BlockExecutor(2)) {
            MemorySegment c = arena.allocate(Layouts.F64, 2L * SPOTS);
            for (int i = 0; i < SPOTS; i++) {
                c.setAtIndex(Layouts.F64, 2L * i, p[2][i][0]);
                c.setAtIndex(Layouts.F64, 2L * i + 1, p[2][i][1]);
            }
            CoordsView coords = new CoordsView(SPOTS, 2, c);
            List<String> genes = new ArrayList<>();
            for (int g = 0; g < GENES; g++) {
                genes.add("g" + g);
            }
            ResultFolder.write(dir, fit, i -> "s" + i, coords, genes, "{}", ex);
            FitSpotTable memory = FitSpotTable.of(fit, coords);
            assertEquals(TYPES, memory.typeNames());
            PlotOptions options = PlotOptions.defaults("t");
            SlidePlots.Images fromMemory = SlidePlots.render(memory, options);
            SlidePlots.Images fromFolder = SlidePlots.render(ResultFolderReader.open(dir), options);
            assertSamePixels(fromFolder.proportions(), fromMemory.proportions());
            assertSamePixels(fromFolder.dominant(), fromMemory.dominant());
            double[][] rows = new double[SPOTS][];
            memory.forEachSpot((i, x, y, row) -> rows[(int) i] = row.clone());
            assertTrue(Double.isNaN(rows[7][0]), "a spot without counts has no proportions");
            assertArrayEquals(fit.copyProportions()[3], rows[3]);
        }
    }

    @Test
    void coordinatesMustMatchTheFit() {
        double[][][] p = problem();
        FlashDeconvOptions o = FlashDeconvOptions.builder().nHvg(30).nMarkersPerType(5).threads(1).build();
        try (FitResult fit = FlashDeconv.fit(p[0], p[1], p[2], TYPES, o); Arena arena = Arena.ofConfined()) {
            CoordsView fewer = new CoordsView(SPOTS - 1, 2, arena.allocate(Layouts.F64, 2L * SPOTS));
            assertThrows(IllegalArgumentException.class, () -> FitSpotTable.of(fit, fewer));
            CoordsView line = new CoordsView(SPOTS, 1, arena.allocate(Layouts.F64, SPOTS));
            assertThrows(IllegalArgumentException.class, () -> FitSpotTable.of(fit, line));
        }
    }

    private static void assertSamePixels(BufferedImage want, BufferedImage got) {
        assertEquals(want.getWidth(), got.getWidth());
        assertEquals(want.getHeight(), got.getHeight());
        for (int y = 0; y < want.getHeight(); y++) {
            for (int x = 0; x < want.getWidth(); x++) {
                if (want.getRGB(x, y) != got.getRGB(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " differs");
                }
            }
        }
    }
}
