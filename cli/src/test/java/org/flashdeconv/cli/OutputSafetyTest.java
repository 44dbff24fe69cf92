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
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.3 and 11.7: no output may replace an input (after symbolic links and hard links), two λ values may not
 * share a result folder, a result folder describes one run (an earlier run's {@code lambda_*} folders and pictures
 * go), a folder holding files we did not write is not replaced, and {@code deconvolve} never changes the store.
 */
class OutputSafetyTest extends CatalogueCase {

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anAnnDataOutputThatIsTheSpatialInputIsRefused() throws IOException {
        Path spatial = Files.copy(TestInputs.path("h5ad/csr_gzip.h5ad"), dir.resolve("spatial.h5ad"));
        byte[] before = Files.readAllBytes(spatial);
        Path link = Files.createSymbolicLink(dir.resolve("link.h5ad"), spatial);
        Path hard = Files.createLink(dir.resolve("hard.h5ad"), spatial);
        Path dotted = dir.resolve("sub/../spatial.h5ad");
        Files.createDirectories(dir.resolve("sub"));
        for (Path target : List.of(spatial, link, hard, dotted)) {
            Result r = run("deconvolve", "--spatial", spatial.toString(), "--reference",
                    TestInputs.path("reference/sc_counts.h5ad").toString(), "--cell-type-key", "cell_type",
                    "--min-overlap", "5", "-o", out().toString(), "-q", "--h5ad-out", target.toString());
            assertUsage(r, "--h5ad-out: " + target + " is the --spatial input; flashdeconv never replaces an input");
            assertArrayEquals(before, Files.readAllBytes(spatial), target.toString());
            assertFalse(Files.exists(out()));
        }
    }

    @Test
    void anAnnDataOutputThatIsTheReferenceOrAPerLambdaInputIsRefused() throws IOException {
        TinySlide s = new TinySlide(24);
        Path sig = s.writeSignatures(dir);
        assertUsage(deconvolve(s, "--h5ad-out", sig.toString()), "--h5ad-out: " + sig + " is the --reference input");
        // with several λ the files are x_lambda_<value>.h5ad: one of them is the coordinates file here
        Path coords = s.writeCoords(dir);
        Path renamed = Files.move(coords, dir.resolve("x_lambda_0.h5ad"));
        Result r = run("deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords", renamed.toString(),
                "--reference", sig.toString(), "-o", out().toString(), "-q", "--min-overlap", "10", "--lambda",
                "0,auto", "--h5ad-out", dir.resolve("x.h5ad").toString());
        assertUsage(r, "x_lambda_0.h5ad is the --coords input");
    }

    @Test
    void convertNeverReplacesItsInput() throws IOException {
        TinySlide s = new TinySlide(24);
        Path mex = s.writeMex(dir);
        Path mtx = mex.resolve("matrix.mtx");
        byte[] before = Files.readAllBytes(mtx);
        Path link = Files.createSymbolicLink(dir.resolve("m.fdstore"), mtx);
        for (Path target : List.of(mtx, link, dir.resolve("mex/../mex/matrix.mtx"))) {
            Result r = run("convert", mtx.toString(), "-o", target.toString());
            assertUsage(r, "-o: " + target + " is the INPUT input");
            assertArrayEquals(before, Files.readAllBytes(mtx));
        }
        // a file of an input folder (barcodes.tsv of the MEX folder given as INPUT)
        Path barcodes = mex.resolve("barcodes.tsv");
        Result r = run("convert", mex.toString(), "-o", barcodes.toString());
        assertUsage(r, "is a file of the INPUT input folder");
        Path coords = s.writeCoords(dir);
        Result c = run("convert", mex.toString(), "--coords", coords.toString(), "-o", coords.toString());
        assertUsage(c, "is the --coords input");
    }

    @Test
    void aResultFolderThatIsOrHoldsAnInputIsRefused() throws IOException {
        TinySlide s = new TinySlide(24);
        Path mex = s.writeMex(dir);
        Path sig = s.writeSignatures(dir);
        Path coords = s.writeCoords(Files.createDirectories(out()));
        Result r = run("deconvolve", "--spatial", mex.toString(), "--coords", coords.toString(), "--reference",
                sig.toString(), "-o", out().toString(), "-q", "--min-overlap", "10");
        assertUsage(r, "-o: " + out() + " holds the --coords input " + coords);
        assertTrue(Files.exists(coords));
        Result same = run("deconvolve", "--spatial", mex.toString(), "--coords", coords.toString(), "--reference",
                sig.toString(), "-o", mex.toString(), "-q", "--min-overlap", "10");
        assertUsage(same, "-o: " + mex + " is the --spatial input");
        Result parent = run("deconvolve", "--spatial", mex.toString(), "--coords", coords.toString(), "--reference",
                sig.toString(), "-o", dir.toString(), "-q", "--min-overlap", "10");
        assertEquals(2, parent.code(), parent.err());
        assertEquals(List.of("coords.csv"), names(out()));
    }

    @Test
    void twoLambdaValuesNamingOneFolderAreAUsageError() throws IOException {
        String[][] cases = {{"0.1,0.10", "'0.1' and '0.10' are the same value (result folder lambda_0.1)"},
            {"auto,auto*1", "'auto' and 'auto*1' are the same value (result folder lambda_auto)"},
            {"100,1e2", "'100' and '1e2' are the same value"},
            {"auto*2,AUTO*2.0", "'auto*2' and 'AUTO*2.0' are the same value"},
            {"5,0,5", "'5' and '5' are the same value"}};
        for (String[] c : cases) {
            assertUsage(deconvolve(new TinySlide(24), "--lambda", c[0]), "--lambda: " + c[1]);
        }
    }

    @Test
    void aRerunReplacesTheWholeFolder() throws IOException {
        TinySlide s = new TinySlide(24);
        Result first = deconvolve(s, "--lambda", "0,auto", "--plot");
        assertEquals(0, first.code(), first.err());
        assertEquals(List.of("lambda_0", "lambda_auto"), names(out()));
        Result second = deconvolve(s, "--lambda", "auto,50");
        assertEquals(0, second.code(), second.err());
        assertEquals(List.of("lambda_50", "lambda_auto"), names(out()), "no lambda_0 of the earlier run");
        assertFalse(Files.exists(out().resolve("lambda_auto/proportions.png")), "no picture of the earlier run");
        Result third = deconvolve(s, "--plot");
        assertEquals(0, third.code(), third.err());
        assertEquals(List.of("abundances.csv", "coordinates.csv", "dominant.csv", "dominant.png", "genes_used.txt",
                "proportions.csv", "proportions.png", "quality.csv", "summary.json"), names(out()));
        Result fourth = deconvolve(s);
        assertEquals(0, fourth.code(), fourth.err());
        assertFalse(Files.exists(out().resolve("dominant.png")));
        assertEquals(List.of(), ChildJvm.temporaries(dir), "no staging folder left");
        assertTrue(fourth.out().startsWith(out() + ": 24 spots"), "reports the final folder: " + fourth.out());
    }

    @Test
    void aFolderHoldingOtherFilesOrAFileIsNotReplaced() throws IOException {
        TinySlide s = new TinySlide(24);
        assertEquals(0, deconvolve(s).code());
        byte[] before = Files.readAllBytes(out().resolve("proportions.csv"));
        Files.writeString(out().resolve("notes.txt"), "mine");
        Result foreign = deconvolve(s, "--lambda", "5");
        assertEquals(1, foreign.code(), foreign.err());
        assertEquals("flashdeconv deconvolve: " + out() + ": holds files flashdeconv did not write (notes.txt); a run "
                + "replaces its whole result folder, so give a new or empty folder", foreign.err().strip());
        assertEquals(List.of(), ChildJvm.temporaries(dir));
        assertArrayEquals(before, Files.readAllBytes(out().resolve("proportions.csv")));
        Files.delete(out().resolve("notes.txt"));
        Files.createDirectories(out().resolve("lambda_1/deeper"));
        Files.writeString(out().resolve("lambda_1/deeper/keep.csv"), "x");
        Result nested = deconvolve(s);
        assertEquals(1, nested.code(), nested.err());
        assertTrue(nested.err().contains("(lambda_1/deeper, lambda_1/deeper/keep.csv)"), nested.err());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Result r = run("deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords",
                s.writeCoords(dir).toString(), "--reference", s.writeSignatures(dir).toString(), "-o",
                file.toString(), "-q", "--min-overlap", "10");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(file + ": exists and is not a folder"), r.err());
    }

    @Test
    void aFailedRunLeavesTheEarlierResultAndNoTemporaries() throws IOException {
        TinySlide s = new TinySlide(24);
        assertEquals(0, deconvolve(s, "--lambda", "0,auto").code());
        List<String> before = names(out());
        TinySlide bad = new TinySlide(24);
        bad.valueText.put(List.of(2, 4), "nan");
        Result r = deconvolve(bad);
        assertEquals(1, r.code(), r.err());
        assertEquals(before, names(out()));
        assertEquals(List.of(), ChildJvm.temporaries(dir));
    }

    @Test
    void anAnnDataFileInsideTheResultFolderSurvivesReruns() throws IOException {
        TinySlide s = new TinySlide(24);
        Path h5 = out().resolve("result.h5ad");
        for (int run = 0; run < 2; run++) {
            Result r = deconvolve(s, "--h5ad-out", h5.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.size(h5) > 0);
        }
    }

    @Test
    void noCommandOrOptionChangesTheStore() throws IOException {
        TinySlide s = new TinySlide(24);
        Path store = dir.resolve("s.fdstore");
        assertEquals(0, run("convert", s.writeMex(dir).toString(), "--coords", s.writeCoords(dir).toString(), "-o",
                store.toString()).code());
        Path sig = s.writeSignatures(dir);
        byte[] before = Files.readAllBytes(store);
        long modified = Files.getLastModifiedTime(store).toMillis();
        // several λ, other gene selections and preprocessing (other statistics the cache could be tempted to keep),
        // the count model, a plot, an AnnData output; then a batch, validate and info --verify
        List<List<String>> runs = List.of(List.of("--lambda", "auto"), List.of("--lambda", "0,auto"),
                List.of("--lambda", "7"), List.of("--gene-weighting", "countsketch"), List.of("--preprocess",
                "pearson"), List.of("--n-hvg", "7", "--n-markers", "3"), List.of("--model", "counts"),
                List.of("--plot", "--h5ad-out", dir.resolve("x.h5ad").toString()));
        for (List<String> extra : runs) {
            List<String> args = new java.util.ArrayList<>(List.of("deconvolve", "--spatial", store.toString(),
                    "--reference", sig.toString(), "-o", out().toString(), "-q", "--min-overlap", "10"));
            args.addAll(extra);
            Result r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), extra + ": " + r.err());
            assertArrayEquals(before, Files.readAllBytes(store), "the store after " + extra);
        }
        Path manifest = Files.writeString(dir.resolve("slides.csv"), "slide_id,spatial\ns1,s.fdstore\n");
        assertEquals(0, run("batch", "--manifest", manifest.toString(), "--reference", sig.toString(), "-o",
                dir.resolve("batch").toString(), "-q", "--min-overlap", "10").code());
        run("validate", "--spatial", store.toString(), "--reference", sig.toString(), "--min-overlap", "10");
        assertEquals(0, run("info", "--verify", store.toString()).code());
        assertArrayEquals(before, Files.readAllBytes(store), "the store after batch, validate, info");
        assertEquals(modified, Files.getLastModifiedTime(store).toMillis());
    }
}
