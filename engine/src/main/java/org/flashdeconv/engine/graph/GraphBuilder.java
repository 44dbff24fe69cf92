package org.flashdeconv.engine.graph;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ZeroedArrays;
import org.flashdeconv.engine.parallel.BlockExecutor;

/**
 * Builds the spatial graphs of docs/algorithm.md §7 (knn, radius, grid) from off-heap coordinates of any dimension.
 *
 * <p>Every builder indexes the spots in a uniform {@link CellIndex}, runs one exact query per spot in parallel
 * blocks of {@value #BLOCK} spots, and writes an exact-size CSR into the caller's arena. Work is O(N) for the index
 * plus O(N · neighbours examined) for the queries; nothing of size N lives on the heap. Scratch space lives in a
 * shared arena opened and closed inside the call. The graph is discrete and each row is computed on its own, so the
 * result is the same for any thread count.
 *
 * <p>Workers write the result directly when the caller's arena is shared (or with one thread); with a confined
 * arena and several threads they write to scratch and the result is copied over once on the caller's thread.
 */
public final class GraphBuilder {
    /** Spots per parallel block. */
    static final long BLOCK = 4096;
    /** Most directed entries a radius graph may have per spot on average. */
    static final long MAX_MEAN_DEGREE = 1000;

    private GraphBuilder() {
    }

    /**
     * The k-nearest-neighbour graph (§7.1): for every spot its k' = min(k, N-1) nearest other spots in
     * (distance, index) order, symmetrised by union. Empty for k' ≤ 0.
     *
     * @return the graph, allocated in {@code arena}
     * @throws IllegalArgumentException if k is negative, a coordinate is not finite (naming spot and column), N
     *                                  exceeds the i32 index range, or N·k' exceeds 2³¹-1 directed entries
     */
    public static SpatialGraph knn(CoordsView coords, int k, Arena arena, BlockExecutor ex, Progress progress) {
        if (k < 0) {
            throw new IllegalArgumentException("knn graph: k must be >= 0, found " + k);
        }
        long n = spotCount(coords);
        CellIndex.Bounds bounds = CellIndex.Bounds.of(coords);
        int kEff = (int) Math.min(k, n - 1);
        if (kEff <= 0) {
            return GraphOutput.empty(n, arena);
        }
        if (n * kEff > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("knn graph: k = " + kEff + " is too large for " + n
                    + " spots (N x k must stay below 2^31)");
        }
        try (Arena scratch = Arena.ofShared()) {
            int scale = bounds.scaleExponent(); // k nearest: the same for exactly scaled coordinates
            CellIndex index = CellIndex.build(CellIndex.scaled(coords, scale, scratch), bounds.scaled(scale), scratch);
            progress.start("spatial graph", n);
            MemorySegment out = ZeroedArrays.allocate(scratch, Layouts.I32, n * kEff);
            ex.forEachBlock(n, BLOCK, (b, s, e) -> {
                KnnSearch search = new KnnSearch(index, kEff);
                int[] row = new int[kEff];
                for (long p = s; p < e; p++) {
                    int id = search.search(p);
                    search.sortedIds(row);
                    MemorySegment.copy(row, 0, out, Layouts.I32, (long) id * kEff * Integer.BYTES, kEff);
                }
                progress.advance(e - s);
            });
            SpatialGraph graph = KnnUnion.union(out, n, kEff, arena, scratch, ex);
            progress.end();
            return graph;
        }
    }

    /**
     * The radius graph (§7.2): every pair i ≠ j with squared distance ≤ r². The rows are counted first, so the
     * allocation is exact.
     *
     * @return the graph, allocated in {@code arena}
     * @throws IllegalArgumentException if r is not a positive finite number, a coordinate is not finite, N exceeds
     *                                  the i32 index range, or the graph would have more than {@value #MAX_MEAN_DEGREE}
     *                                  neighbours per spot on average or 2³¹-1 entries (the message gives the mean
     *                                  degree it would have)
     */
    public static SpatialGraph radius(CoordsView coords, double r, Arena arena, BlockExecutor ex,
            Progress progress) {
        if (!(r > 0) || r == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("radius graph: radius must be a positive finite number, found " + r);
        }
        long n = spotCount(coords);
        CellIndex.Bounds bounds = CellIndex.Bounds.of(coords);
        if (n <= 1) {
            return GraphOutput.empty(n, arena);
        }
        try (Arena scratch = Arena.ofShared()) {
            progress.start("spatial graph", 2 * n);
            int scale = bounds.scaleExponent();
            SpatialGraph graph = radiusGraph("radius graph", CellIndex.build(CellIndex.scaled(coords, scale, scratch),
                    bounds.scaled(scale), scratch), Math.scalb(r, scale), arena, scratch, ex, progress);
            progress.end();
            return graph;
        }
    }

    /**
     * The radius of the grid graph (§7.3): 1.5 times the median over spots of the distance to the nearest other
     * spot (0 where a spot has an exact duplicate; the mean of the two middle values for an even N). 0 if N ≤ 1.
     *
     * @throws IllegalArgumentException if a coordinate is not finite or N exceeds the i32 index range
     */
    public static double gridRadius(CoordsView coords, BlockExecutor ex) {
        long n = spotCount(coords);
        CellIndex.Bounds bounds = CellIndex.Bounds.of(coords);
        if (n <= 1) {
            return 0;
        }
        try (Arena scratch = Arena.ofShared()) {
            int scale = bounds.scaleExponent();
            double median = GridSpacing.median(CellIndex.build(CellIndex.scaled(coords, scale, scratch), bounds.scaled(scale),
                    scratch), scratch, ex, Progress.NONE);
            return 1.5 * Math.scalb(median, -scale);
        }
    }

    /**
     * The grid graph (§7.3): the radius graph with r = {@link #gridRadius}. With mostly duplicated spots r is 0
     * and only exact duplicates are joined. Empty for N ≤ 1.
     *
     * @return the graph, allocated in {@code arena}
     * @throws IllegalArgumentException as {@link #radius} (except that r = 0 is allowed)
     */
    public static SpatialGraph grid(CoordsView coords, Arena arena, BlockExecutor ex, Progress progress) {
        long n = spotCount(coords);
        CellIndex.Bounds bounds = CellIndex.Bounds.of(coords);
        if (n <= 1) {
            return GraphOutput.empty(n, arena);
        }
        try (Arena scratch = Arena.ofShared()) {
            int scale = bounds.scaleExponent();
            CellIndex index = CellIndex.build(CellIndex.scaled(coords, scale, scratch), bounds.scaled(scale), scratch);
            progress.start("spatial graph", 3 * n);
            double r = 1.5 * GridSpacing.median(index, scratch, ex, progress);
            SpatialGraph graph = radiusGraph("grid graph", index, r, arena, scratch, ex, progress);
            progress.end();
            return graph;
        }
    }

    private static long spotCount(CoordsView coords) {
        if (coords.n() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("spatial graph: at most " + Integer.MAX_VALUE
                    + " spots are supported (i32 neighbour indices), found " + coords.n());
        }
        return coords.n();
    }

    private static SpatialGraph radiusGraph(String method, CellIndex index, double r, Arena arena, Arena scratch,
            BlockExecutor ex, Progress progress) {
        long n = index.spots;
        long limit = Math.min(Integer.MAX_VALUE, Math.multiplyExact(MAX_MEAN_DEGREE, n));
        MemorySegment degrees = ZeroedArrays.allocate(scratch, Layouts.I32, n);
        AtomicLong counted = new AtomicLong();
        ex.forEachBlock(n, BLOCK, (b, s, e) -> {
            RadiusSearch search = new RadiusSearch(index, r);
            long local = 0;
            for (long p = s; p < e; p++) {
                int id = search.search(p, false);
                degrees.setAtIndex(Layouts.I32, id, search.count);
                local += search.count;
                if (local + counted.get() > limit) {
                    counted.addAndGet(local);
                    throw tooDense(method, r, n, counted.get(), limit);
                }
            }
            counted.addAndGet(local);
            progress.advance(e - s);
        });
        if (counted.get() > limit) {
            throw tooDense(method, r, n, counted.get(), limit);
        }
        GraphOutput out = GraphOutput.fromDegrees(degrees, n, arena, scratch, ex);
        ex.forEachBlock(n, BLOCK, (b, s, e) -> {
            RadiusSearch search = new RadiusSearch(index, r);
            for (long p = s; p < e; p++) {
                int id = search.search(p, true);
                Arrays.sort(search.found, 0, search.count);
                MemorySegment.copy(search.found, 0, out.neighbors(), Layouts.I32,
                        out.rowStart(id) * Integer.BYTES, search.count);
            }
            progress.advance(e - s);
        });
        return out.finish();
    }

    private static IllegalArgumentException tooDense(String method, double r, long n, long atLeast, long limit) {
        return new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "%s: radius %s is too large for %d spots: the graph would have a mean degree of at least "
                        + "%.1f (limit: %d directed entries, a mean degree of %.1f)",
                method, r, n, (double) atLeast / n, limit, (double) limit / n));
    }
}
