package org.flashdeconv.io.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flashdeconv.io.source.CountSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatedSlideTest {

    private static SimulationOptions options(long spots, Profile profile, long seed, int threads) {
        return new SimulationOptions(spots, 2000, 6, profile, seed, threads);
    }

    /** All entries as (spot, gene, count) triples. */
    private static List<long[]> entries(CountSource source) throws IOException {
        List<long[]> out = new ArrayList<>();
        source.forEachEntry((spot, gene, value, location) -> out.add(new long[]{spot, gene, (long) value}));
        return out;
    }

    private static long fingerprint(CountSource source) throws IOException {
        long[] h = {17};
        source.forEachEntry((spot, gene, value, location) -> {
            h[0] = SpotRandom.mix(h[0] ^ (spot * 1_000_003L + gene * 31L + (long) value));
        });
        return h[0];
    }

    @Test
    void sameSeedGivesSameEntriesWhateverTheThreadsAndBlocks() throws IOException {
        List<long[]> reference = entries(new SimulatedSlide(options(700, Profile.HD8, 5, 1), 64));
        List<long[]> blocked = entries(new SimulatedSlide(options(700, Profile.HD8, 5, 3), 7));
        List<long[]> defaults = entries(new SimulatedSlide(options(700, Profile.HD8, 5, 2)));
        assertEquals(reference.size(), blocked.size());
        assertEquals(reference.size(), defaults.size());
        for (int i = 0; i < reference.size(); i++) {
            assertArrayEquals(reference.get(i), blocked.get(i), "entry " + i);
            assertArrayEquals(reference.get(i), defaults.get(i), "entry " + i);
        }
        assertNotEquals(fingerprint(new SimulatedSlide(options(700, Profile.HD8, 5, 1))),
                fingerprint(new SimulatedSlide(options(700, Profile.HD8, 6, 1))));
    }

    @Test
    void entriesComeInCsrOrderWithPositiveIntegerCounts() throws IOException {
        SimulatedSlide slide = new SimulatedSlide(options(300, Profile.HD16, 3, 2), 50);
        long[] last = {-1, -1};
        boolean[] seen = new boolean[300];
        slide.forEachEntry((spot, gene, value, location) -> {
            assertTrue(spot > last[0] || (spot == last[0] && gene > last[1]), "order at spot " + spot);
            assertTrue(gene >= 0 && gene < 2000);
            assertTrue(value >= 1 && value == Math.rint(value), "count " + value);
            assertEquals(spot, location);
            seen[(int) spot] = true;
            last[0] = spot;
            last[1] = gene;
        });
        for (boolean s : seen) {
            assertTrue(s, "every spot has at least one count");
        }
        assertTrue(slide.spotMajor());
        assertEquals("simulated spot 12", slide.describe(12));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void truthRowsAreSparseAndSumToOne(Profile profile) {
        SimulatedSlide slide = new SimulatedSlide(new SimulationOptions(2000, 500, 12, profile, 9, 1));
        double[] p = new double[12];
        Set<Integer> dominants = new HashSet<>();
        for (long spot = 0; spot < 2000; spot++) {
            slide.proportions(spot, p);
            long units = 0;
            int nonZero = 0;
            int best = 0;
            for (int k = 0; k < 12; k++) {
                assertTrue(p[k] >= 0 && p[k] <= 1);
                units += Math.round(p[k] * 1e6);
                assertEquals(Math.round(p[k] * 1e6) / 1e6, p[k], 0.0, "multiple of 1e-6");
                nonZero += p[k] > 0 ? 1 : 0;
                best = p[k] > p[best] ? k : best;
            }
            assertEquals(1_000_000, units, "spot " + spot);
            assertTrue(nonZero >= 1 && nonZero <= profile.mixing().maxTypes(), "types in spot " + spot + ": "
                    + nonZero);
            dominants.add(best);
        }
        assertTrue(dominants.size() >= 4, "spatial domains give several dominant types, found " + dominants);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void depthMatchesTheProfileWithinTenPercent(Profile profile) throws IOException {
        int spots = profile == Profile.VISIUM ? 600 : 2500;
        SimulatedSlide slide = new SimulatedSlide(SimulationOptions.of(spots, profile, 11).withThreads(2));
        long[] nnz = new long[spots];
        long[] umi = new long[spots];
        slide.forEachEntry((spot, gene, value, location) -> {
            nnz[(int) spot]++;
            umi[(int) spot] += (long) value;
        });
        double meanNonZeros = Arrays.stream(nnz).average().orElseThrow();
        Arrays.sort(umi);
        double medianUmi = umi[spots / 2];
        Profile.Depth depth = profile.depth();
        assertEquals(depth.meanNonZeros(), meanNonZeros, 0.1 * depth.meanNonZeros(), "mean non-zeros");
        assertEquals(depth.medianUmi(), medianUmi, 0.1 * depth.medianUmi(), "median UMI");
    }

    @Test
    void countsFollowTheTrueProportionsAndProfiles() throws IOException {
        int spots = 400;
        int genes = 1500;
        SimulatedSlide slide = new SimulatedSlide(new SimulationOptions(spots, genes, 5, Profile.HD16, 21, 2));
        double[] observed = new double[genes];
        long[] library = new long[spots];
        slide.forEachEntry((spot, gene, value, location) -> {
            observed[gene] += value;
            library[(int) spot] += (long) value;
        });
        double[] expected = new double[genes];
        double[] p = new double[5];
        for (int i = 0; i < spots; i++) {
            slide.proportions(i, p);
            for (int g = 0; g < genes; g++) {
                double mean = 0;
                for (int k = 0; k < 5; k++) {
                    mean += p[k] * slide.expression(k, g) / 1e4;
                }
                expected[g] += library[i] * mean;
            }
        }
        int checked = 0;
        for (int g = 0; g < genes; g++) {
            if (expected[g] > 400) { // Poisson sd <= 5 % of the mean: 5 sd is 25 %
                assertEquals(expected[g], observed[g], 0.25 * expected[g], "gene " + g);
                checked++;
            }
        }
        assertTrue(checked > 50, "enough well-expressed genes to check, found " + checked);
    }

    @Test
    void squareLatticeCoordinatesAndBarcodes() throws IOException {
        SimulatedSlide slide = new SimulatedSlide(options(10, Profile.HD8, 1, 1)); // 4 columns
        double[] xy = new double[20];
        slide.coordinates().orElseThrow().read(0, 10, xy);
        for (int i = 0; i < 10; i++) {
            assertEquals((i % 4) * 8.0, xy[2 * i], 0.0);
            assertEquals((i / 4) * 8.0, xy[2 * i + 1], 0.0);
        }
        assertEquals("s_008um_00002_00001-1", slide.barcode(9));
        List<String> barcodes = new ArrayList<>();
        slide.forEachBarcode(barcodes::add);
        assertEquals(10, barcodes.size());
        assertEquals("s_008um_00000_00000-1", barcodes.get(0));
        assertEquals("s_002um_00001_00003-1",
                new SimulatedSlide(options(10, Profile.HD2, 1, 1)).barcode(7));
        assertEquals(List.of("Gene00001", "Gene00002"), slide.geneNames().subList(0, 2));
        assertEquals(2000, slide.geneNames().size());
    }

    @Test
    void hexagonalLatticeHasSixNeighboursAtTheSpacing() throws IOException {
        SimulatedSlide slide = new SimulatedSlide(options(100, Profile.VISIUM, 1, 1)); // 10 x 10
        double[] xy = new double[200];
        slide.coordinates().orElseThrow().read(0, 100, xy);
        int interior = 5 * 10 + 5;
        int neighbours = 0;
        for (int j = 0; j < 100; j++) {
            double d = Math.hypot(xy[2 * j] - xy[2 * interior], xy[2 * j + 1] - xy[2 * interior + 1]);
            if (j != interior) {
                assertTrue(d > 99.999, "no spot closer than the spacing");
                neighbours += d < 100.001 ? 1 : 0;
            }
        }
        assertEquals(6, neighbours);
        Set<String> barcodes = new HashSet<>();
        slide.forEachBarcode(barcodes::add);
        assertEquals(100, barcodes.size(), "barcodes are unique");
        assertTrue(barcodes.iterator().next().matches("[ACGT]{16}-1"));
    }

    @Test
    void invalidOptionsAreRejectedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SimulationOptions(0, 10, 2, Profile.HD8, 1, 1)).getMessage().contains("spots"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SimulationOptions(5, 10, 0, Profile.HD8, 1, 1)).getMessage().contains("types"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Profile.parse("hd4")).getMessage().contains("hd4"));
        assertEquals(Profile.HD16, Profile.parse("HD16"));
        SimulatedSlide slide = new SimulatedSlide(options(5, Profile.HD8, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> slide.proportions(5, new double[6]));
        assertFalse(slide.geneIds().iterator().hasNext());
    }
}
