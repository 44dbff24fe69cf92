package org.flashdeconv.engine.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Symmetrises directed k-nearest-neighbour lists by union (ALGORITHM §7.1 step 3) into a CSR.
 *
 * <p>Row i of the result is out(i) ∪ in(i). The in-lists are built as a CSR by a counting pass (in-degrees, prefix
 * sums, then a fill in ascending source order, so every in-row comes out ascending; these two O(N·k) sweeps run on
 * the caller's thread, cheaper than atomics). A parallel merge pass counts the distinct neighbours of every row
 * (exact allocation) and a second one writes them. Each row is computed on its own, so the result does not depend
 * on the thread count.
 */
final class KnnUnion {
    private static final long BLOCK = GraphBuilder.BLOCK;

    private KnnUnion() {
    }

    /**
     * Builds the union graph of the directed lists {@code out} (i32[spots * k], row i = the k out-neighbours of i,
     * ascending). Scratch goes into {@code scratch} (shared); the result into {@code arena}.
     */
    static SpatialGraph union(MemorySegment out, long spots, int k, Arena arena, Arena scratch, BlockExecutor ex) {
        MemorySegment inCount = scratch.allocate(Layouts.I32, spots).fill((byte) 0);
        long entries = spots * k;
        for (long t = 0; t < entries; t++) {
            long j = out.getAtIndex(Layouts.I32, t);
            inCount.setAtIndex(Layouts.I32, j, inCount.getAtIndex(Layouts.I32, j) + 1);
        }
        MemorySegment inPtr = scratch.allocate(Layouts.I64, spots + 1);
        long run = 0;
        for (long i = 0; i < spots; i++) {
            inPtr.setAtIndex(Layouts.I64, i, run);
            run += inCount.getAtIndex(Layouts.I32, i);
        }
        inPtr.setAtIndex(Layouts.I64, spots, run);
        // Filling by ascending source leaves every in-row ascending.
        MemorySegment in = scratch.allocate(Layouts.I32, Math.max(1, run));
        inCount.fill((byte) 0);
        for (long i = 0, t = 0; i < spots; i++) {
            for (long end = t + k; t < end; t++) {
                long j = out.getAtIndex(Layouts.I32, t);
                int slot = inCount.getAtIndex(Layouts.I32, j);
                inCount.setAtIndex(Layouts.I32, j, slot + 1);
                in.setAtIndex(Layouts.I32, inPtr.getAtIndex(Layouts.I64, j) + slot, (int) i);
            }
        }
        // Count the distinct union of each row (reusing inCount for the degrees), allocate exactly, then fill.
        ex.forEachBlock(spots, BLOCK, (b, s, e) -> {
            for (long i = s; i < e; i++) {
                inCount.setAtIndex(Layouts.I32, i, merge(out, i * k, (i + 1) * k, in,
                        inPtr.getAtIndex(Layouts.I64, i), inPtr.getAtIndex(Layouts.I64, i + 1), null, 0));
            }
        });
        GraphOutput result = GraphOutput.fromDegrees(inCount, spots, arena, scratch, ex);
        ex.forEachBlock(spots, BLOCK, (b, s, e) -> {
            for (long i = s; i < e; i++) {
                merge(out, i * k, (i + 1) * k, in, inPtr.getAtIndex(Layouts.I64, i),
                        inPtr.getAtIndex(Layouts.I64, i + 1), result.neighbors(), result.rowStart(i));
            }
        });
        return result.finish();
    }

    /**
     * Merges two ascending runs without duplicates, writing to {@code dst} from {@code at} unless it is null;
     * returns the number of distinct values.
     */
    private static int merge(MemorySegment a, long a0, long a1, MemorySegment b, long b0, long b1,
            MemorySegment dst, long at) {
        int n = 0;
        long i = a0;
        long j = b0;
        int last = -1;
        while (i < a1 || j < b1) {
            int va = i < a1 ? a.getAtIndex(Layouts.I32, i) : Integer.MAX_VALUE;
            int vb = j < b1 ? b.getAtIndex(Layouts.I32, j) : Integer.MAX_VALUE;
            int v;
            if (va <= vb) {
                v = va;
                i++;
            } else {
                v = vb;
                j++;
            }
            if (v != last) {
                if (dst != null) {
                    dst.setAtIndex(Layouts.I32, at + n, v);
                }
                n++;
                last = v;
            }
        }
        return n;
    }
}
