package org.flashdeconv.engine.solver;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.SolveInfo;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;

/** One solve of a {@link RandomProblem} with its own arena and executor, the result copied to the heap. */
record SolverRun(double[][] beta, SolveInfo info) {

    static SolverRun of(Solver solver, RandomProblem p, BcdSettings s, int threads, double[][] start) {
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(threads)) {
            BcdProblem bp = p.offHeap(arena);
            long cells = Math.max(1, (long) p.n * p.k);
            MemorySegment beta = arena.allocate(Layouts.F64, cells);
            MemorySegment work = arena.allocate(Math.max(Double.BYTES, solver.workBytes(p.n, p.k)), Double.BYTES);
            MemorySegment init = null;
            if (start != null) {
                init = arena.allocate(Layouts.F64, cells);
                for (int i = 0; i < p.n; i++) {
                    for (int k = 0; k < p.k; k++) {
                        init.setAtIndex(Layouts.F64, (long) i * p.k + k, start[i][k]);
                    }
                }
            }
            SolveInfo info = solver.solve(bp, s, init, beta, work, ex, Progress.NONE);
            return new SolverRun(RandomProblem.toArray(beta, p.n, p.k), info);
        }
    }
}
