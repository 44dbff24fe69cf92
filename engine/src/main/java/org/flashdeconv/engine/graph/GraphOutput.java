package org.flashdeconv.engine.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ZeroedArrays;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * The CSR being written: exact row pointers from per-row degrees, and the neighbour array the workers fill.
 *
 * <p>The result lives in the caller's arena. If that arena is confined to the caller's thread (workers could not
 * touch it), the workers write to stand-ins in the shared scratch arena and {@link #finish} copies them over on the
 * caller's thread.
 */
final class GraphOutput {
    /** A thread that is never started: a segment it may access is accessible from any worker. */
    private static final Thread PROBE = Thread.ofPlatform().unstarted(() -> { });

    private final long spots;
    private final MemorySegment rowPtrOut;
    private final MemorySegment neighborsOut;
    private final MemorySegment rowPtr;
    private final MemorySegment neighbors;

    private GraphOutput(long spots, MemorySegment rowPtrOut, MemorySegment neighborsOut, MemorySegment rowPtr,
            MemorySegment neighbors) {
        this.spots = spots;
        this.rowPtrOut = rowPtrOut;
        this.neighborsOut = neighborsOut;
        this.rowPtr = rowPtr;
        this.neighbors = neighbors;
    }

    /**
     * Allocates the CSR for the given degrees (i32[spots], read on the caller's thread) in {@code arena}.
     */
    static GraphOutput fromDegrees(MemorySegment degrees, long spots, Arena arena, Arena scratch, BlockExecutor ex) {
        MemorySegment rowPtrOut = ZeroedArrays.allocate(arena, Layouts.I64, spots + 1);
        long run = 0;
        for (long i = 0; i < spots; i++) {
            rowPtrOut.setAtIndex(Layouts.I64, i, run);
            run += degrees.getAtIndex(Layouts.I32, i);
        }
        rowPtrOut.setAtIndex(Layouts.I64, spots, run);
        MemorySegment neighborsOut = ZeroedArrays.allocate(arena, Layouts.I32, run);
        boolean direct = ex.threads() == 1 || rowPtrOut.isAccessibleBy(PROBE);
        MemorySegment rowPtr = direct ? rowPtrOut : ZeroedArrays.allocate(scratch, Layouts.I64, spots + 1).copyFrom(rowPtrOut);
        MemorySegment neighbors = direct ? neighborsOut : ZeroedArrays.allocate(scratch, Layouts.I32, Math.max(1, run));
        return new GraphOutput(spots, rowPtrOut, neighborsOut, rowPtr, neighbors);
    }

    /** An empty graph over {@code spots} spots, allocated in {@code arena}. */
    static SpatialGraph empty(long spots, Arena arena) {
        MemorySegment rowPtr = ZeroedArrays.allocate(arena, Layouts.I64, spots + 1).fill((byte) 0);
        return new SpatialGraph(spots, rowPtr, ZeroedArrays.allocate(arena, Layouts.I32, 0));
    }

    /** First entry of row {@code spot} (workers may call this). */
    long rowStart(long spot) {
        return rowPtr.getAtIndex(Layouts.I64, spot);
    }

    /** The neighbour array workers write to. */
    MemorySegment neighbors() {
        return neighbors;
    }

    /** Copies stand-ins over (caller's thread) and returns the graph over the caller's segments. */
    SpatialGraph finish() {
        if (neighbors != neighborsOut) {
            MemorySegment.copy(neighbors, 0, neighborsOut, 0, neighborsOut.byteSize());
        }
        return new SpatialGraph(spots, rowPtrOut, neighborsOut);
    }
}
