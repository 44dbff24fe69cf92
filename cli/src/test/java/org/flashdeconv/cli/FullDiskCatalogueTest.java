package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.atomic.NamedChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: "No space left on device" names the file or folder. The writes of one chosen file go to
 * {@code /dev/full}, where the kernel answers every write with ENOSPC (through {@link NamedChannel}, the channel every
 * writer opens): each command fails with one line naming the output (or, for a hidden temporary, its folder), exit
 * 1, and leaves no temporary behind.
 */
class FullDiskCatalogueTest extends CatalogueCase {
    private static final Path FULL = Path.of("/dev/full");
    private static final String ENOSPC = "No space left on device";

    @BeforeEach
    void needsDevFull() {
        assumeTrue(Files.isWritable(FULL) && !Files.isRegularFile(FULL), "/dev/full (Linux)");
    }

    /** Runs {@code args} with the writes of the files under {@code dir} whose name matches sent to /dev/full. */
    private Result full(Predicate<String> name, String... args) throws Exception {
        try (AutoCloseable redirect = NamedChannel.redirectWrites(p -> p.toAbsolutePath().startsWith(dir)
                && name.test(p.getFileName().toString()), FULL)) {
            return run(args);
        }
    }

    private String[] deconvolveArgs(TinySlide s, String... extra) throws IOException {
        String[] base = {"deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords",
            s.writeCoords(dir).toString(), "--reference", s.writeSignatures(dir).toString(), "-o", out().toString(),
            "--threads", "1", "-q", "--min-overlap", "10"};
        return Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    }

    @Test
    void convertNamesTheFolderOfItsTemporaryFiles() throws Exception {
        TinySlide s = new TinySlide(24);
        String[] args = {"convert", s.writeMex(dir).toString(), "-o", dir.resolve("s.fdstore").toString(), "-q"};
        // the store file itself, then one of the files its sections are spilled to first
        for (Predicate<String> name : List.<Predicate<String>>of(n -> n.startsWith(".s.fdstore.") && n.endsWith(".tmp"),
                n -> n.startsWith(".s.fdstore.") && n.endsWith(".values"),
                n -> n.startsWith(".s.fdstore.") && n.endsWith(".bc"))) {
            assertBadInput(full(name, args), "convert", dir + ": " + ENOSPC + ", writing the temporary file "
                    + ".s.fdstore.");
        }
    }

    @Test
    void deconvolveNamesTheResultFileNotItsStagingFolder() throws Exception {
        TinySlide s = new TinySlide(24);
        for (String file : List.of("proportions.csv", "dominant.csv", "genes_used.txt", "summary.json")) {
            assertBadInput(full(file::equals, deconvolveArgs(s)), "deconvolve", out().resolve(file) + ": " + ENOSPC);
        }
        assertBadInput(full("proportions.csv"::equals, deconvolveArgs(s, "--lambda", "0.5,auto")), "deconvolve",
                out().resolve("lambda_0.5").resolve("proportions.csv") + ": " + ENOSPC);
        // the temporary store an input that is not a store is converted to, inside the staged result folder
        Result input = full(n -> n.contains(".flashdeconv-input-"), deconvolveArgs(s));
        assertBadInput(input, "deconvolve", out() + ": " + ENOSPC + ", writing the temporary file .");
        assertTrue(input.err().contains("flashdeconv-input-"), input.err());
    }

    @Test
    void theAnnDataOutputAndThePicturesNameTheirFile() throws Exception {
        TinySlide s = new TinySlide(24);
        Path h5ad = dir.resolve("x.h5ad");
        // the final name the user gave, not the folder and the hidden temporary it is written to first
        Result r = full("x.h5ad"::equals, deconvolveArgs(s, "--h5ad-out", h5ad.toString()));
        assertBadInput(r, "deconvolve", h5ad + ": " + ENOSPC);
        assertFalse(r.err().contains(".x.h5ad.") || r.err().contains("temporary"), r.err());
        assertFalse(Files.exists(h5ad));
        Path second = dir.resolve("x_lambda_0.5.h5ad");
        assertBadInput(full(second.getFileName().toString()::equals, deconvolveArgs(s, "--h5ad-out", h5ad.toString(),
                "--lambda", "auto,0.5")), "deconvolve", second + ": " + ENOSPC);
        assertFalse(Files.exists(second));
        assertBadInput(full("proportions.png"::equals, deconvolveArgs(s, "--plot")), "deconvolve",
                out().resolve("proportions.png") + ": " + ENOSPC);
        // plot, into a finished result folder: the folder keeps its files, the picture is not there
        assertEquals(0, run(deconvolveArgs(s)).code());
        Result p = full("dominant.png"::equals, "plot", out().toString());
        assertEquals(1, p.code(), p.err());
        assertEquals("flashdeconv plot: " + out().resolve("dominant.png") + ": " + ENOSPC, p.err().strip());
        assertFalse(Files.exists(out().resolve("dominant.png")));
        assertTrue(Files.exists(out().resolve("proportions.csv")));
        assertEquals(List.of(), hidden());
    }

    @Test
    void simulateNamesEachOfItsFiles() throws Exception {
        Path sim = dir.resolve("sim");
        String[] args = {"simulate", "-o", sim.toString(), "--spots", "60", "--genes", "40", "--types", "3", "-q",
            "--reference-cells", "5"};
        for (String file : List.of("signatures.csv", "truth_proportions.csv.gz", "simulation.json")) {
            Result r = full(file::equals, args);
            assertEquals(1, r.code(), r.err());
            assertEquals("flashdeconv simulate: " + sim.resolve(file) + ": " + ENOSPC, r.err().strip());
            assertFalse(Files.exists(sim.resolve(file)));
            assertEquals(List.of(), hidden());
        }
        Result spill = full(n -> n.startsWith(".slide.fdstore.") && n.endsWith(".values"), args);
        assertEquals("flashdeconv simulate: " + sim + ": " + ENOSPC + ", writing the temporary file .slide.fdstore.",
                spill.err().strip().substring(0, spill.err().strip().indexOf(".slide.fdstore.") + 15));
        assertEquals(List.of(), hidden());
    }

    @Test
    void batchRecordsTheSlideAndNamesTheFile() throws Exception {
        TinySlide s = new TinySlide(24);
        storeWithCoords(s);
        Path manifest = Files.writeString(dir.resolve("slides.csv"), "slide_id,spatial\ns1,s.fdstore\n");
        String[] args = {"batch", "--manifest", manifest.toString(), "--reference", s.writeSignatures(dir).toString(),
            "--min-overlap", "10", "-o", out().toString(), "-q", "--threads", "1"};
        Result slide = full("proportions.csv"::equals, args);
        assertEquals(1, slide.code(), slide.err());
        assertTrue(slide.err().contains("slide s1 (manifest line 2): " + out().resolve("s1").resolve("proportions.csv")
                + ": " + ENOSPC), slide.err());
        Result table = full("summaries.csv"::equals, args);
        assertEquals(1, table.code(), table.err());
        assertTrue(table.err().contains(out().resolve("summaries.csv") + ": " + ENOSPC), table.err());
        assertEquals(List.of(), hidden());
    }

    private List<Path> hidden() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
