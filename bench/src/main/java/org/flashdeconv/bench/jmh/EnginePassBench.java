package org.flashdeconv.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.graph.GraphBuilder;
import org.flashdeconv.engine.graph.SpatialGraph;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.represent.RepresentationPass;
import org.flashdeconv.engine.solver.Solver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's own passes through their public API, on {@code threads} workers, at {@code spots} hd8-like spots
 * (G = 18000, ~300 entries per spot, K = 12): gene statistics, the representation (projection) pass, one sweep of
 * the reference BCD (including its start value and the final objective evaluation), and the 6-NN graph of
 * {@code spots} uniform random points.
 */
@State(Scope.Benchmark)
public class EnginePassBench extends JmhDefaults {

    @Param({"100000"})
    public long spots;

    @Param({"1"})
    public int threads;

    private PassData data;
    private BlockExecutor executor;
    private MemorySegment h;
    private MemorySegment beta;
    private MemorySegment work;
    private CoordsView points;

    @Setup(Level.Trial)
    public void setUp() {
        data = new PassData(spots);
        executor = new BlockExecutor(threads);
        h = data.cells();
        beta = data.cells();
        work = data.cells();
        points = SyntheticData.uniformPoints(data.arena, spots, 3);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
        data.close();
    }

    @Benchmark
    public GeneStats geneStatistics() {
        return GeneStats.compute(data.counts, executor, Progress.NONE);
    }

    @Benchmark
    public double representation() {
        return RepresentationPass.project(data.counts, data.selection, data.stats, Preprocess.LOG_CPM, data.rep, h,
                executor, Progress.NONE);
    }

    @Benchmark
    public SolveInfo referenceSolverOneSweep() {
        return Solver.reference().solve(data.problem, data.oneSweep, null, beta, work, executor,
                Progress.NONE);
    }

    @Benchmark
    public long knnGraph() {
        try (Arena arena = Arena.ofConfined()) {
            SpatialGraph g = GraphBuilder.knn(points, 6, arena, executor, Progress.NONE);
            return g.directedEntries();
        }
    }
}
