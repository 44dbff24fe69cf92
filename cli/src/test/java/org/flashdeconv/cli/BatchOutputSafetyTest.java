package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, inputs never overwritten, for {@code batch}: an output folder that is or lies inside an input, a slide's
 * result folder (replaced whole by its run) or a shared output that is or holds any input, and slide ids that name
 * the same folder are refused before any slide runs (exit 2), with symbolic links resolved; every input is left as
 * it was and nothing is written.
 */
class BatchOutputSafetyTest {
    @TempDir
    Path dir;
    private Path store;
    private Path signatures;
    private Path mex;
    private Path coords;

    @BeforeEach
    void inputs() throws IOException {
        TinySlide s = new TinySlide(24);
        mex = s.writeMex(dir);
        coords = s.writeCoords(dir);
        signatures = s.writeSignatures(dir);
        store = dir.resolve("s.fdstore");
        Result c = run("convert", mex.toString(), "--coords", coords.toString(), "-o", store.toString(), "-q");
        assertEquals(0, c.code(), c.err());
    }

    private Result batch(Path manifest, Path out) {
        return run("batch", "--manifest", manifest.toString(), "--reference", signatures.toString(), "--min-overlap",
                "10", "-o", out.toString(), "-q", "--threads", "1");
    }

    private Path manifest(Path at, String rows) throws IOException {
        Files.createDirectories(at.getParent());
        return Files.writeString(at, "slide_id,spatial,coords\n" + rows);
    }

    /** Exit 2 with {@code fragment} in the first line; the inputs are unchanged and no result was written. */
    private void assertRefused(Result r, String fragment) throws IOException {
        assertEquals(2, r.code(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains(fragment), "expected '" + fragment + "' in: " + first);
        assertEquals(0, run("info", "--verify", store.toString()).code(), "the store input is intact");
        assertTrue(Files.isRegularFile(mex.resolve("matrix.mtx")) && Files.isRegularFile(signatures));
        try (Stream<Path> all = Files.walk(dir)) {
            List<String> written = all.filter(p -> !isManifest(p)).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") || n.equals("proportions.csv") || n.equals("summaries.csv")
                            || n.equals("part-00000.parquet")).toList();
            assertEquals(List.of(), written, "nothing written");
        }
    }

    private static boolean isManifest(Path p) {
        try {
            return Files.isRegularFile(p) && Files.readString(p).startsWith("slide_id,");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anOutputFolderInsideOrEqualToAnInputIsRefused() throws IOException {
        Path m = manifest(dir.resolve("slides.csv"), "m1," + mex + "," + coords + "\n");
        assertRefused(batch(m, mex.resolve("results")), "-o: " + mex.resolve("results") + " is inside the spatial "
                + "(slide m1, manifest line 2) input folder " + mex + "; flashdeconv never writes into an input");
        assertRefused(batch(m, mex), "-o: " + mex + " is the spatial (slide m1, manifest line 2) input");
        Path link = Files.createSymbolicLink(dir.resolve("link"), mex);
        assertRefused(batch(m, link.resolve("out")), "-o: " + link.resolve("out") + " is inside the spatial");
        assertRefused(batch(m, m), "-o: " + m + " is the --manifest input");
        assertRefused(batch(m, signatures), "-o: " + signatures + " is the --reference input");
    }

    @Test
    void aSlideFolderThatHoldsAnyRowsInputIsRefused() throws IOException {
        Path out = dir.resolve("out");
        // slide s2's input lives in the folder slide s1's run replaces
        Path inS1 = Files.createDirectories(out.resolve("s1")).resolve("input.fdstore");
        Files.copy(store, inS1);
        Path m = manifest(dir.resolve("slides.csv"), "s2," + inS1 + ",\ns1,s.fdstore,\n");
        assertRefused(batch(m, out), "-o: " + out.resolve("s1") + " holds the spatial (slide s2, manifest line 2) "
                + "input " + inS1 + "; a run replaces its whole result folder");
        assertArrayEquals(Files.readAllBytes(store), Files.readAllBytes(inS1));
        // the same through a link: out/s3 -> the folder holding the store
        Files.createSymbolicLink(out.resolve("s3"), dir);
        Path m3 = manifest(dir.resolve("m3/slides.csv"), "s3," + store + ",\n");
        assertRefused(batch(m3, out), "-o: " + out.resolve("s3") + " holds the --manifest input");
        // coordinates, and the reference, kept in a slide's folder
        Path c = Files.copy(coords, out.resolve("s1").resolve("coords.csv"));
        Path mc = manifest(dir.resolve("mc/slides.csv"), "s1," + mex + "," + c + "\n");
        assertRefused(batch(mc, out), "holds the coords (slide s1, manifest line 2) input " + c);
        Files.delete(c);
        Path ref = Files.copy(signatures, out.resolve("s1").resolve("ref.csv"));
        Result r = run("batch", "--manifest", manifest(dir.resolve("mr/slides.csv"), "s1," + store + ",\n")
                .toString(), "--reference", ref.toString(), "--min-overlap", "10", "-o", out.toString(), "-q");
        assertRefused(r, "-o: " + out.resolve("s1") + " holds the --reference input " + ref);
    }

    @Test
    void aSharedOutputThatIsAnInputIsRefused() throws IOException {
        Path out = dir.resolve("out");
        // the manifest kept as out/summaries.csv, which the batch rewrites after every slide
        Path m = manifest(out.resolve("summaries.csv"), "s1," + store + ",\n");
        assertRefused(batch(m, out), "-o: " + out.resolve("summaries.csv") + " is the --manifest input");
        Files.delete(m);
        Path inTable = Files.createDirectories(out.resolve("proportions.parquet")).resolve("s.fdstore");
        Files.copy(store, inTable);
        Path m2 = manifest(dir.resolve("slides.csv"), "s1," + inTable + ",\n");
        assertRefused(batch(m2, out), "-o: " + out.resolve("proportions.parquet") + " holds the spatial (slide s1, "
                + "manifest line 2) input");
    }

    @Test
    void slideIdsThatNameOneFolderAreRefused() throws IOException {
        Path m = manifest(dir.resolve("slides.csv"), "S1," + store + ",\ns1," + store + ",\n");
        Result r = batch(m, dir.resolve("out"));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("slides.csv line 3: slide_id 's1' repeats line 2 ('S1'; ids name folders"),
                r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
