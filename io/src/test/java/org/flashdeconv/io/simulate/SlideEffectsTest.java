package org.flashdeconv.io.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlideEffectsTest {

    private static SimulatedSlide slide(long spots, int genes, int types, Profile profile, SlideEffects effects,
                                        int threads) {
        return new SimulatedSlide(new SimulationOptions(spots, genes, types, profile, 4, threads, effects));
    }

    private static List<long[]> entries(SimulatedSlide slide) throws IOException {
        List<long[]> out = new ArrayList<>();
        slide.forEachEntry((spot, gene, value, location) -> out.add(new long[]{spot, gene, (long) value}));
        return out;
    }

    /** counts[spot][gene], small slides only. */
    private static double[][] dense(SimulatedSlide slide) throws IOException {
        double[][] y = new double[(int) slide.spots()][slide.genes()];
        slide.forEachEntry((spot, gene, value, location) -> y[(int) spot][gene] = value);
        return y;
    }

    @Test
    void zeroSigmaGivesUnitFactorsAndTheCleanSlide() throws IOException {
        SimulatedSlide clean = slide(300, 800, 5, Profile.HD16, SlideEffects.CLEAN, 1);
        SimulatedSlide zero = slide(300, 800, 5, Profile.HD16, SlideEffects.CLEAN.withPlatformSigma(0), 1);
        for (int g = 0; g < 800; g++) {
            assertEquals(1.0, zero.platformFactor(g), 0.0);
            assertEquals(zero.expression(2, g), zero.slideExpression(2, g), 0.0);
        }
        List<long[]> a = entries(clean);
        List<long[]> b = entries(zero);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
    }

    @Test
    void platformFactorsAreLogNormalPerGeneAndSharedByAllTypes() {
        SimulatedSlide s = slide(10, 4000, 4, Profile.HD8, SlideEffects.CLEAN.withPlatformSigma(0.4), 1);
        double sum = 0;
        double sumSq = 0;
        for (int g = 0; g < 4000; g++) {
            double l = Math.log(s.platformFactor(g));
            sum += l;
            sumSq += l * l;
        }
        double mean = sum / 4000;
        assertEquals(0.0, mean, 0.03);
        assertEquals(0.4, Math.sqrt(sumSq / 4000 - mean * mean), 0.02);
        for (int k = 0; k < 4; k++) {
            // slide = reference x factor / (per-type constant): the ratio over the factor is the same for every gene
            double c = s.slideExpression(k, 0) / (s.expression(k, 0) * s.platformFactor(0));
            for (int g = 1; g < 4000; g += 37) {
                assertEquals(c, s.slideExpression(k, g) / (s.expression(k, g) * s.platformFactor(g)), 1e-9 * c);
            }
        }
        assertNotEquals(s.expression(1, 5), s.slideExpression(1, 5));
    }

    @Test
    void negativeBinomialVarianceExceedsPoissonByTheDispersion() throws IOException {
        // one type, fixed expected depth: the count of gene g is NB(mu_g, phi) in every spot
        for (double phi : new double[]{0.0, 0.3}) {
            SimulatedSlide s = slide(4000, 300, 1, Profile.HD8,
                    SlideEffects.CLEAN.withDispersion(phi).withDepth(2000, 2000), 2);
            double[][] y = dense(s);
            double excess = 0;
            double meanSq = 0;
            double total = 0;
            int checked = 0;
            for (int g = 0; g < 300; g++) {
                double m = 0;
                double v = 0;
                for (double[] row : y) {
                    m += row[g];
                }
                m /= y.length;
                for (double[] row : y) {
                    v += (row[g] - m) * (row[g] - m);
                }
                v /= y.length - 1;
                total += m;
                double mu = 2000 * s.slideExpression(0, g) / 1e4;
                assertEquals(mu, m, 6 * Math.sqrt((mu + phi * mu * mu) / y.length) + 1e-9, "mean of gene " + g);
                if (mu >= 3) {
                    excess += v - m;
                    meanSq += m * m;
                    checked++;
                }
            }
            assertTrue(checked > 50, "genes checked " + checked);
            double estimate = excess / meanSq;
            // multinomial: variance mu (1 - p), slightly below Poisson; NB: mu + phi mu^2
            assertEquals(phi, estimate, phi == 0 ? 0.01 : 0.1 * phi, "dispersion estimate");
            assertEquals(2000, total, phi == 0 ? 1.0 : 2000 * 0.02, "mean library");
        }
    }

    @Test
    void depthRangeIsLogUniform() throws IOException {
        SimulatedSlide s = slide(5000, 500, 4, Profile.HD8, SlideEffects.CLEAN.withDepth(20, 5000), 2);
        long[] umi = new long[5000];
        s.forEachEntry((spot, gene, value, location) -> umi[(int) spot] += (long) value);
        Arrays.sort(umi);
        assertTrue(umi[0] >= 20 && umi[0] <= 25, "smallest " + umi[0]);
        assertTrue(umi[4999] <= 5000 && umi[4999] >= 4800, "largest " + umi[4999]);
        assertEquals(Math.sqrt(20 * 5000.0), umi[2500], 0.1 * Math.sqrt(20 * 5000.0), "median = geometric mean");
        assertEquals(Math.sqrt(Math.sqrt(20 * 5000.0) * 20), umi[1250], 0.1 * 45, "lower quartile");
    }

    @Test
    void cellAndMoleculeFractionsFollowTheCellSizes() {
        SimulatedSlide s = slide(2000, 300, 6, Profile.VISIUM, SlideEffects.CLEAN.withCellSizes(500, 5000), 1);
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (int k = 0; k < 6; k++) {
            assertTrue(s.cellSize(k) >= 500 && s.cellSize(k) <= 5000, "size " + s.cellSize(k));
            smallest = Math.min(smallest, s.cellSize(k));
            largest = Math.max(largest, s.cellSize(k));
        }
        assertTrue(largest > 1.5 * smallest, "the sizes differ");
        double[] c = new double[6];
        double[] m = new double[6];
        int differing = 0;
        for (long spot = 0; spot < 2000; spot++) {
            s.cellFractions(spot, c);
            s.proportions(spot, m);
            double norm = 0;
            for (int k = 0; k < 6; k++) {
                norm += c[k] * s.cellSize(k);
            }
            double sum = 0;
            for (int k = 0; k < 6; k++) {
                assertEquals(c[k] * s.cellSize(k) / norm, m[k], 1.01e-6, "spot " + spot + " type " + k);
                sum += m[k];
                differing += Math.abs(c[k] - m[k]) > 0.01 ? 1 : 0;
            }
            assertEquals(1.0, sum, 1e-9);
        }
        assertTrue(differing > 1000, "cell and molecule fractions differ, entries " + differing);
        SimulatedSlide equal = slide(50, 300, 6, Profile.VISIUM, SlideEffects.CLEAN, 1);
        for (long spot = 0; spot < 50; spot++) {
            equal.cellFractions(spot, c);
            equal.proportions(spot, m);
            assertArrayEquals(c, m, 0.0);
        }
    }

    @Test
    void referenceCellsHaveTheTypeSizesAndLeaveTheMissingTypesOut() {
        SlideEffects effects = SlideEffects.CLEAN.withCellSizes(1000, 4000).withDispersion(0.2).withMissingTypes(2)
                .withReferenceCells(150);
        SimulatedSlide s = slide(10, 2000, 6, Profile.HD8, effects, 1);
        ReferenceCells cells = ReferenceCells.draw(s, 150);
        assertEquals(4 * 150, cells.cells());
        assertEquals(List.of("B_cell", "T_CD4", "T_CD8", "NK"), cells.typeNames());
        double[] sum = new double[4];
        double[] sumSq = new double[4];
        for (int c = 0; c < cells.cells(); c++) {
            int previous = -1;
            double library = 0;
            for (int e = cells.rowStart(c); e < cells.rowEnd(c); e++) {
                assertTrue(cells.gene(e) > previous && cells.count(e) >= 1);
                previous = cells.gene(e);
                library += cells.count(e);
            }
            sum[cells.type(c)] += library;
            sumSq[cells.type(c)] += library * library;
        }
        double lognormalMean = Math.exp(ReferenceCells.LIBRARY_SIGMA * ReferenceCells.LIBRARY_SIGMA / 2);
        for (int k = 0; k < 4; k++) {
            double mean = sum[k] / 150;
            double sd = Math.sqrt(sumSq[k] / 150 - mean * mean);
            assertEquals(s.cellSize(k) * lognormalMean, mean, 4 * sd / Math.sqrt(150), "type " + k);
            assertEquals(ReferenceCells.LIBRARY_SIGMA * s.cellSize(k) * lognormalMean, sd, 0.35 * sd, "sd " + k);
        }
        assertEquals(cells.gene(cells.rowStart(7)), ReferenceCells.draw(s, 150).gene(cells.rowStart(7)));
    }

    @Test
    void realisticSlidesAreTheSameForAnyBlockSizeAndThreadCount() throws IOException {
        SimulationOptions o = new SimulationOptions(900, 1500, 6, Profile.HD16, 8, 1, SlideEffects.REALISTIC);
        List<long[]> a = entries(new SimulatedSlide(o, 64));
        List<long[]> b = entries(new SimulatedSlide(o.withThreads(3), 7));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "entry " + i);
        }
        List<long[]> clean = entries(new SimulatedSlide(o.withEffects(SlideEffects.CLEAN)));
        assertNotEquals(clean.size(), a.size());
    }

    @Test
    void invalidEffectsAreRejectedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SlideEffects.CLEAN.withDepth(10, 5)).getMessage().contains("depth"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SlideEffects.CLEAN.withPlatformSigma(-1)).getMessage().contains("platform sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SlideEffects.CLEAN.withDispersion(Double.NaN)).getMessage().contains("dispersion"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SimulationOptions(5, 10, 3, Profile.HD8,
                1, 1, SlideEffects.CLEAN.withMissingTypes(3))).getMessage().contains("missing types"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SlideEffects.scenario("noisy")).getMessage().contains("noisy"));
        assertEquals(SlideEffects.REALISTIC, SlideEffects.scenario("Realistic"));
    }
}
