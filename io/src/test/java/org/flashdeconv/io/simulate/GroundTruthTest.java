package org.flashdeconv.io.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.flashdeconv.engine.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    @Test
    void proportionsFileHoldsTheExactTruthInSpotOrder(@TempDir Path dir) throws IOException {
        // 70,000 spots: three blocks, so the file has several gzip members
        SimulatedSlide slide = new SimulatedSlide(new SimulationOptions(70_000, 50, 4, Profile.HD2, 3, 2));
        Path file = dir.resolve("truth_proportions.csv.gz");
        long[] advanced = {0};
        GroundTruth.writeProportions(slide, file, new Progress() {
            @Override
            public void advance(long units) {
                advanced[0] += units;
            }
        });
        assertEquals(70_000, advanced[0]);
        double[] p = new double[4];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            assertEquals("barcode,B_cell,T_CD4,T_CD8,NK", r.readLine());
            String line;
            long spot = 0;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                assertEquals(slide.barcode(spot), f[0]);
                slide.proportions(spot, p);
                BigDecimal sum = BigDecimal.ZERO;
                for (int k = 0; k < 4; k++) {
                    assertEquals(p[k], Double.parseDouble(f[k + 1]), 0.0, "spot " + spot + " type " + k);
                    sum = sum.add(new BigDecimal(f[k + 1]));
                }
                assertEquals(0, sum.compareTo(BigDecimal.ONE), "row " + spot + " sums to " + sum);
                spot++;
            }
            assertEquals(70_000, spot);
        }
    }

    @Test
    void signaturesAreTypesByGenesOnTheCountScale(@TempDir Path dir) throws IOException {
        SimulatedSlide slide = new SimulatedSlide(new SimulationOptions(10, 300, 3, Profile.HD8, 3, 1));
        Path file = dir.resolve("signatures.csv");
        GroundTruth.writeSignatures(slide, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        String[] header = lines.get(0).split(",");
        assertEquals(301, header.length);
        assertEquals("cell_type", header[0]);
        assertEquals("Gene00300", header[300]);
        for (int k = 0; k < 3; k++) {
            String[] f = lines.get(k + 1).split(",");
            assertEquals(slide.typeNames().get(k), f[0]);
            double sum = 0;
            double max = 0;
            for (int g = 0; g < 300; g++) {
                double v = Double.parseDouble(f[g + 1]);
                assertEquals(slide.expression(k, g), v, 0.0);
                sum += v;
                max = Math.max(max, v);
            }
            assertEquals(1e4, sum, 1e-6);
            assertTrue(max > 20 * 1e4 / 300, "long-tailed: the top gene is far above the mean, found " + max);
        }
    }

    @Test
    void missingTypesAreInTheTruthButNotInTheSignatures(@TempDir Path dir) throws IOException {
        SlideEffects effects = SlideEffects.CLEAN.withMissingTypes(1).withCellSizes(800, 3000);
        SimulatedSlide slide = new SimulatedSlide(new SimulationOptions(3000, 200, 4, Profile.HD16, 2, 2, effects));
        Path signatures = dir.resolve("signatures.csv");
        GroundTruth.writeSignatures(slide, signatures);
        List<String> rows = Files.readAllLines(signatures);
        assertEquals(List.of("B_cell", "T_CD4", "T_CD8"), rows.subList(1, rows.size()).stream()
                .map(r -> r.substring(0, r.indexOf(','))).toList());
        Path molecules = dir.resolve("m.csv.gz");
        Path cells = dir.resolve("c.csv.gz");
        GroundTruth.writeProportions(slide, molecules, Progress.NONE);
        GroundTruth.writeCellFractions(slide, cells, Progress.NONE);
        double[] m = new double[4];
        double[] c = new double[4];
        double missingShare = 0;
        try (BufferedReader rm = gunzip(molecules); BufferedReader rc = gunzip(cells)) {
            assertEquals("barcode,B_cell,T_CD4,T_CD8,NK", rm.readLine());
            assertEquals("barcode,B_cell,T_CD4,T_CD8,NK", rc.readLine());
            for (long spot = 0; spot < 3000; spot++) {
                String[] fm = rm.readLine().split(",");
                String[] fc = rc.readLine().split(",");
                slide.proportions(spot, m);
                slide.cellFractions(spot, c);
                for (int k = 0; k < 4; k++) {
                    assertEquals(m[k], Double.parseDouble(fm[k + 1]), 0.0);
                    assertEquals(c[k], Double.parseDouble(fc[k + 1]), 0.0);
                }
                missingShare += m[3];
            }
        }
        assertTrue(missingShare / 3000 > 0.02, "the missing type is present in the slide: " + missingShare / 3000);
        Path json = dir.resolve("simulation.json");
        GroundTruth.writeDescription(slide, json, false);
        String text = Files.readString(json);
        assertTrue(text.contains("\"missing_types\": 1") && text.contains("\"in_reference\": false")
                && text.contains("\"scenario\": \"custom\"") && text.contains("molecule (UMI) fractions"), text);
    }

    private static BufferedReader gunzip(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
    }

    @Test
    void unitsAreFormattedExactly() {
        StringBuilder sb = new StringBuilder();
        for (int units : new int[]{0, 1, 10, 250_000, 1_000_000, 999_999, 123_450}) {
            GroundTruth.appendUnits(sb, units);
            sb.append(' ');
        }
        assertEquals("0 0.000001 0.00001 0.25 1 0.999999 0.12345 ", sb.toString());
    }
}
