package org.flashdeconv.engine.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.flashdeconv.engine.SpotStatus;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void rowsAreNonNegativeAndSumToOneOrAreNaNForSpotsWithoutAResult() {
        int n = 20000;
        int k = 5;
        Random rnd = new Random(1);
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(2)) {
            MemorySegment beta = arena.allocate(Layouts.F64, (long) n * k);
            MemorySegment flags = arena.allocate(ValueLayout.JAVA_BYTE, n);
            for (long c = 0; c < (long) n * k; c++) {
                beta.setAtIndex(Layouts.F64, c, rnd.nextDouble() < 0.5 ? 0 : rnd.nextDouble() * 3);
            }
            for (int i = 0; i < n; i += 97) {
                flags.set(ValueLayout.JAVA_BYTE, i, (byte) 1);
            }
            for (int k2 = 0; k2 < k; k2++) {
                beta.setAtIndex(Layouts.F64, 5L * k + k2, 0); // spot 5: all-zero beta, has counts
            }
            MemorySegment prop = arena.allocate(Layouts.F64, (long) n * k);
            MemorySegment dom = arena.allocate(Layouts.I32, n);
            MemorySegment status = arena.allocate(ValueLayout.JAVA_BYTE, n);
            Proportions.compute(beta, n, k, flags, prop, dom, status, ex);
            for (int i = 0; i < n; i++) {
                double rowSum = 0;
                for (int t = 0; t < k; t++) {
                    rowSum += beta.getAtIndex(Layouts.F64, (long) i * k + t);
                }
                boolean noFit = i % 97 != 0 && rowSum == 0;
                if (i % 97 == 0 || noFit) {
                    for (int t = 0; t < k; t++) {
                        assertTrue(Double.isNaN(prop.getAtIndex(Layouts.F64, (long) i * k + t)));
                    }
                    assertEquals(Proportions.NO_DOMINANT, dom.getAtIndex(Layouts.I32, i));
                    assertEquals(noFit ? SpotStatus.NO_FIT : SpotStatus.NO_COUNTS,
                            SpotStatus.of(status.get(ValueLayout.JAVA_BYTE, i)));
                    continue;
                }
                assertEquals(SpotStatus.OK, SpotStatus.of(status.get(ValueLayout.JAVA_BYTE, i)));
                double sum = 0;
                double best = -1;
                int arg = -1;
                for (int t = 0; t < k; t++) {
                    double v = prop.getAtIndex(Layouts.F64, (long) i * k + t);
                    assertTrue(v >= 0);
                    sum += v;
                    if (v > best) {
                        best = v;
                        arg = t;
                    }
                }
                assertEquals(1.0, sum, 1e-14);
                assertEquals(arg, dom.getAtIndex(Layouts.I32, i));
            }
        }
    }

    @Test
    void tiesGoToTheFirstIndexAndTinyRowsUseTheFloor() {
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            MemorySegment beta = arena.allocateFrom(Layouts.F64, 0.1, 0.3, 0.3, 1e-12, 0, 3e-12);
            MemorySegment prop = arena.allocate(Layouts.F64, 6);
            MemorySegment dom = arena.allocate(Layouts.I32, 2);
            Proportions.compute(beta, 2, 3, null, prop, dom, arena.allocate(2), ex);
            assertEquals(1, dom.getAtIndex(Layouts.I32, 0));
            assertEquals(0.3 / 0.7, prop.getAtIndex(Layouts.F64, 1), 0.0);
            assertEquals(1e-12 / 1e-10, prop.getAtIndex(Layouts.F64, 3), 0.0);
            assertEquals(2, dom.getAtIndex(Layouts.I32, 1));
        }
    }

    @Test
    void noRowIsEverMadeUpWhateverTheFlags() {
        // all-zero rows without a no-counts flag (null flags, or flags all zero): no_fit, never 1/K
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            MemorySegment beta = arena.allocateFrom(Layouts.F64, 0, 0, 0, 0, 2, 0, -0.0, 0, 0);
            MemorySegment prop = arena.allocate(Layouts.F64, 9);
            MemorySegment dom = arena.allocate(Layouts.I32, 3);
            MemorySegment status = arena.allocate(3);
            for (MemorySegment flags : new MemorySegment[] {null, arena.allocate(3)}) {
                Proportions.compute(beta, 3, 3, flags, prop, dom, status, ex);
                assertEquals(SpotStatus.NO_FIT, SpotStatus.of(status.get(ValueLayout.JAVA_BYTE, 0)));
                assertEquals(SpotStatus.OK, SpotStatus.of(status.get(ValueLayout.JAVA_BYTE, 1)));
                assertEquals(SpotStatus.NO_FIT, SpotStatus.of(status.get(ValueLayout.JAVA_BYTE, 2)));
                assertEquals(Proportions.NO_DOMINANT, dom.getAtIndex(Layouts.I32, 0));
                assertEquals(1, dom.getAtIndex(Layouts.I32, 1));
                assertEquals(Proportions.NO_DOMINANT, dom.getAtIndex(Layouts.I32, 2));
                assertTrue(Double.isNaN(prop.getAtIndex(Layouts.F64, 8)));
                assertEquals(1.0, prop.getAtIndex(Layouts.F64, 4), 0.0);
            }
        }
    }
}
