package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The small frictions of issue 12, item 7: option values out of range are usage errors; help examples copy-paste. */
class SmallFrictionsTest {
    @TempDir
    Path dir;

    @Test
    void kZeroAndZeroSpotsAreUsageErrors() throws IOException {
        TinySlide s = new TinySlide(24);
        Result r = run("deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords", s.writeCoords(dir).toString(),
                "--reference", s.writeSignatures(dir).toString(), "-o", dir.resolve("out").toString(), "--k", "0",
                "-q");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().lines().findFirst().orElse("").contains("--k must be at least 1"), r.err());
        assertFalse(Files.exists(dir.resolve("out/proportions.csv")));
        Result sim = run("simulate", "--spots", "0", "-o", dir.resolve("sim").toString(), "-q");
        assertEquals(2, sim.code(), sim.err());
        assertTrue(sim.err().lines().findFirst().orElse("").contains("--spots must be at least 1, found 0"), sim.err());
        assertFalse(Files.exists(dir.resolve("sim/slide.fdstore")));
    }

    /** Picocli wraps help text at 80 columns; an example wider than that would break when pasted. */
    @Test
    void helpExamplesFitTheHelpWidthSoNothingIsWrapped() {
        CommandLine cl = new CommandLine(new Main());
        int checked = 0;
        for (CommandLine sub : cl.getSubcommands().values()) {
            int width = sub.getUsageHelpWidth();
            for (String line : sub.getCommandSpec().usageMessage().footer()) {
                assertTrue(line.length() <= width - 1, sub.getCommandName() + " footer line of " + line.length()
                        + " characters (help width " + width + "): " + line);
                checked++;
            }
        }
        assertTrue(checked > 20, "footers checked: " + checked);
    }

    @Test
    void infoOnAFolderOrAnAnnDataFileSaysWhatItIsAndWhatToRun() throws IOException {
        Path mex = new TinySlide(24).writeMex(dir);
        Result r = run("info", mex.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("a MEX folder"), r.out());
        assertTrue(r.out().contains("24 spots x 30 genes"), r.out());
        assertTrue(r.out().contains("flashdeconv convert " + mex), r.out());
        Path h5ad = org.flashdeconv.io.testdata.TestInputs.path("h5ad/csr_gzip.h5ad");
        r = run("info", h5ad.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("an AnnData file") && r.out().contains("flashdeconv deconvolve --spatial " + h5ad),
                r.out());
        r = run("info", Files.writeString(dir.resolve("notes.txt"), "hello").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("not a store nor a recognised input"), r.out());
    }
}
