package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.flashdeconv.io.store.CountStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in child JVMs. Killed with SIGKILL midway, {@code convert} and {@code deconvolve} leave under each final
 * name either the old file or a complete new one, never a partial file; what they leave behind are hidden
 * {@code .<name>...tmp...} files that the next run ignores and a user may delete. Several processes reading one
 * store at once (two child JVMs deconvolving while this one verifies it) get the same results.
 */
class ChildJvmRunsTest {
    private static final List<String> RESULTS = List.of("proportions.csv", "abundances.csv", "dominant.csv",
            "coordinates.csv", "genes_used.txt", "quality.csv");

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() {
        run("simulate", "-o", shared.resolve("sim").toString(), "--spots", "4000", "--genes", "300", "--types", "8",
                "--profile", "hd16", "--seed", "2", "-q");
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args), err.toString());
    }

    private static Path store() {
        return shared.resolve("sim/slide.fdstore");
    }

    private static String[] deconvolveArgs(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("deconvolve", "--spatial", store().toString(),
                "--reference", shared.resolve("sim/signatures.csv").toString(), "-o", out.toString(), "-q"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /**
     * A genes x spots MEX folder in gene-major order, so {@code convert} takes its two-pass path: 12000 spots,
     * 1000 genes, 750 thousand entries.
     */
    private static Path bigMex(Path folder) throws IOException {
        Files.createDirectories(folder);
        int spots = 12000;
        int genes = 1000;
        long entries = 0;
        for (int pass = 0; pass < 2; pass++) {
            try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("matrix.mtx"), StandardCharsets.US_ASCII)) {
                w.write("%%MatrixMarket matrix coordinate integer general\n" + genes + " " + spots + " " + entries
                        + "\n");
                for (int g = 0; g < genes; g++) {
                    for (int s = 0; s < spots; s++) {
                        if (entry(g, s)) {
                            if (pass == 0) {
                                entries++;
                            } else {
                                w.write((g + 1) + " " + (s + 1) + " " + (1 + (s + g) % 5) + "\n");
                            }
                        }
                    }
                }
            }
        }
        StringBuilder f = new StringBuilder();
        for (int g = 0; g < genes; g++) {
            f.append("ENSG").append(g).append("\tGene").append(g).append("\tGene Expression\n");
        }
        Files.writeString(folder.resolve("features.tsv"), f);
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < spots; s++) {
            b.append("BC").append(s).append("-1\n");
        }
        Files.writeString(folder.resolve("barcodes.tsv"), b);
        return folder;
    }

    private static boolean entry(int gene, int spot) {
        return (spot * 7919L + gene * 104729L) % 16 == 0;
    }

    /** Every leftover is a hidden temporary file named after an output (or the converter's scratch file). */
    private static void assertOnlyHiddenTemporaries(Path folder, List<String> finals) throws IOException {
        try (var s = Files.list(folder)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                assertTrue(finals.contains(n) || n.startsWith(".") && n.contains(".tmp"), "unexpected file " + n);
            }
        }
    }

    @Test
    void convertKilledMidwayLeavesNothingOrTheOldStore() throws Exception {
        Path mex = bigMex(dir.resolve("big"));
        Path logs = dir.resolve("logs");
        // a complete run, timed from the moment its temporary file appears
        Path full = dir.resolve("full");
        Process p = ChildJvm.start(logs, "full", "convert", mex.toString(), "-o", full.resolve("slide.fdstore")
                .toString());
        assertTrue(ChildJvm.awaitTemporary(p, full, 60_000), ChildJvm.err(logs, "full"));
        long started = System.nanoTime();
        assertEquals(0, p.waitFor(), ChildJvm.err(logs, "full"));
        long writeMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(List.of(), ChildJvm.temporaries(full), "a finished run leaves no temporary file");

        Path out = Files.createDirectories(dir.resolve("out"));
        Path target = out.resolve("slide.fdstore");
        byte[] oldBytes = null;
        for (long delayMs : new long[] {0, writeMs / 2}) {
            String name = "kill" + delayMs;
            Process k = ChildJvm.start(logs, name, "convert", mex.toString(), "-o", target.toString());
            assertTrue(ChildJvm.awaitTemporary(k, out, 60_000), ChildJvm.err(logs, name));
            Thread.sleep(delayMs);
            assertTrue(k.isAlive(), "still converting when killed " + delayMs + " ms in");
            k.destroyForcibly();
            assertTrue(k.waitFor(30, TimeUnit.SECONDS));
            if (oldBytes == null) {
                assertFalse(Files.exists(target), "nothing under the final name after a kill " + delayMs + " ms in");
                // the second kill replaces an existing store
                run("convert", new TinySlide(24).writeMex(dir).toString(), "-o", target.toString());
                oldBytes = Files.readAllBytes(target);
            } else {
                assertTrue(Arrays.equals(oldBytes, Files.readAllBytes(target)),
                        "the old store is untouched after a kill " + delayMs + " ms in");
            }
            assertOnlyHiddenTemporaries(out, List.of("slide.fdstore"));
            assertFalse(ChildJvm.temporaries(out).isEmpty(), "SIGKILL leaves the temporary files");
        }
        // the next run ignores the leftovers and replaces the store; the leftovers can then be deleted
        run("convert", mex.toString(), "-o", target.toString());
        assertEquals(-1, Files.mismatch(target, full.resolve("slide.fdstore")));
        for (Path t : ChildJvm.temporaries(out)) {
            Files.delete(t);
        }
        try (CountStore s = CountStore.open(target)) {
            assertEquals(12000, s.spots());
        }
    }

    @Test
    void sigtermMidwayDeletesEveryTemporary() throws Exception {
        // SIGTERM (a cluster's time limit; Ctrl-C's SIGINT takes the same path) runs the shutdown hook, which
        // deletes the temporaries: the converter's scratch and spill files, a staged result folder, the input store,
        // simulate's staging folder and the output folder it created.
        // Each run is stopped (SIGSTOP) at a point it has reached, the temporaries of that point are checked, and it
        // is signalled and resumed there: no sleep decides where the signal lands.
        Path mex = bigMex(dir.resolve("big"));
        Path logs = dir.resolve("logs");
        Path work = Files.createDirectories(dir.resolve("term"));
        Predicate<Path> anyTemporary = p -> p.getFileName().toString().startsWith(".");
        // convert: its output's temporary (with the spill files), then the row scatter's scratch file after pass 1
        Predicate<Path> scatter = p -> p.getFileName().toString().startsWith(".fdstore-scatter.");
        // deconvolve: its staged result folder, then the input store converted into it, holding data
        Predicate<Path> inputStore = p -> p.getFileName().toString().startsWith(".flashdeconv-input-")
                && size(p) > 0;
        record Point(String name, Predicate<Path> reached, String signal, int exit, String[] args) {
        }
        String[] convert = {"convert", mex.toString(), "-o", work.resolve("slide.fdstore").toString()};
        String[] deconvolve = {"deconvolve", "--spatial", mex.toString(), "--reference",
            shared.resolve("sim/signatures.csv").toString(), "-o", work.resolve("out").toString(), "-q"};
        // simulate: the store being written inside its staging folder, inside the output folder it created
        Predicate<Path> simulatedStore = p -> p.getFileName().toString().startsWith(".slide.fdstore.");
        String[] simulate = {"simulate", "-o", work.resolve("sim/new").toString(), "--spots", "400000", "--genes",
            "300", "--types", "8", "--profile", "hd16", "-q"};
        List<Point> points = List.of(new Point("convert-start", anyTemporary, "TERM", 143, convert),
                new Point("convert-scatter", scatter, "INT", 130, convert),
                new Point("deconvolve-start", anyTemporary, "TERM", 143, deconvolve),
                new Point("deconvolve-input", inputStore, "INT", 130, deconvolve),
                new Point("simulate-store", simulatedStore, "INT", 130, simulate));
        for (Point at : points) {
            Process k = ChildJvm.start(logs, at.name(), at.args());
            assertTrue(ChildJvm.awaitAndStop(k, work, at.reached(), 120_000), at.name() + " did not reach its point "
                    + "while running: " + ChildJvm.err(logs, at.name()));
            List<Path> live = ChildJvm.temporaries(work);
            assertTrue(ChildJvm.found(work, anyTemporary), at.name() + ": temporaries exist when the signal is sent");
            assertTrue(ChildJvm.found(work, at.reached()), at.name());
            ChildJvm.signal(k, at.signal());
            ChildJvm.signal(k, "CONT");
            assertTrue(k.waitFor(60, TimeUnit.SECONDS), at.name());
            assertEquals(at.exit(), k.exitValue(), ChildJvm.err(logs, at.name()));
            assertEquals(List.of(), ChildJvm.temporaries(work), at.name() + ": temporaries left after SIG"
                    + at.signal() + " (there were " + live + ")");
            assertFalse(ChildJvm.found(work, anyTemporary), at.name() + ": a temporary left in a folder");
            assertFalse(Files.exists(work.resolve("slide.fdstore")) || Files.exists(work.resolve("out"))
                    || Files.exists(work.resolve("sim")), at.name() + ": " + ChildJvm.temporaries(work));
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException gone) {
            return 0;
        }
    }

    @Test
    void deconvolveKilledMidwayLeavesOldOrCompleteFiles() throws Exception {
        Path logs = dir.resolve("logs");
        Path full = dir.resolve("full");
        Process p = ChildJvm.start(logs, "full", deconvolveArgs(full));
        // the result folder is built under a hidden name beside it (dir/.full.<digits>) and swapped in at the end
        assertTrue(ChildJvm.awaitTemporary(p, dir, 120_000), ChildJvm.err(logs, "full"));
        long started = System.nanoTime();
        assertEquals(0, p.waitFor(), ChildJvm.err(logs, "full"));
        long writeMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, byte[]> fresh = read(full);

        Path out = dir.resolve("out");
        run(deconvolveArgs(out, "--lambda", "50"));
        Map<String, byte[]> old = read(out);
        String oldSummary = Files.readString(out.resolve("summary.json"));
        for (String f : RESULTS) {
            if (!f.equals("coordinates.csv") && !f.equals("genes_used.txt")) {
                assertFalse(Arrays.equals(old.get(f), fresh.get(f)), f + " differs between the runs");
            }
        }
        // first into an empty folder, as the first file appears; then over the old results, halfway through
        Path empty = dir.resolve("empty");
        for (long delayMs : new long[] {0, writeMs / 2}) {
            Path folder = delayMs == 0 ? empty : out;
            String name = "kill" + delayMs;
            Process k = ChildJvm.start(logs, name, deconvolveArgs(folder));
            boolean writing = ChildJvm.awaitTemporary(k, dir, 120_000);
            Thread.sleep(delayMs);
            assertTrue(delayMs > 0 || k.isAlive(), "still writing when killed as the first file appeared");
            k.destroyForcibly();
            assertTrue(k.waitFor(30, TimeUnit.SECONDS));
            assertTrue(writing || k.exitValue() == 0, ChildJvm.err(logs, name));
            for (String f : RESULTS) {
                Path file = folder.resolve(f);
                byte[] before = folder == empty ? null : old.get(f);
                assertTrue(before == null ? !Files.exists(file) || Arrays.equals(Files.readAllBytes(file),
                        fresh.get(f)) : Arrays.equals(Files.readAllBytes(file), before)
                        || Arrays.equals(Files.readAllBytes(file), fresh.get(f)),
                        f + " is neither the old (or no) file nor the new one after a kill " + delayMs + " ms in");
            }
            Path summary = folder.resolve("summary.json");
            assertTrue(folder == empty && !Files.exists(summary) || Files.readString(summary).equals(oldSummary)
                    || Files.readString(summary).strip().endsWith("}"), folder.toString());
            if (Files.exists(folder)) {
                assertOnlyHiddenTemporaries(folder, List.of("proportions.csv", "abundances.csv", "dominant.csv",
                        "coordinates.csv", "genes_used.txt", "quality.csv", "summary.json"));
            }
            // the killed run's staging folder stays beside it (only SIGKILL leaves one)
            for (Path t : ChildJvm.temporaries(dir)) {
                org.flashdeconv.io.atomic.TemporaryFiles.deleteTree(t);
            }
        }
        run(deconvolveArgs(out));
        Map<String, byte[]> after = read(out);
        for (String f : RESULTS) {
            assertTrue(Arrays.equals(fresh.get(f), after.get(f)), f);
        }
    }

    @Test
    void severalProcessesReadOneStoreAtOnce() throws Exception {
        Path logs = dir.resolve("logs");
        Process d1 = ChildJvm.start(logs, "d1", deconvolveArgs(dir.resolve("d1")));
        Process d2 = ChildJvm.start(logs, "d2", deconvolveArgs(dir.resolve("d2")));
        // meanwhile this process maps and verifies the same store, twice
        for (int i = 0; i < 2; i++) {
            StringWriter out = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "info", "--verify",
                    "--json", store().toString()));
            assertTrue(out.toString().contains("\"n_spots\":4000") && out.toString().contains(
                    "\"checksums\":\"verified\""), out.toString());
        }
        for (Process p : List.of(d1, d2)) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        }
        for (String n : List.of("d1", "d2")) {
            assertEquals("", ChildJvm.err(logs, n), n);
        }
        assertEquals(0, d1.exitValue() + d2.exitValue());
        run(deconvolveArgs(dir.resolve("alone")));
        Map<String, byte[]> alone = read(dir.resolve("alone"));
        for (String d : List.of("d1", "d2")) {
            Map<String, byte[]> got = read(dir.resolve(d));
            for (String f : RESULTS) {
                assertTrue(Arrays.equals(alone.get(f), got.get(f)), d + "/" + f);
            }
        }
    }

    private static Map<String, byte[]> read(Path folder) throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        for (String f : RESULTS) {
            m.put(f, Files.readAllBytes(folder.resolve(f)));
        }
        return m;
    }
}
