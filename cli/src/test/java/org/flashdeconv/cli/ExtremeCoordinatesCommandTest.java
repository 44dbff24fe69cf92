package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, extreme coordinates, through the command: a slide whose coordinates are scaled by a power of two from
 * 2^-1000 to 2^1000 (1e-301 to 1e301: squared distances underflow or overflow a double) gives the same spatial graph,
 * so the same proportions bit for bit, and never hangs.
 */
class ExtremeCoordinatesCommandTest extends CatalogueCase {

    private byte[] proportions(double scale) throws IOException {
        TinySlide s = new TinySlide(40);
        s.coords.replaceAll(c -> new double[] {c[0] * scale, c[1] * scale});
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> deconvolve(s));
        assertEquals(0, r.code(), "scale " + scale + ": " + r.err());
        return Files.readAllBytes(out().resolve("proportions.csv"));
    }

    @Test
    void scaledCoordinatesGiveTheSameProportions() throws IOException {
        byte[] plain = proportions(1);
        for (double scale : new double[] {0x1p-1000, 0x1p-600, 0x1p600, 0x1p1000}) {
            assertArrayEquals(plain, proportions(scale), "scale " + scale);
        }
    }
}
