package org.flashdeconv.io.coords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.h5.H5adSource;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;

/** Two sections of one pixel space (an {@code ad.concat} of two Visium slides), laid apart for the graph. */
class SectionLayoutTest {
    private static CoordsView view(double[] xy, int dim, Arena arena) {
        MemorySegment m = arena.allocate(Layouts.F64, xy.length);
        MemorySegment.copy(xy, 0, m, Layouts.F64, 0, xy.length);
        return new CoordsView(xy.length / dim, dim, m);
    }

    /** The k nearest other spots of {@code i} by brute force (ties by index). */
    private static int[] nearest(CoordsView c, int i, int k) {
        Integer[] order = new Integer[(int) c.n()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int d = Double.compare(dist(c, i, a), dist(c, i, b));
            return d != 0 ? d : Integer.compare(a, b);
        });
        int[] out = new int[k];
        for (int j = 0, m = 0; m < k; j++) {
            if (order[j] != i) {
                out[m++] = order[j];
            }
        }
        return out;
    }

    private static double dist(CoordsView c, int i, int j) {
        double s = 0;
        for (int d = 0; d < c.dim(); d++) {
            s += (c.get(i, d) - c.get(j, d)) * (c.get(i, d) - c.get(j, d));
        }
        return s;
    }

    @Test
    void neighboursStayInTheirSectionOnceLaidApartAndDuplicatesAreFound() throws IOException {
        double[] xy;
        String[] labels;
        try (H5adSource s = H5adSource.open(TestInputs.path("anndata/two_sections.h5ad"), H5adSource.Options.DEFAULT)) {
            xy = new double[60 * 2];
            s.coordinates().orElseThrow().read(0, 60, xy);
            labels = s.obs().strings("library_id");
        }
        SectionLayout layout = SectionLayout.of(labels);
        assertEquals(List.of("section1", "section2"), layout.names());
        assertEquals(30, layout.sizes()[1]);
        try (Arena arena = Arena.ofConfined()) {
            CoordsView raw = view(xy, 2, arena);
            CoordsView apart = layout.separate(raw, arena);
            int crossingBefore = 0;
            for (int i = 0; i < 60; i++) {
                for (int j : nearest(apart, i, 6)) {
                    assertEquals(layout.sectionOf()[i], layout.sectionOf()[j], "spot " + i + " -> " + j);
                }
                for (int j : nearest(raw, i, 6)) {
                    crossingBefore += layout.sectionOf()[i] != layout.sectionOf()[j] ? 1 : 0;
                }
                assertEquals(raw.get(i, 1), apart.get(i, 1));
            }
            assertTrue(crossingBefore >= 60, "every spot's twin in the other section is its nearest: "
                    + crossingBefore);
            // within a section, distances are kept
            assertEquals(dist(raw, 0, 5), dist(apart, 0, 5), 1e-9);

            Optional<DuplicateCoordinates> stacked = DuplicateCoordinates.find(raw, null);
            assertEquals(30, stacked.orElseThrow().spots());
            assertEquals(0, stacked.get().first());
            assertEquals(30, stacked.get().second());
            assertTrue(DuplicateCoordinates.find(raw, layout.sectionOf()).isEmpty());
        }
    }

    @Test
    void duplicatesAreCountedExactlyEvenWhenManySpotsShareAPlace() {
        try (Arena arena = Arena.ofConfined()) {
            double[] xy = new double[2 * 500];
            Random r = new Random(3);
            for (int i = 0; i < 200; i++) {
                xy[2 * i] = r.nextDouble();
                xy[2 * i + 1] = r.nextDouble();
            }
            // 300 spots at the origin, half of them written as -0.0
            for (int i = 200; i < 500; i++) {
                xy[2 * i] = i % 2 == 0 ? 0.0 : -0.0;
            }
            xy[2 * 7] = xy[2 * 3];
            xy[2 * 7 + 1] = xy[2 * 3 + 1];
            DuplicateCoordinates d = DuplicateCoordinates.find(view(xy, 2, arena), null).orElseThrow();
            assertEquals(299 + 1, d.spots());
            assertTrue(DuplicateCoordinates.find(view(java.util.Arrays.copyOf(xy, 14), 2, arena), null).isEmpty());
        }
    }
}
