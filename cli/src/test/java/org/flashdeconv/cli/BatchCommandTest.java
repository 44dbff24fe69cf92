package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.flashdeconv.io.batch.SlideSummary;
import org.flashdeconv.io.testdata.TestInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} end to end: results equal to {@code deconvolve}, failed slides recorded, resume after a crash. */
class BatchCommandTest {
    @TempDir
    Path dir;
    private Path signatures;

    @BeforeEach
    void simulateThreeSlides() throws IOException {
        for (int s = 1; s <= 3; s++) {
            Result r = StoreCommandsTest.run("simulate", "-o", dir.resolve("sim/s" + s).toString(), "--spots", "400",
                    "--genes", "300", "--types", "4", "--profile", "hd8", "--seed", Integer.toString(s), "-q");
            assertEquals(0, r.code(), r.err());
        }
        signatures = dir.resolve("sim/s1/signatures.csv");
    }

    private Path manifest(String text) throws IOException {
        return Files.writeString(dir.resolve("sim/slides.csv"), text, StandardCharsets.UTF_8);
    }

    private Result batch(Path manifest, Path out) {
        return StoreCommandsTest.run("batch", "--manifest", manifest.toString(), "--reference", signatures.toString(),
                "--min-overlap", "50", "-o", out.toString(), "-q", "--threads", "2");
    }

    @Test
    void eachSlideEqualsDeconvolveAndABrokenSlideIsRecorded() throws IOException {
        Path broken = Files.writeString(dir.resolve("sim/broken.fdstore"), "not a store");
        Path manifest = manifest("slide_id,spatial\ns1,s1/slide.fdstore\n\"s-2\",\"s2/slide.fdstore\"\n"
                + "bad," + broken.getFileName() + "\n");
        Path out = dir.resolve("out");
        Result r = StoreCommandsTest.run("batch", "--manifest", manifest.toString(), "--reference",
                signatures.toString(), "--min-overlap", "50", "-o", out.toString(), "-q", "--h5ad");
        assertEquals(1, r.code(), "a failed slide makes exit code 1: " + r.err());
        assertTrue(Files.size(out.resolve("s1/s1.h5ad")) > 0);
        assertTrue(r.err().contains("slide bad (manifest line 4): ") && r.err().contains("broken.fdstore"), r.err());
        assertTrue(r.out().contains("3 slides, 2 ok (0 already complete), 1 failed"), r.out());
        for (String[] slide : new String[][] {{"s1", "s1"}, {"s-2", "s2"}}) {
            Result d = StoreCommandsTest.run("deconvolve", "--spatial",
                    dir.resolve("sim/" + slide[1] + "/slide.fdstore").toString(), "--reference", signatures.toString(),
                    "--min-overlap", "50", "-o", dir.resolve("single/" + slide[0]).toString(), "-q", "--threads", "1");
            assertEquals(0, d.code(), d.err());
            for (String f : List.of("proportions.csv", "abundances.csv", "dominant.csv", "coordinates.csv")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("single/" + slide[0]).resolve(f)),
                        Files.readAllBytes(out.resolve(slide[0]).resolve(f)), slide[0] + "/" + f);
            }
            Path part = out.resolve("proportions.parquet/slide_id=" + slide[0] + "/part-00000.parquet");
            byte[] bytes = Files.readAllBytes(part);
            assertEquals("PAR1", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("PAR1", new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII));
        }
        assertFalse(Files.exists(out.resolve("proportions.parquet/slide_id=bad/part-00000.parquet")));
        List<String> rows = Files.readAllLines(out.resolve("summaries.csv"));
        assertEquals(SlideSummary.HEADER, rows.get(0));
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).startsWith("s1,400,300,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("s-2,400,300,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("bad,,,,,,") && rows.get(3).contains(",failed,"), rows.get(3));
        assertEquals(List.of("s-2.csv", "s1.csv"), listing(out.resolve("_complete")));
    }

    @Test
    void aRerunAfterACrashSkipsTheCompleteSlidesAndDuplicatesNothing() throws IOException {
        Path manifest = manifest("slide_id,spatial\ns1,s1/slide.fdstore\ns2,s2/slide.fdstore\ns3,s3/slide.fdstore\n");
        Path out = dir.resolve("out");
        assertEquals(0, batch(manifest, out).code());
        // the state a crash during the third slide leaves: no marker, a partial hidden file, no summary row for it
        Files.delete(out.resolve("_complete/s3.csv"));
        Path table = out.resolve("proportions.parquet");
        Files.writeString(table.resolve("slide_id=s3/.part-00000.parquet.123.tmp"), "partial");
        Files.delete(table.resolve("slide_id=s3/part-00000.parquet"));
        List<String> summaries = Files.readAllLines(out.resolve("summaries.csv"));
        Files.write(out.resolve("summaries.csv"), summaries.subList(0, 3));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (String s : List.of("s1", "s2")) {
            Files.setLastModifiedTime(out.resolve(s + "/proportions.csv"), old);
            Files.setLastModifiedTime(table.resolve("slide_id=" + s + "/part-00000.parquet"), old);
        }
        Result r = batch(manifest, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 slides, 3 ok (2 already complete), 0 failed"), r.out());
        for (String s : List.of("s1", "s2")) {
            assertEquals(old, Files.getLastModifiedTime(out.resolve(s + "/proportions.csv")), s + " not recomputed");
            assertEquals(old, Files.getLastModifiedTime(table.resolve("slide_id=" + s + "/part-00000.parquet")));
        }
        List<String> rerun = Files.readAllLines(out.resolve("summaries.csv"));
        assertEquals(summaries.subList(0, 3), rerun.subList(0, 3), "the complete slides' rows are the first run's");
        assertEquals(4, rerun.size(), "one row per slide");
        assertTrue(rerun.get(3).startsWith("s3,400,300,"), rerun.get(3));
        for (String s : List.of("s1", "s2", "s3")) {
            assertEquals(List.of("part-00000.parquet"), listing(table.resolve("slide_id=" + s)).stream()
                    .filter(f -> !f.startsWith(".")).toList(), s);
        }
        assertEquals(List.of("s1.csv", "s2.csv", "s3.csv"), listing(out.resolve("_complete")));
    }

    @Test
    void manifestErrorsNameTheLineAndSeveralLambdasAreAUsageError() throws IOException {
        Path out = dir.resolve("out");
        Result r = batch(manifest("slide_id,spatial\ns1,s1/slide.fdstore\ns1,s2/slide.fdstore\n"), out);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("slides.csv line 3: slide_id 's1' repeats line 2"), r.err());
        r = batch(manifest("slide_id,spatial\n../up,s1/slide.fdstore\n"), out);
        assertTrue(r.err().contains("line 2: slide_id '../up' is not allowed"), r.err());
        r = StoreCommandsTest.run("batch", "--manifest", manifest("slide_id,spatial\ns1,s1/slide.fdstore\n").toString(),
                "--reference", signatures.toString(), "-o", out.toString(), "--lambda", "auto,auto*3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--lambda: a batch takes one value"), r.err());
        assertFalse(Files.exists(out));
        // a type named as a column of the combined table: refused before any slide runs
        Path entropy = Files.writeString(dir.resolve("sim/entropy.csv"), Files.readString(signatures)
                .replaceFirst("(?m)^NK,", "entropy,"));
        r = StoreCommandsTest.run("batch", "--manifest", manifest("slide_id,spatial\ns1,s1/slide.fdstore\n")
                .toString(), "--reference", entropy.toString(), "--min-overlap", "50", "-o", out.toString(), "-q");
        assertEquals(1, r.code(), r.err());
        assertEquals("flashdeconv batch: " + entropy + ": cell type 'entropy' has the name of a column of the batch's "
                + "proportions.parquet (barcode, x, y, background, dominant, qc, deviance, deviance_per_count, "
                + "unexplained_fraction, background_share, entropy, poor_fit, slide_id): rename it in the reference",
                r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aLibraryKeyColumnBuildsTheGraphPerSectionLikeDeconvolve() throws IOException {
        Path twoSections = TestInputs.path("anndata/two_sections.h5ad");
        Path reference = TestInputs.path("anndata/cellxgene_reference.h5ad");
        Path manifest = manifest("slide_id,spatial,coords,library_key\n"
                + "apart," + twoSections + ",,library_id\n" + "together," + twoSections + ",,in_tissue\n"
                + "missing," + twoSections + ",,no_such_column\n");
        Path out = dir.resolve("out");
        String[] common = {"--reference", reference.toString(), "--cell-type-key", "cell_type", "--exclude-types",
            "unknown", "--min-overlap", "20", "-q", "--threads", "1"};
        Result r = StoreCommandsTest.run(concat(new String[] {"batch", "--manifest", manifest.toString(), "-o",
            out.toString()}, common));
        assertEquals(1, r.code(), "the slide naming a missing obs column fails: " + r.err());
        assertTrue(r.err().contains("slide missing (manifest line 4): ") && r.err().contains("no_such_column"),
                r.err());
        for (String[] slide : new String[][] {{"apart", "library_id"}, {"together", "in_tissue"}}) {
            Result d = StoreCommandsTest.run(concat(new String[] {"deconvolve", "--spatial", twoSections.toString(),
                "--library-key", slide[1], "-o", dir.resolve("single/" + slide[0]).toString()}, common));
            assertEquals(0, d.code(), d.err());
            assertArrayEquals(Files.readAllBytes(dir.resolve("single/" + slide[0] + "/proportions.csv")),
                    Files.readAllBytes(out.resolve(slide[0] + "/proportions.csv")), slide[0]);
        }
        assertFalse(Arrays.equals(Files.readAllBytes(out.resolve("apart/proportions.csv")),
                Files.readAllBytes(out.resolve("together/proportions.csv"))), "the key changes the graph");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
