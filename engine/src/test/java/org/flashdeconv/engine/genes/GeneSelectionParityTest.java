package org.flashdeconv.engine.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flashdeconv.engine.Progress;
import org.flashdeconv.engine.parallel.BlockExecutor;
import org.flashdeconv.engine.testing.ParityFixture;
import org.flashdeconv.engine.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Gene selection against the parity fixtures: HVG, markers and S exactly, leverage to 1e-10 relative. */
class GeneSelectionParityTest {

    private static final Map<String, ParityFixture> CASES = Map.of(
            ParityFixture.SYNTHETIC, ParityFixture.load(ParityFixture.SYNTHETIC),
            ParityFixture.UPSTREAM, ParityFixture.load(ParityFixture.UPSTREAM));

    static Stream<Arguments> configs() {
        return Stream.concat(
                ParityFixture.SYNTHETIC_CONFIGS.stream().map(c -> Arguments.of(ParityFixture.SYNTHETIC, c)),
                ParityFixture.UPSTREAM_CONFIGS.stream().map(c -> Arguments.of(ParityFixture.UPSTREAM, c)));
    }

    static GeneStats stats(ParityFixture f) {
        try (Arena arena = Arena.ofShared(); BlockExecutor ex = new BlockExecutor(1)) {
            return GeneStats.compute(TestMatrices.csr(f.counts, arena), ex, Progress.NONE);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configs")
    void selectsTheFixtureGenes(String name, String config) {
        ParityFixture f = CASES.get(name);
        ParityFixture.Expected e = f.expected(config);
        Map<String, Object> params = e.params();
        int nHvg = ((Double) params.get("n_hvg")).intValue();
        int nMarkers = ((Double) params.get("n_markers_per_type")).intValue();
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
        ParityFixture f = CASES.get(ParityFixture.SYNTHETIC);
        HvgSelector.Diagnostics d = HvgSelector.diagnostics(stats(f));
        ParityFixture.Table t = readHvgStats();
        for (int g = 0; g < f.genes.size(); g++) {
            double[] row = t.values()[g];
            assertEquals(g, Integer.parseInt(t.keys().get(g)));
            assertEquals(row[0], d.mean()[g], 1e-12 * Math.abs(row[0]), "mean of gene " + g);
            assertEquals(row[1], d.var()[g], 1e-11 * Math.abs(row[1]), "var of gene " + g);
            assertEquals(row[2], d.z()[g], 1e-9 * Math.max(1, Math.abs(row[2])), "z of gene " + g);
            assertEquals((int) row[3], d.bin()[g], "bin of gene " + g);
        }
    }

    /** hvg_stats.csv: gene_idx, mean, var, z, bin. */
    private static ParityFixture.Table readHvgStats() {
        String resource = "/parity/" + ParityFixture.SYNTHETIC + "/hvg_stats.csv";
        try (InputStream in = GeneSelectionParityTest.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isEmpty()).toList();
            List<String> keys = new ArrayList<>();
            double[][] values = new double[lines.size() - 1][];
            for (int i = 1; i < lines.size(); i++) {
                String[] t = lines.get(i).split(",");
                keys.add(t[0]);
                values[i - 1] = Arrays.stream(t, 1, t.length).mapToDouble(Double::parseDouble).toArray();
            }
            return new ParityFixture.Table(List.of(lines.get(0).split(",")), keys, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
