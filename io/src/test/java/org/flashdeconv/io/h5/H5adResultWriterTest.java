package org.flashdeconv.io.h5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H5adResultWriterTest {
    private static final int N = 7;
    private static final List<String> TYPES = List.of("B cell", "Macrophage", "T cell");

    static H5adResultWriter.Content content(Arena arena, double[][] p) {
        MemorySegment seg = arena.allocate((long) N * TYPES.size() * Double.BYTES, 8);
        MemorySegment xy = arena.allocate((long) N * 2 * Double.BYTES, 8);
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < TYPES.size(); k++) {
                seg.setAtIndex(Layouts.F64, (long) i * TYPES.size() + k, p[i][k]);
            }
            xy.setAtIndex(Layouts.F64, 2L * i, 10.0 * i);
            xy.setAtIndex(Layouts.F64, 2L * i + 1, -0.5 * i);
        }
        List<String> spots = java.util.stream.IntStream.range(0, N).mapToObj(i -> "spot-" + i).toList();
        return new H5adResultWriter.Content(spots, TYPES, seg, new CoordsView(N, 2, xy),
                Map.of("sketch_dim", 512, "lambda_used", 1234.5, "preprocess", "log_cpm", "converged", true));
    }

    static double[][] proportions() {
        Random rnd = new Random(11);
        double[][] p = new double[N][TYPES.size()];
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int k = 0; k < p[i].length; k++) {
                p[i][k] = rnd.nextDouble();
                sum += p[i][k];
            }
            for (int k = 0; k < p[i].length; k++) {
                p[i][k] /= sum;
            }
        }
        p[3] = new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}; // a tie: the first type is dominant
        return p;
    }

    @Test
    void writesAnAnnDataLayoutThatReadsBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("result.h5ad");
        double[][] p = proportions();
        try (Arena arena = Arena.ofConfined()) {
            H5adResultWriter.write(out, content(arena, p));
        }
        try (HdfFile f = new HdfFile(out)) {
            assertEquals("anndata", f.getAttribute("encoding-type").getData());
            assertArrayEquals(p, (double[][]) f.getDatasetByPath("obsm/flashdeconv").getData());
            double[][] xy = (double[][]) f.getDatasetByPath("obsm/spatial").getData();
            assertArrayEquals(new double[] {60.0, -3.0}, xy[6]);
            assertArrayEquals(TYPES.toArray(), (String[]) f.getDatasetByPath("var/_index").getData());
            assertArrayEquals(TYPES.toArray(), (String[]) f.getDatasetByPath("uns/flashdeconv_cell_types").getData());
            assertEquals("spot-6", ((String[]) f.getDatasetByPath("obs/_index").getData())[6]);
            Dataset codes = f.getDatasetByPath("obs/flashdeconv_dominant/codes");
            int[] c = (int[]) codes.getData();
            for (int i = 0; i < N; i++) {
                int best = 0;
                for (int k = 1; k < 3; k++) {
                    best = p[i][k] > p[i][best] ? k : best;
                }
                assertEquals(best, c[i], "spot " + i);
            }
            assertEquals(0, c[3]);
            assertEquals("categorical", f.getByPath("obs/flashdeconv_dominant").getAttribute("encoding-type").getData());
            // h5py's bool (an enum FALSE/TRUE over int8), which anndata 0.8 requires for "ordered"
            assertEquals("FALSE", f.getByPath("obs/flashdeconv_dominant").getAttribute("ordered").getData());
            assertEquals(512L, ((Number) f.getDatasetByPath("uns/flashdeconv_params/sketch_dim").getData())
                    .longValue());
            assertEquals("log_cpm", f.getDatasetByPath("uns/flashdeconv_params/preprocess").getData());
            assertEquals(1, ((Number) f.getDatasetByPath("uns/flashdeconv_params/converged").getData()).intValue());
        }
        try (H5File f = H5File.open(out)) {
            AnnDataFrame obs = AnnDataFrame.open(f, "obs");
            assertEquals("spot-0", obs.index()[0]);
            assertEquals("B cell", obs.strings("flashdeconv_dominant")[3]);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left");
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        try (Arena arena = Arena.ofConfined()) {
            H5adResultWriter.Content ok = content(arena, proportions());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new H5adResultWriter.Content(ok.spotNames().subList(0, 5), ok.cellTypes(), ok.proportions(),
                            null, Map.of()));
            assertTrue(e.getMessage().contains("proportions of 5 spots x 3 types need 120 bytes, found 168"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> new H5adResultWriter.Content(ok.spotNames(),
                    List.of("A", "A", "B"), ok.proportions(), null, Map.of()));
            assertTrue(e.getMessage().contains("'A' appears twice"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> new H5adResultWriter.Content(ok.spotNames(),
                    ok.cellTypes(), ok.proportions(), null, Map.of("x", List.of())));
            assertTrue(e.getMessage().contains("parameter x must be a string, number or boolean"), e.getMessage());
            assertFalse(e.getMessage().isEmpty());
        }
    }
}
