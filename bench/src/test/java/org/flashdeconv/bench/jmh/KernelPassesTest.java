package org.flashdeconv.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.represent.RepresentationPass;
import org.flashdeconv.engine.simd.Kernels;
import org.flashdeconv.engine.solver.Solver;
import org.junit.jupiter.api.Test;

/**
 * The kernel-written passes the benchmarks compare give the engine's bits, with the scalar and (when present)
 * the Vector API kernels: the gene sums (one block of spots, so the engine's block merge adds nothing), the
 * projection H and ‖Yr‖², and one reference BCD sweep.
 */
class KernelPassesTest {

    private static List<Kernels> implementations() {
        List<Kernels> all = new ArrayList<>(List.of(Kernels.scalar()));
        if (Kernels.best() != Kernels.scalar()) {
            all.add(Kernels.best());
        }
        return all;
    }

    @Test
    void kernelPassesReproduceTheEngine() {
        try (PassData data = new PassData(1500);
             BlockExecutor ex = new BlockExecutor(2)) {
            GeneStats stats = GeneStats.compute(data.counts, ex, Progress.NONE);
            MemorySegment engineH = data.cells();
            double engineNorm = RepresentationPass.project(data.counts, data.selection, data.stats,
                    Preprocess.LOG_CPM, data.rep, engineH, ex, Progress.NONE);
            MemorySegment beta = data.cells();
            Solver.reference().solve(data.problem, data.oneSweep, null, beta, data.cells(), ex,
                    Progress.NONE);
            MemorySegment start = data.cells();
            for (long c = 0; c < data.problem.cells(); c++) {
                start.setAtIndex(Layouts.F64, c, 1.0 / PassData.TYPES);
            }
            for (Kernels k : implementations()) {
                KernelPasses passes = new KernelPasses(k, data);
                assertArrayEquals(stats.sumLog(), passes.geneStatistics(), k.name());
                MemorySegment h = data.cells();
                assertEquals(engineNorm, passes.project(h), k.name());
                assertEquals(-1, engineH.mismatch(h), k.name() + ": H differs");
                MemorySegment next = data.cells();
                double change = passes.sweep(data.oneSweep, start, next);
                assertEquals(-1, beta.mismatch(next), k.name() + ": the sweep differs");
                assertTrue(change > 0, k.name() + ": the sweep moved nothing");
            }
        }
    }
}
