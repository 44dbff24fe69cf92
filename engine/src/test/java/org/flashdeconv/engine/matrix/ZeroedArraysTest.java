package org.flashdeconv.engine.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class ZeroedArraysTest {

    @Test
    void arraysOfEverySizeAreZeroedWritableAndOfTheirSize() {
        long[] counts = {0, 1, 7, (1 << 17) - 1, 1 << 17, (1 << 17) + 1, 3_000_001};
        try (Arena arena = Arena.ofShared()) {
            for (long n : counts) {
                MemorySegment s = ZeroedArrays.allocate(arena, Layouts.F64, n);
                assertEquals(n * Double.BYTES, s.byteSize(), "n=" + n);
                assertEquals(0, s.address() % Double.BYTES);
                if (n > 0) {
                    assertEquals(0.0, s.getAtIndex(Layouts.F64, n - 1));
                }
                for (long i = 0; i < n; i += 4093) {
                    assertEquals(0.0, s.getAtIndex(Layouts.F64, i));
                    s.setAtIndex(Layouts.F64, i, i + 0.5);
                    assertEquals(i + 0.5, s.getAtIndex(Layouts.F64, i));
                }
            }
        }
    }

    @Test
    void largeArraysComeFromTheCLibraryWhereNativeAccessIsEnabled() {
        // the tests run with the flags of jvm.args (native access enabled), as the launcher does
        assertTrue(ZeroedArrays.lazy());
    }

    @Test
    void anArrayIsGoneWhenItsArenaCloses() {
        MemorySegment s;
        try (Arena arena = Arena.ofConfined()) {
            s = ZeroedArrays.allocate(arena, Layouts.I32, 1 << 20);
            s.setAtIndex(Layouts.I32, 5, 7);
        }
        MemorySegment gone = s;
        assertThrows(IllegalStateException.class, () -> gone.getAtIndex(Layouts.I32, 5));
        Arena closed = Arena.ofConfined();
        closed.close();
        assertThrows(IllegalStateException.class, () -> ZeroedArrays.allocate(closed, Layouts.I32, 1 << 20));
    }

    @Test
    void alignmentsAboveSixteenBytesAndBadCountsAreHandled() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment page = ZeroedArrays.allocate(arena, 4L << 20, 4096);
            assertEquals(0, page.address() % 4096);
            assertEquals(4L << 20, page.byteSize());
            assertEquals(0, page.get(ValueLayout.JAVA_BYTE, (4L << 20) - 1));
            assertThrows(IllegalArgumentException.class, () -> ZeroedArrays.allocate(arena, Layouts.F64, -1));
            assertThrows(ArithmeticException.class,
                    () -> ZeroedArrays.allocate(arena, Layouts.F64, Long.MAX_VALUE / 4));
        }
    }
}
