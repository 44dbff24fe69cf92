package org.flashdeconv.engine.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ZeroedArrays;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Symmetrises directed k-nearest-neighbour lists by union (docs/algorithm.md §7.1 step 3) into a CSR.
 *
 * <p>Row i of the result is out(i) ∪ extra(i), where extra(i) holds the j with i ∈ out(j) but j ∉ out(i): the two
 * are disjoint, so deg_i = k + |extra(i)| and the allocation is exact without a dedupe pass. Three parallel passes:
 * count the one-way entries per target (atomic increments), fill the extra lists (atomic cursors, any order), then
 * sort each extra list and merge it with out(i) into the result. Only prefix sums run on the caller's thread. Each
 * row's content is a set, sorted before it is written, so the result does not depend on the thread count.
 */
final class KnnUnion {
    private static final long BLOCK = GraphBuilder.BLOCK;
    private static final VarHandle INT = Layouts.I32.arrayElementVarHandle();

    private KnnUnion() {
    }

    /**
     * Builds the union graph of the directed lists {@code out} (i32[spots * k], row i = the k out-neighbours of i,
     * ascending; spots * k below 2^31). Scratch goes into {@code scratch} (shared); the result into {@code arena}.
     */
    static SpatialGraph union(MemorySegment out, long spots, int k, Arena arena, Arena scratch, BlockExecutor ex) {
        MemorySegment degree = ZeroedArrays.allocate(scratch, Layouts.I32, spots);
        ex.forEachBlock(spots, BLOCK, (b, s, e) -> {
            for (long i = s; i < e; i++) {
                for (long t = i * k; t < (i + 1) * k; t++) {
                    long j = out.getAtIndex(Layouts.I32, t);
                    if (!contains(out, j * k, (j + 1) * k, (int) i)) {
                        INT.getAndAdd(degree, 0L, j, 1);
                    }
                }
            }
        });
        MemorySegment extraPtr = ZeroedArrays.allocate(scratch, Layouts.I32, spots + 1);
        int run = 0;
        for (long i = 0; i < spots; i++) {
            extraPtr.setAtIndex(Layouts.I32, i, run);
            run += degree.getAtIndex(Layouts.I32, i);
            degree.setAtIndex(Layouts.I32, i, k);
        }
        extraPtr.setAtIndex(Layouts.I32, spots, run);
        MemorySegment extra = ZeroedArrays.allocate(scratch, Layouts.I32, Math.max(1, run));
        // degree[j] now counts up from k as the cursor of j's extra list, ending at k + |extra(j)|.
        ex.forEachBlock(spots, BLOCK, (b, s, e) -> {
            for (long i = s; i < e; i++) {
                for (long t = i * k; t < (i + 1) * k; t++) {
                    long j = out.getAtIndex(Layouts.I32, t);
                    if (!contains(out, j * k, (j + 1) * k, (int) i)) {
                        int slot = (int) INT.getAndAdd(degree, 0L, j, 1) - k;
                        extra.setAtIndex(Layouts.I32, extraPtr.getAtIndex(Layouts.I32, j) + slot, (int) i);
                    }
                }
            }
        });
        GraphOutput result = GraphOutput.fromDegrees(degree, spots, arena, scratch, ex);
        ex.forEachBlock(spots, BLOCK, (b, s, e) -> {
            int[] buf = new int[16];
            for (long i = s; i < e; i++) {
                long from = extraPtr.getAtIndex(Layouts.I32, i);
                long to = extraPtr.getAtIndex(Layouts.I32, i + 1);
                buf = sort(extra, from, to, buf);
                merge(out, i * k, (i + 1) * k, extra, from, to, result.neighbors(), result.rowStart(i));
            }
        });
        return result.finish();
    }

    /** True if the ascending run {@code [from, to)} of {@code seg} holds {@code value}. */
    private static boolean contains(MemorySegment seg, long from, long to, int value) {
        long lo = from;
        long hi = to;
        while (hi - lo > 8) {
            long mid = (lo + hi) >>> 1;
            if (seg.getAtIndex(Layouts.I32, mid) < value) {
                lo = mid + 1;
            } else {
                hi = mid + 1;
            }
        }
        for (long t = lo; t < hi; t++) {
            int v = seg.getAtIndex(Layouts.I32, t);
            if (v >= value) {
                return v == value;
            }
        }
        return false;
    }

    /** Sorts {@code seg[from, to)} ascending (via {@code buf}, grown if needed); returns the buffer. */
    private static int[] sort(MemorySegment seg, long from, long to, int[] buf) {
        int n = (int) (to - from);
        if (n < 2) {
            return buf;
        }
        int[] b = buf.length >= n ? buf : new int[Math.max(n, 2 * buf.length)];
        MemorySegment.copy(seg, Layouts.I32, from * Integer.BYTES, b, 0, n);
        Arrays.sort(b, 0, n);
        MemorySegment.copy(b, 0, seg, Layouts.I32, from * Integer.BYTES, n);
        return b;
    }

    /** Merges two disjoint ascending runs into {@code dst} from position {@code at}. */
    private static void merge(MemorySegment a, long a0, long a1, MemorySegment b, long b0, long b1,
            MemorySegment dst, long at) {
        long i = a0;
        long j = b0;
        for (long w = at; i < a1 || j < b1; w++) {
            int va = i < a1 ? a.getAtIndex(Layouts.I32, i) : Integer.MAX_VALUE;
            int vb = j < b1 ? b.getAtIndex(Layouts.I32, j) : Integer.MAX_VALUE;
            if (va < vb) {
                dst.setAtIndex(Layouts.I32, w, va);
                i++;
            } else {
                dst.setAtIndex(Layouts.I32, w, vb);
                j++;
            }
        }
    }
}
