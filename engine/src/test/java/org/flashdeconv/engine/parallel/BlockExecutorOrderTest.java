package org.flashdeconv.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class BlockExecutorOrderTest {

    @Test
    void handsEveryBlockOnInOrderForAnyThreadCount() {
        for (int threads = 1; threads <= 3; threads++) {
            for (long n : new long[] {0, 1, 9, 10, 11, 1003}) {
                try (BlockExecutor ex = new BlockExecutor(threads)) {
                    List<long[]> seen = new ArrayList<>();
                    ex.forEachBlockInOrder(n, 10, 3, (slot, b, s, e) -> new long[] {b, s, e, slot},
                            (b, r) -> {
                                assertEquals(b, r[0]);
                                seen.add(r);
                            });
                    assertEquals(BlockExecutor.blockCount(n, 10), seen.size(), "n=" + n);
                    long next = 0;
                    for (long[] r : seen) {
                        assertEquals(next, r[1]);
                        assertEquals(Math.min(n, next + 10), r[2]);
                        assertEquals(r[0] % 3, r[3]);
                        next = r[2];
                    }
                    assertEquals(n, next);
                }
            }
        }
    }

    @Test
    void aSlotIsNotReusedBeforeItsBlockWasHandedOn() {
        try (BlockExecutor ex = new BlockExecutor(3)) {
            int ahead = 4;
            AtomicIntegerArray busy = new AtomicIntegerArray(ahead);
            AtomicInteger clashes = new AtomicInteger();
            ex.forEachBlockInOrder(5_000, 7, ahead, (slot, b, s, e) -> {
                if (busy.getAndIncrement(slot) != 0) {
                    clashes.incrementAndGet();
                }
                Thread.onSpinWait();
                return slot;
            }, (b, slot) -> {
                Thread.yield(); // a slow writer: the workers run ahead
                busy.decrementAndGet(slot);
            });
            assertEquals(0, clashes.get());
            for (int s = 0; s < ahead; s++) {
                assertEquals(0, busy.get(s));
            }
        }
    }

    @Test
    void aTaskFailureReachesTheCallerAndStopsTheSink() {
        try (BlockExecutor ex = new BlockExecutor(2)) {
            AtomicInteger handed = new AtomicInteger();
            IllegalStateException boom = new IllegalStateException("block 5");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ex.forEachBlockInOrder(100, 1, 4, (slot, b, s, end) -> {
                        if (b == 5) {
                            throw boom;
                        }
                        return b;
                    }, (b, r) -> handed.incrementAndGet()));
            assertSame(boom, e);
            assertEquals(5, handed.get());
        }
    }

    @Test
    void aSinkFailureReachesTheCallerWithItsType() {
        try (BlockExecutor ex = new BlockExecutor(2)) {
            AtomicInteger run = new AtomicInteger();
            IOException e = assertThrows(IOException.class,
                    () -> ex.forEachBlockInOrder(1000, 1, 4, (slot, b, s, end) -> run.incrementAndGet(), (b, r) -> {
                        if (b == 3) {
                            throw new IOException("disk full");
                        }
                    }));
            assertEquals("disk full", e.getMessage());
            assertTrue(run.get() <= 3 + 1 + 4, "blocks run after the failure: " + run.get());
        }
    }

    @Test
    void rejectsBadArguments() {
        try (BlockExecutor ex = new BlockExecutor(2)) {
            assertThrows(IllegalArgumentException.class,
                    () -> ex.forEachBlockInOrder(10, 1, 0, (slot, b, s, e) -> b, (b, r) -> { }));
            assertThrows(IllegalArgumentException.class,
                    () -> ex.forEachBlockInOrder(-1, 1, 2, (slot, b, s, e) -> b, (b, r) -> { }));
        }
    }
}
