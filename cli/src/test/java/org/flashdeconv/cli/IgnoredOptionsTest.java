package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the options of the published model that the count model (the default) does not use are not silently
 * dropped: giving one under counts prints one warning line naming it and {@code --model flashdeconv}; the result is
 * the same bits as without it; under {@code --model flashdeconv} there is no warning.
 */
class IgnoredOptionsTest extends CatalogueCase {
    private static final String HINT = "add --model flashdeconv to use";

    private static List<String> warnings(Result r) {
        return r.err().lines().filter(l -> l.contains(HINT)).toList();
    }

    @Test
    void everyFlashDeconvOptionIsNamedAndChangesNothing() throws Exception {
        TinySlide s = new TinySlide(24);
        Result plain = deconvolve(s);
        assertEquals(0, plain.code(), plain.err());
        assertEquals(List.of(), warnings(plain));
        byte[] proportions = Files.readAllBytes(out().resolve("proportions.csv"));
        byte[] quality = Files.readAllBytes(out().resolve("quality.csv"));
        Result all = deconvolve(s, "--tol", "0.5", "--rho", "2", "--solver", "reference", "--max-iter", "3",
                "--sketch-dim", "64", "--preprocess", "pearson", "--gene-weighting", "countsketch", "--seed", "5");
        assertEquals(0, all.code(), all.err());
        assertEquals(List.of("warning: --rho, --solver, --max-iter, --tol, --sketch-dim, --preprocess, "
                + "--gene-weighting, --seed are options of --model flashdeconv and the count model (the default) "
                + "ignores them; add --model flashdeconv to use them"), warnings(all));
        assertArrayEquals(proportions, Files.readAllBytes(out().resolve("proportions.csv")));
        assertArrayEquals(quality, Files.readAllBytes(out().resolve("quality.csv")));
    }

    @Test
    void oneOptionEvenAtItsDefaultValueIsNamedAlone() throws Exception {
        TinySlide s = new TinySlide(24);
        for (String[] option : List.of(new String[] {"--rho", "0.01"}, new String[] {"--max-iter", "1000"},
                new String[] {"--seed", "0"}, new String[] {"--solver", "block"})) {
            Result r = deconvolve(s, option[0], option[1], "--model", "counts");
            assertEquals(0, r.code(), r.err());
            assertEquals(List.of("warning: " + option[0] + " is an option of --model flashdeconv and the count model "
                    + "(the default) ignores it; add --model flashdeconv to use it"), warnings(r));
        }
    }

    @Test
    void noWarningUnderFlashDeconvOrForTheCountModelsOwnOptions() throws Exception {
        TinySlide s = new TinySlide(24);
        Result flash = deconvolve(s, "--model", "flashdeconv", "--rho", "0.02", "--tol", "1e-5", "--solver",
                "reference");
        assertEquals(0, flash.code(), flash.err());
        assertEquals(List.of(), warnings(flash));
        Result own = deconvolve(s, "--lambda", "auto*2", "--k", "4", "--n-hvg", "100", "--n-markers", "5");
        assertEquals(0, own.code(), own.err());
        assertEquals(List.of(), warnings(own));
    }

    @Test
    void batchWarnsOnceForAllItsSlides() throws Exception {
        TinySlide s = new TinySlide(24);
        storeWithCoords(s);
        Path manifest = Files.writeString(dir.resolve("slides.csv"), "slide_id,spatial\na,s.fdstore\nb,s.fdstore\n");
        Result r = run("batch", "--manifest", manifest.toString(), "--reference", s.writeSignatures(dir).toString(),
                "--min-overlap", "10", "-o", out().toString(), "-q", "--threads", "1", "--tol", "1e-6");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("warning: --tol is an option of --model flashdeconv and the count model (the default) "
                + "ignores it; add --model flashdeconv to use it"), warnings(r));
        assertTrue(Files.isRegularFile(out().resolve("b/quality.csv")));
    }
}
