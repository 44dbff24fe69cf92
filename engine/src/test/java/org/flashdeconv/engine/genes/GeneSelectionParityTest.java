package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.ParityFixture;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Gene selection against the parity fixtures: HVG, markers and S exactly, leverage to 1e-10 relative. */
class GeneSelectionParityTest {

    static GeneStats stats(ParityFixture f) {
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            return GeneStats.compute(TestMatrices.csr(f.counts, arena), ex, Progress.NONE);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.flashdeconv.engine.testing.ParityFixture#configurations")
    void selectsTheFixtureGenes(String name, String config) {
        ParityFixture f = ParityFixture.shared(name);
        ParityFixture.Expected e = f.expected(config);
        int nHvg = e.intParam("n_hvg");
        int nMarkers = e.intParam("n_markers_per_type");
        GeneSelection sel = GeneSelection.select(stats(f), f.signatures, nHvg, nMarkers);
        assertArrayEquals(e.intColumn("hvg_idx.csv", 0), sel.hvg(), "HVG");
        assertArrayEquals(e.intColumn("marker_idx.csv", 0), sel.markers(), "markers");
        assertArrayEquals(e.intColumn("gene_idx.csv", 0), sel.selected(), "S");
        assertArrayEquals(e.intColumn("leverage.csv", 0), sel.selected(), "leverage genes");
        double[] lev = e.doubleColumn("leverage.csv", 1);
        for (int j = 0; j < lev.length; j++) {
            assertEquals(lev[j], sel.leverage()[j], 1e-10 * Math.abs(lev[j]), "leverage of gene " + sel.selected()[j]);
        }
    }

    @Test
    void hvgDiagnosticsMatchTheFixtureStatistics() {
        ParityFixture f = ParityFixture.shared(ParityFixture.SYNTHETIC);
        HvgSelector.Diagnostics d = HvgSelector.diagnostics(stats(f));
        ParityFixture.Table t = f.table("hvg_stats.csv"); // gene_idx, mean, var, z, bin
        for (int g = 0; g < f.genes.size(); g++) {
            double[] row = t.values()[g];
            assertEquals(g, Integer.parseInt(t.keys().get(g)));
            assertEquals(row[0], d.mean()[g], 1e-12 * Math.abs(row[0]), "mean of gene " + g);
            assertEquals(row[1], d.var()[g], 1e-11 * Math.abs(row[1]), "var of gene " + g);
            assertEquals(row[2], d.z()[g], 1e-9 * Math.max(1, Math.abs(row[2])), "z of gene " + g);
            assertEquals((int) row[3], d.bin()[g], "bin of gene " + g);
        }
    }
}
