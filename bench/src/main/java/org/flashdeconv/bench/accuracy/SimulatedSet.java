package org.flashdeconv.bench.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import org.flashdeconv.io.simulate.Profile;
import org.flashdeconv.io.simulate.ReferenceCells;
import org.flashdeconv.io.simulate.SimulatedSlide;
import org.flashdeconv.io.simulate.SimulationOptions;
import org.flashdeconv.io.simulate.SlideEffects;

/**
 * A simulated slide as a benchmark data set: what {@code flashdeconv simulate --profile P --scenario S --seed N}
 * writes, with the signatures (the reference types' undistorted profiles, per 10,000), the truth in molecule and
 * cell fractions over every slide type, and the single-cell reference when the scenario has one.
 */
final class SimulatedSet {
    private SimulatedSet() {
    }

    /**
     * Simulates and converts the slide.
     *
     * @param scenario {@code clean} or {@code realistic}
     * @throws IOException if the store cannot be written
     */
    static BenchData build(Profile profile, String scenario, long spots, int genes, long seed, Path workDir)
            throws IOException {
        SimulationOptions options = SimulationOptions.of(spots, profile, seed).withGenes(genes)
                .withEffects(SlideEffects.scenario(scenario));
        try (SimulatedSlide slide = new SimulatedSlide(options)) {
            int types = options.types();
            int n = Math.toIntExact(spots);
            double[][] molecules = new double[n][types];
            double[][] cells = new double[n][types];
            slide.truthRows(0, molecules, false);
            slide.truthRows(0, cells, true);
            Truth truth = new Truth(slide.typeNames(), molecules, cells, null);
            int k = options.referenceTypes();
            double[][] signatures = new double[k][genes];
            for (int t = 0; t < k; t++) {
                for (int g = 0; g < genes; g++) {
                    signatures[t][g] = slide.expression(t, g);
                }
            }
            int perType = options.effects().referenceCells();
            SingleCells reference = perType == 0 ? null : singleCells(ReferenceCells.draw(slide, perType));
            return BenchData.convert(profile.cliName() + " " + scenario, slide, slide.referenceTypeNames(),
                    signatures, reference, truth, workDir);
        }
    }

    private static SingleCells singleCells(ReferenceCells r) {
        int[] rowPtr = new int[r.cells() + 1];
        int[] type = new int[r.cells()];
        for (int c = 0; c < r.cells(); c++) {
            rowPtr[c + 1] = r.rowEnd(c);
            type[c] = r.type(c);
        }
        int[] genes = new int[rowPtr[r.cells()]];
        double[] counts = new double[genes.length];
        for (int e = 0; e < genes.length; e++) {
            genes[e] = r.gene(e);
            counts[e] = r.count(e);
        }
        return new SingleCells(rowPtr, genes, counts, type);
    }
}
