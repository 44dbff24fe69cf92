package org.flashdeconv.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.flashdeconv.engine.GeneWeighting;
import org.flashdeconv.engine.Preprocess;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.genes.GeneSelection;
import org.flashdeconv.engine.genes.GeneStats;
import org.flashdeconv.engine.graph.GraphBuilder;
import org.flashdeconv.engine.graph.SpatialGraph;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.engine.matrix.CsrView;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.represent.Representation;
import org.flashdeconv.engine.represent.RepresentationPass;
import org.flashdeconv.engine.solver.BcdProblem;
import org.flashdeconv.engine.solver.BcdSettings;
import org.flashdeconv.engine.solver.Penalties;

/**
 * The inputs of every pass at an hd8-like shape (G = 18000, about 300 entries per spot, K = 12), built through the
 * engine's public API: counts, gene statistics, selection, the expected-weights representation, H from the
 * projection pass, a hexagonal lattice with its 6-NN graph, and the BCD problem and settings (automatic λ,
 * ρ = 0.01). Owns its arena.
 */
final class PassData implements AutoCloseable {
    static final int GENES = 18000;
    static final int PER_SPOT = 300;
    static final int TYPES = 12;

    final Arena arena = Arena.ofShared();
    final long spots;
    final CsrView counts;
    final GeneStats stats;
    final GeneSelection selection;
    final Representation rep;
    final CoordsView lattice;
    final BcdProblem problem;
    final BcdSettings oneSweep;

    PassData(long spots) {
        this.spots = spots;
        counts = SyntheticData.counts(arena, spots, GENES, PER_SPOT, 11);
        lattice = SyntheticData.hexLattice(arena, spots);
        try (BlockExecutor ex = new BlockExecutor(2)) {
            stats = GeneStats.compute(counts, ex, Progress.NONE);
            double[][] x = SyntheticData.signatures(TYPES, GENES, 5);
            selection = GeneSelection.select(stats, x, 2000, 50);
            rep = RepresentationPass.prepare(x, selection, stats, Preprocess.LOG_CPM, GeneWeighting.EXPECTED, 512,
                    0);
            MemorySegment h = arena.allocate(Layouts.F64, spots * TYPES);
            double yrSq = RepresentationPass.project(counts, selection, stats, Preprocess.LOG_CPM, rep, h, ex,
                    Progress.NONE);
            SpatialGraph graph = GraphBuilder.knn(lattice, 6, arena, ex, Progress.NONE);
            double[] gram = new double[TYPES * TYPES];
            for (int k = 0; k < TYPES; k++) {
                System.arraycopy(rep.gram()[k], 0, gram, k * TYPES, TYPES);
            }
            problem = new BcdProblem(spots, TYPES, h, gram, graph.rowPtr(), graph.neighbors(), yrSq);
        }
        double diag = Penalties.meanGramDiagonal(problem.gram(), TYPES);
        oneSweep = new BcdSettings(Penalties.autoLambda(diag, problem.meanDegree()), Penalties.rhoEff(0.01, diag),
                1, 1e-4, false);
    }

    /** A fresh N x K f64 buffer in this data's arena. */
    MemorySegment cells() {
        return arena.allocate(Layouts.F64, problem.cells());
    }

    @Override
    public void close() {
        arena.close();
    }
}
