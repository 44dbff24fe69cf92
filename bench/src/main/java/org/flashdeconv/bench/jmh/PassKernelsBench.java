package org.flashdeconv.bench.jmh;

import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.matrix.Layouts;
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
 * The hot passes written on the kernels ({@link KernelPasses}), single-threaded, scalar vs vector, at
 * {@code spots} hd8-like spots. Set-up checks that the projection and the sweep give the engine's bits (the
 * reference solver's single sweep from 1/K, the engine's H), so the figures compare like with like.
 */
@State(Scope.Benchmark)
public class PassKernelsBench extends JmhDefaults {

    @Param({"100000"})
    public long spots;

    @Param({"scalar", "vector"})
    public String kernels;

    private PassData data;
    private KernelPasses passes;
    private MemorySegment h;
    private MemorySegment start;
    private MemorySegment next;

    @Setup(Level.Trial)
    public void setUp() {
        data = new PassData(spots);
        passes = new KernelPasses(kernels(kernels), data);
        h = data.cells();
        next = data.cells();
        start = data.cells();
        long cells = data.problem.cells();
        for (long c = 0; c < cells; c++) {
            start.setAtIndex(Layouts.F64, c, 1.0 / PassData.TYPES);
        }
        MemorySegment engineH = data.cells();
        MemorySegment beta = data.cells();
        try (BlockExecutor ex = new BlockExecutor(2)) {
            RepresentationPass.project(data.counts, data.selection, data.stats, Preprocess.LOG_CPM, data.rep,
                    engineH, ex, Progress.NONE);
            Solver.reference().solve(data.problem, data.oneSweep, null, beta, data.cells(), ex,
                    Progress.NONE);
        }
        passes.project(h);
        requireSame("projection", engineH, h);
        passes.sweep(data.oneSweep, start, next);
        requireSame("sweep", beta, next);
    }

    private static void requireSame(String what, MemorySegment expected, MemorySegment actual) {
        long at = expected.mismatch(actual);
        if (at >= 0) {
            throw new IllegalStateException(what + " on the kernels differs from the engine at byte " + at);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        data.close();
    }

    @Benchmark
    public double[] geneStatistics() {
        return passes.geneStatistics();
    }

    @Benchmark
    public double representation() {
        return passes.project(h);
    }

    @Benchmark
    public double bcdSweep() {
        return passes.sweep(data.oneSweep, start, next);
    }
}
