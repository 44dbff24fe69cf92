package org.flashdeconv.io.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.engine.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean scenario draws exactly what the simulator drew before the realistic effects existed: the hashes below
 * were taken from the simulator of commit a0ad724 (before the effects), so any change to the clean stream fails here.
 */
class CleanScenarioRegressionTest {

    private static long entryHash(SimulatedSlide slide) throws IOException {
        long[] h = {17};
        slide.forEachEntry((spot, gene, value, location) ->
                h[0] = SpotRandom.mix(h[0] ^ (spot * 1_000_003L + gene * 31L + (long) value)));
        return h[0];
    }

    private static long fileHash(Path file) throws IOException {
        long h = 17;
        for (byte b : Files.readAllBytes(file)) {
            h = SpotRandom.mix(h ^ b);
        }
        return h;
    }

    @Test
    void cleanSlidesAndTruthAreUnchanged(@TempDir Path dir) throws IOException {
        SimulatedSlide hd8 = new SimulatedSlide(new SimulationOptions(3000, 2000, 6, Profile.HD8, 5, 2));
        SimulatedSlide visium = new SimulatedSlide(new SimulationOptions(200, 3000, 12, Profile.VISIUM, 1, 2));
        Path truth = dir.resolve("truth.csv.gz");
        GroundTruth.writeProportions(hd8, truth, Progress.NONE);
        Path signatures = dir.resolve("signatures.csv");
        GroundTruth.writeSignatures(visium, signatures);
        assertEquals(729488422478699369L, entryHash(hd8), "hd8 entries");
        assertEquals(8238575306444388910L, entryHash(visium), "visium entries");
        assertEquals(2190520068211390261L, fileHash(truth), "truth file");
        assertEquals(5617146343643422652L, fileHash(signatures), "signatures file");
    }
}
