package org.flashdeconv.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flashdeconv.engine.counts.CountModel;
import org.flashdeconv.engine.genes.GeneSelection;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.genes.MappedRows;
import org.flashdeconv.engine.graph.GraphBuilder;
import org.flashdeconv.engine.graph.SpatialGraph;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ZeroedArrays;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.represent.Representation;
import org.flashdeconv.engine.represent.RepresentationPass;
import org.flashdeconv.engine.solver.BcdProblem;
import org.flashdeconv.engine.solver.BcdSettings;
import org.flashdeconv.engine.solver.Penalties;
import org.flashdeconv.engine.solver.Solver;

/**
 * Everything before the solver (docs/algorithm.md §3): gene statistics, selection, representation, H = Xr·Yrᵀ, ‖Yr‖²
 * and the spatial graph, ready to be solved for one λ ({@link #solve}) or for every λ of the options
 * ({@link #solveEach}). Made by {@link FlashDeconv#prepare}.
 *
 * <p>Ownership: owns two shared {@link Arena}s, one holding H (N x K f64, spot-major) and the graph (CSR, i64 N+1
 * and i32 per directed entry), released by {@link #close()} or as soon as the last λ of
 * {@link #solveEachThenRelease} is solved, the other one byte per spot (spots without counts); plus the worker
 * threads, until {@link #close()}. Nothing of size N x G or N x d is kept: the counts are read only while
 * preparing, and the caller may close or unmap them afterwards. Each {@link FitResult} owns its own arena and
 * outlives this object.
 *
 * <p>With the COUNTS model the counts are read again by every solve: the input's views must then stay open until the
 * last solve returns (the in-memory forms of {@link FlashDeconv#prepare} keep their copy until {@link #close()}).
 */
public final class PreparedProblem implements AutoCloseable {

    private final Arena arena;
    private final Arena stages;
    private final BlockExecutor executor;
    private final Progress progress;
    private final ProblemRecord prep;
    private final SpatialGraph graph;
    private final BcdProblem problem;
    private final MemorySegment noCounts;
    private final GeneStats stats;
    private final FitInput input;
    private Arena inputArena;

    private PreparedProblem(Arena arena, Arena stages, BlockExecutor executor, Progress progress, ProblemRecord prep,
                            SpatialGraph graph, BcdProblem problem, MemorySegment noCounts, GeneStats stats,
                            FitInput input) {
        this.input = input;
        this.arena = arena;
        this.stages = stages;
        this.executor = executor;
        this.progress = progress;
        this.prep = prep;
        this.graph = graph;
        this.problem = problem;
        this.noCounts = noCounts;
        this.stats = stats;
    }

    /** Runs the stages before the solver; inputs are validated by the caller (see {@link Inputs}). */
    static PreparedProblem prepare(FitInput input, List<String> warnings, FlashDeconvOptions o, Progress progress) {
        CsrView y = input.counts();
        double[][] x = input.signatures();
        CoordsView coords = input.coordinates();
        Arena arena = Arena.ofShared();
        Arena stages = Arena.ofShared();
        BlockExecutor executor = new BlockExecutor(o.threads());
        boolean success = false;
        try {
            long t0 = System.nanoTime();
            GeneStats stats = input.knownStats().orElseGet(() -> GeneStats.compute(y, executor, progress));
            long t1 = System.nanoTime();
            GeneSelection sel = GeneSelection.select(stats, x, o.nHvg(), o.nMarkersPerType());
            long t2 = System.nanoTime();
            long seed = o.randomState().orElseGet(
                    () -> ThreadLocalRandom.current().nextLong(FlashDeconvOptions.MAX_RANDOM_STATE + 1));
            Representation rep = RepresentationPass.prepare(x, sel, stats, o.preprocess(), o.geneWeighting(),
                    o.sketchDim(), seed);
            int k = x.length;
            MemorySegment h = ZeroedArrays.allocate(stages, Layouts.F64, Math.multiplyExact(y.rows(), (long) k));
            MemorySegment noCounts = ZeroedArrays.allocate(arena, ValueLayout.JAVA_BYTE, y.rows());
            // the count model reads the counts itself and finds the spots without counts in its sweep 1: no pass here,
            // H is left at 0 and ‖Yr‖² (unused) at 0
            double yrSq = o.model() == Model.COUNTS ? 0
                    : RepresentationPass.project(y, sel, stats, o.preprocess(), rep, h, noCounts, executor, progress);
            MappedRows.releaseAll(y); // a mapped store's pages: the next reader (output, count model) maps them again
            long t3 = System.nanoTime();
            SpatialGraph graph = switch (o.spatialMethod()) {
                case KNN -> GraphBuilder.knn(coords, o.kNeighbors(), stages, executor, progress);
                case RADIUS -> GraphBuilder.radius(coords, o.radius().orElseThrow(), stages, executor, progress);
                case GRID -> GraphBuilder.grid(coords, stages, executor, progress);
            };
            MappedRows.release(coords.data()); // the graph builders read a scaled copy
            long t4 = System.nanoTime();
            long without = countFlags(noCounts);
            if (without > 0) {
                warnings.add(ProblemRecord.noCountsWarning(without));
            }
            double[] gram = flatten(rep.gram(), k);
            BcdProblem problem = new BcdProblem(y.rows(), k, h, gram, graph.rowPtr(), graph.neighbors(), yrSq);
            GraphSummary gs = new GraphSummary(graph.spots(), graph.undirectedEdges(), problem.meanDegree(),
                    graph.degreeHistogram());
            ProblemRecord prep = new ProblemRecord(o, typeNames(input.namesOrNull(), k), sel, rep, gs, gram,
                    Penalties.meanGramDiagonal(gram, k), yrSq, seed, without, List.copyOf(warnings),
                    ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
            PreparedProblem p = new PreparedProblem(arena, stages, executor, progress, prep, graph, problem, noCounts,
                    stats, o.model() == Model.COUNTS ? input : null);
            success = true;
            return p;
        } finally {
            if (!success) {
                executor.close();
                stages.close();
                arena.close();
            }
        }
    }

    private static long countFlags(MemorySegment flags) {
        long n = 0;
        for (long i = 0; i < flags.byteSize(); i++) {
            n += flags.get(ValueLayout.JAVA_BYTE, i) != 0 ? 1 : 0;
        }
        return n;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static double[] flatten(double[][] m, int k) {
        double[] out = new double[k * k];
        for (int a = 0; a < k; a++) {
            System.arraycopy(m[a], 0, out, a * k, k);
        }
        return out;
    }

    private static List<String> typeNames(List<String> names, int k) {
        if (names != null) {
            return List.copyOf(names);
        }
        List<String> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add("CellType_" + i);
        }
        return List.copyOf(out);
    }

    /**
     * Receives the results of {@link #solveEach}, one λ at a time.
     *
     * @param <E> what the consumer may throw (for example {@link java.io.IOException} when it writes files)
     */
    @FunctionalInterface
    public interface FitConsumer<E extends Exception> {
        /**
         * Takes one result. It is open during this call only: it is closed once the next λ has started from it
         * (or when the last one returns), so copy out what must outlive the call.
         *
         * @throws E to stop: later λ are not solved and every open result is closed
         */
        void accept(FitResult fit) throws E;
    }

    /**
     * The λ that {@code spec} resolves to: the number, or its multiple of the automatic rule of docs/algorithm.md §8 on
     * this problem's Gram matrix and mean degree. Under the count model λ is the prior strength α, and auto is
     * estimated from the data during the solve (docs/algorithm.md §29.5): NaN here for a multiple of auto, and
     * {@link FitResult#lambdaUsed()} holds the value used.
     */
    public double lambdaFor(LambdaSpec spec) {
        if (prep.options().model() == Model.COUNTS) {
            return spec instanceof LambdaSpec.Fixed f ? f.value() : Double.NaN;
        }
        return flashDeconvLambda(spec);
    }

    private double flashDeconvLambda(LambdaSpec spec) {
        return spec.resolve(Penalties.autoLambda(prep.gramDiagMean(), problem.meanDegree()));
    }

    /**
     * Solves one λ from the cold start (1/K everywhere).
     *
     * @return a new result that owns its off-heap arrays; close it
     * @throws IllegalStateException if this problem is closed
     */
    public FitResult solve(LambdaSpec lambda) {
        return solve(lambda, null, false);
    }

    /**
     * {@link #solve}, for the last use of this problem: H and the graph are released as soon as the solver is done,
     * before the result's proportions are allocated (for the count model, which reads them again, at {@link #close}).
     * Afterwards this problem can not be solved again.
     *
     * @return a new result that owns its off-heap arrays; close it
     * @throws IllegalStateException if this problem is closed or released
     */
    public FitResult solveThenRelease(LambdaSpec lambda) {
        return solve(lambda, null, true);
    }

    /**
     * Solves every λ of the options in order, each warm-started from the previous result, and hands each result
     * to {@code consumer}. At most two results (the previous one and the one being solved) are open at a time.
     *
     * @throws E                     as thrown by the consumer, after closing the open results
     * @throws IllegalStateException if this problem is closed
     */
    public <E extends Exception> void solveEach(FitConsumer<E> consumer) throws E {
        solveEach(consumer, false);
    }

    /**
     * {@link #solveEach}, for the last use of this problem: H and the graph are released as soon as the last λ is
     * solved, before its proportions are allocated, so that a run's peak memory holds one of them, not both (as
     * {@link #solveThenRelease}). Afterwards this problem can not be solved again.
     *
     * @throws E                     as thrown by the consumer, after closing the open results
     * @throws IllegalStateException if this problem is closed or released
     */
    public <E extends Exception> void solveEachThenRelease(FitConsumer<E> consumer) throws E {
        solveEach(consumer, true);
    }

    private <E extends Exception> void solveEach(FitConsumer<E> consumer, boolean release) throws E {
        FitResult previous = null;
        List<LambdaSpec> lambdas = prep.options().lambdas();
        try {
            for (int i = 0; i < lambdas.size(); i++) {
                FitResult fit = solve(lambdas.get(i), previous, release && i == lambdas.size() - 1);
                if (previous != null) {
                    previous.close();
                }
                previous = fit;
                consumer.accept(fit);
            }
        } finally {
            if (previous != null) {
                previous.close();
            }
        }
    }

    private FitResult solve(LambdaSpec lambda, FitResult warmStart, boolean release) {
        if (!stages.scope().isAlive()) {
            throw new IllegalStateException("this problem's H and graph were released by its last solve");
        }
        return prep.options().model() == Model.COUNTS ? solveCounts(lambda)
                : solveFlashDeconv(lambda, warmStart, release);
    }

    /**
     * The count model (docs/algorithm.md §29): {@link CountModel#fit} from a uniform start (the FLASHDECONV solution
     * as a start gave the same optimum to 10⁻⁶ and saved 0.4 of about 7 Newton iterations per spot: not worth its
     * solve), α = λ; auto estimates α from the data (auto*F: F times the estimate).
     */
    private FitResult solveCounts(LambdaSpec lambda) {
        long t0 = System.nanoTime();
        int k = problem.types();
        boolean auto = lambda instanceof LambdaSpec.Auto;
        double alpha = lambda.resolve(1); // the fixed α, or the factor of the estimate
        FitResult.Builder result = FitResult.allocate(prep, problem.spots(), noCounts);
        boolean success = false;
        try (Arena scratch = Arena.ofShared()) {
            MemorySegment work = ZeroedArrays.allocate(scratch, Layouts.F64, Math.multiplyExact(problem.spots(), (long) k + 1));
            CountModel.Summary summary = CountModel.fit(input.counts(), input.signatures(),
                    prep.selection().selected(), stats.sumRaw(), graph, alpha, auto,
                    prep.options().units() == Units.CELLS, result.countOutputs(work), executor, progress);
            boolean converged = summary.notConverged() == 0;
            SolveInfo info = new SolveInfo(converged, CountModel.PASSES, summary.totalDeviance(), 0, List.of(), 0,
                    converged);
            FitResult fit = result.finishCounts(lambda, summary.alpha(), info, summary, t0);
            success = true;
            return fit;
        } finally {
            if (!success) {
                result.abandon();
            }
        }
    }

    /** Hands the arena of an in-memory input copy to this problem, which closes it with itself. */
    void adoptInput(Arena owner) {
        inputArena = owner;
    }

    private FitResult solveFlashDeconv(LambdaSpec lambda, FitResult warmStart, boolean release) {
        FlashDeconvOptions o = prep.options();
        double lambdaUsed = flashDeconvLambda(lambda);
        double rhoEff = Penalties.rhoEff(o.rhoSparsity(), prep.gramDiagMean());
        BcdSettings settings = new BcdSettings(lambdaUsed, rhoEff, o.maxIter(), o.tol(), o.verbose());
        Solver solver = switch (o.solver()) {
            case REFERENCE -> Solver.reference();
            case BLOCK -> Solver.block();
        };
        long t0 = System.nanoTime();
        FitResult.Builder result = FitResult.allocate(prep, problem.spots(), noCounts);
        boolean success = false;
        try (Arena scratch = Arena.ofShared()) {
            MemorySegment work = ZeroedArrays.allocate(scratch, Math.max(1, solver.workBytes(problem.spots(), problem.types())),
                    Double.BYTES);
            MemorySegment start = warmStart == null ? null : warmStart.abundances();
            SolveInfo info = solver.solve(problem, settings, start, result.beta(), work, executor, progress);
            if (release) {
                stages.close(); // H and the graph: their memory goes back before the proportions are allocated
            }
            FitResult fit = result.finish(lambda, lambdaUsed, rhoEff, info, executor, t0);
            success = true;
            return fit;
        } finally {
            if (!success) {
                result.abandon();
            }
        }
    }

    // The stage data below is for this package's tests: its types are not exported to every module.

    /** The spatial graph; a view valid until {@link #close()}. */
    SpatialGraph graph() {
        return graph;
    }

    /** The solver's input (H, Gram, graph, ‖Yr‖²); views valid until {@link #close()}. */
    BcdProblem problem() {
        return problem;
    }

    /**
     * The per-gene statistics of the counts (pass 1), computed or given as {@link FitInput#knownStats()}.
     */
    GeneStats geneStats() {
        return stats;
    }

    /** The options. */
    public FlashDeconvOptions options() {
        return prep.options();
    }

    /** Input warnings (all-zero signatures, spots without counts, ...). */
    public List<String> warnings() {
        return prep.warnings();
    }

    /** Releases H, the graph and the worker threads. Results already made stay valid. */
    @Override
    public void close() {
        executor.close();
        if (stages.scope().isAlive()) {
            stages.close();
        }
        arena.close();
        if (inputArena != null) {
            inputArena.close();
        }
    }
}
