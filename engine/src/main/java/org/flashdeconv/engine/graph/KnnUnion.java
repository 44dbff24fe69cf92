package org.flashdeconv.engine.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Symmetrises directed k-nearest-neighbour lists by union (ALGORITHM §7.1 step 3) into a CSR.
 *
 * <p>Row i of the result is out(i) ∪ extra(i), where extra(i) holds the j with i ∈ out(j) but j ∉ out(i): the two
 * are disjoint, so deg_i = k + |extra(i)| and the allocation is exact without a dedupe pass. A parallel pass flags
 * the one-way entries (i ∉ out(j)); the caller's thread counts them per target, takes prefix sums and fills the
 * extra lists in ascending source order, so every extra list comes out ascending; a parallel pass then merges each
 * row. Each row is computed on its own, so the result does not depend on the thread count.
 */
final class KnnUnion {
    private static final long BLOCK = GraphBuilder.BLOCK;

    private KnnUnion() {
    }

    /**
     * Builds the union graph of the directed lists {@code out} (i32[spots * k], row i = the k out-neighbours of i,
     * ascending; spots * k below 2^31). Scratch goes into {@code scratch} (shared); the result into {@code arena}.
     */
    static SpatialGraph union(MemorySegment out, long spots, int k, Arena arena, Arena scratch, BlockExecutor ex) {
        long entries = spots * k;
        MemorySegment oneWay = scratch.allocate(entries);
        ex.forEachBlock(spots, BLOCK, (b, s, e) -> {
            for (long i = s; i < e; i++) {
                for (long t = i * k; t < (i + 1) * k; t++) {
                    long j = out.getAtIndex(Layouts.I32, t);
                    oneWay.set(ValueLayout.JAVA_BYTE, t, contains(out, j * k, (j + 1) * k, (int) i) ? (byte) 0 : 1);
                }
            }
        });
        MemorySegment degree = scratch.allocate(Layouts.I32, spots).fill((byte) 0);
        for (long t = 0; t < entries; t++) {
            if (oneWay.get(ValueLayout.JAVA_BYTE, t) != 0) {
                long j = out.getAtIndex(Layouts.I32, t);
                degree.setAtIndex(Layouts.I32, j, degree.getAtIndex(Layouts.I32, j) + 1);
            }
        }
        MemorySegment extraPtr = scratch.allocate(Layouts.I32, spots + 1);
        int run = 0;
        for (long i = 0; i < spots; i++) {
            extraPtr.setAtIndex(Layouts.I32, i, run);
            run += degree.getAtIndex(Layouts.I32, i);
            degree.setAtIndex(Layouts.I32, i, 0);
        }
        extraPtr.setAtIndex(Layouts.I32, spots, run);
        MemorySegment extra = scratch.allocate(Layouts.I32, Math.max(1, run));
        for (long i = 0, t = 0; i < spots; i++) {
            for (long end = t + k; t < end; t++) {
                if (oneWay.get(ValueLayout.JAVA_BYTE, t) != 0) {
                    long j = out.getAtIndex(Layouts.I32, t);
                    int slot = degree.getAtIndex(Layouts.I32, j);
                    degree.setAtIndex(Layouts.I32, j, slot + 1);
                    extra.setAtIndex(Layouts.I32, extraPtr.getAtIndex(Layouts.I32, j) + slot, (int) i);
                }
            }
        }
        for (long i = 0; i < spots; i++) {
            degree.setAtIndex(Layouts.I32, i, degree.getAtIndex(Layouts.I32, i) + k);
        }
        GraphOutput result = GraphOutput.fromDegrees(degree, spots, arena, scratch, ex);
        ex.forEachBlock(spots, BLOCK, (b, s, e) -> {
            for (long i = s; i < e; i++) {
                merge(out, i * k, (i + 1) * k, extra, extraPtr.getAtIndex(Layouts.I32, i),
                        extraPtr.getAtIndex(Layouts.I32, i + 1), result.neighbors(), result.rowStart(i));
            }
        });
        return result.finish();
    }

    /** True if the ascending run {@code [from, to)} of {@code seg} holds {@code value}. */
    private static boolean contains(MemorySegment seg, long from, long to, int value) {
        for (long t = from; t < to; t++) {
            int v = seg.getAtIndex(Layouts.I32, t);
            if (v >= value) {
                return v == value;
            }
        }
        return false;
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
