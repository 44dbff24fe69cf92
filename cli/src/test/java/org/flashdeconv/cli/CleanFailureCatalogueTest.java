package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "failures that must become one clean line": sizes a file cannot hold, endless inputs, numeric options
 * out of range. Each gives one line naming the file or option, exit 1 or 2, and leaves nothing behind.
 */
class CleanFailureCatalogueTest extends CatalogueCase {

    private Result convertFile(Path input, String... extra) {
        String[] base = {"convert", input.toString(), "-o", dir.resolve("s.fdstore").toString(), "-q"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return run(all);
    }

    private Path gzip(Path plain) throws IOException {
        Path gz = dir.resolve(plain.getFileName() + ".gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(plain));
        }
        Files.delete(plain);
        return gz;
    }

    @Test
    void aSizeLineClaimingBillionsOfSpotsIsRefusedBeforeAllocating() throws IOException {
        String banner = "%%MatrixMarket matrix coordinate integer general\n";
        String[][] cases = {{"5 3000000000 1\n1 1 1\n", "", "declares 3000000000 spots, more than a file of"},
            {"3000000000 5 1\n1 1 1\n", "--transpose", "declares 3000000000 spots"},
            {"3000000000 5 1\n1 1 1\n", "", "declares 3000000000 genes"},
            {"5 5 3000000000\n1 1 1\n", "", "declares 3000000000 entries, more than a file of"}};
        for (String[] c : cases) {
            for (boolean gz : new boolean[] {false, true}) {
                Path mtx = Files.writeString(dir.resolve("x.mtx"), banner + c[0], StandardCharsets.US_ASCII);
                Path input = gz ? gzip(mtx) : mtx;
                Result r = c[1].isEmpty() ? convertFile(input) : convertFile(input, c[1]);
                assertBadInput(r, "convert", input + ": the size line " + c[2].substring("declares".length() - 8));
                Files.delete(input);
            }
        }
    }

    @Test
    void endlessTextInputsStopWithOneLine() throws IOException {
        Path zero = Path.of("/dev/zero");
        TinySlide s = new TinySlide(24);
        Result coords = run("deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords", zero.toString(),
                "--reference", s.writeSignatures(dir).toString(), "-o", out().toString(), "-q");
        assertEquals(1, coords.code(), coords.err());
        assertEquals(1, coords.err().lines().count(), coords.err());
        assertTrue(coords.err().contains("/dev/zero"), coords.err());
        Result ref = run("deconvolve", "--spatial", dir.resolve("mex").toString(), "--coords",
                s.writeCoords(dir).toString(), "--reference", zero.toString(), "-o", out().toString(), "-q");
        assertEquals(1, ref.code(), ref.err());
        assertEquals(1, ref.err().lines().count(), ref.err());
        assertTrue(ref.err().contains("/dev/zero"), ref.err());
        Result conv = convertFile(zero);
        assertEquals(1, conv.code(), conv.err());
        assertEquals(1, conv.err().lines().count(), conv.err());
        assertNothingWritten();
    }

    @Test
    void numericOptionsOutOfRangeAreUsageErrors() throws IOException {
        assertUsage(deconvolve(new TinySlide(24), "--min-overlap", "-5"), "--min-overlap must be an integer >= 1, "
                + "found -5");
        assertUsage(deconvolve(new TinySlide(24), "--min-overlap", "0"), "--min-overlap must be an integer >= 1");
        assertUsage(deconvolve(new TinySlide(24), "--min-cells", "-1"), "--min-cells must be an integer >= 0");
        assertUsage(deconvolve(new TinySlide(24), "--k", "-2"), "k");
        assertUsage(deconvolve(new TinySlide(24), "--max-iter", "-1"), "max");
        assertUsage(deconvolve(new TinySlide(24), "--tol", "0"), "tol");
        Result v = run("validate", "--spatial", dir.resolve("mex").toString(), "--coords",
                dir.resolve("coords.csv").toString(), "--reference", dir.resolve("signatures.csv").toString(),
                "--min-overlap", "-5");
        assertEquals(2, v.code(), v.err());
        assertTrue(v.err().contains("--min-overlap must be an integer >= 1, found -5"), v.err());
    }

    @Test
    void outputsThatAreNotRegularFilesAreRefusedAndKept() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path link = Files.createSymbolicLink(dir.resolve("link.h5ad"), fifo);
        Path folder = Files.createDirectories(dir.resolve("folder.h5ad"));
        TinySlide s = new TinySlide(24);
        assertUsage(run("convert", s.writeMex(dir).toString(), "-o", fifo.toString()), "-o: " + fifo
                + ": exists and is not a regular file (a device, pipe or socket); give the name of a file to write");
        for (Path target : List.of(fifo, link)) {
            assertUsage(deconvolve(s, "--h5ad-out", target.toString()), "--h5ad-out: " + target + ": exists and is "
                    + "not a regular file (a device, pipe or socket)");
        }
        assertUsage(deconvolve(s, "--h5ad-out", folder.toString()), "--h5ad-out: " + folder + ": exists and is not "
                + "a regular file (a folder)");
        // nothing was renamed over them (run as root, a device would otherwise become a plain file)
        assertTrue(Files.isSymbolicLink(link) && !Files.isRegularFile(fifo) && Files.isDirectory(folder));
    }

    @Test
    void aStoreOnAFileSystemThatCannotMapItNamesTheFile() throws IOException {
        // sysfs files cannot be memory-mapped: the kernel answers ENODEV, "No such device"
        Path sys = Stream.of("/sys/kernel/profiling", "/sys/kernel/mm/transparent_hugepage/enabled",
                "/sys/power/state").map(Path::of).filter(Files::isReadable).findFirst().orElse(null);
        assumeTrue(sys != null, "a sysfs file");
        Path store = Files.createSymbolicLink(dir.resolve("x.fdstore"), sys);
        Result info = run("info", store.toString());
        assertEquals(1, info.code(), info.err());
        assertEquals("flashdeconv info: " + store + ": No such device", info.err().strip());
        Result d = run("deconvolve", "--spatial", store.toString(), "--reference",
                new TinySlide(24).writeSignatures(dir).toString(), "-o", out().toString(), "-q");
        assertBadInput(d, "deconvolve", store + ": No such device");
        Files.delete(store); // the link, not what it points to
    }

    @Test
    void inputsThatAreEndlessDevicesNameTheDevice() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isReadable(full));
        TinySlide s = new TinySlide(24);
        Path coordsLink = Files.createSymbolicLink(dir.resolve("coords_link.csv"), full);
        assertBadInput(run("deconvolve", "--spatial", s.writeMex(dir).toString(), "--coords", coordsLink.toString(),
                "--reference", s.writeSignatures(dir).toString(), "-o", out().toString(), "-q"), "deconvolve",
                coordsLink + " line 1: a ");
        assertBadInput(run("deconvolve", "--spatial", dir.resolve("mex").toString(), "--coords",
                s.writeCoords(dir).toString(), "--reference", full.toString(), "-o", out().toString(), "-q"),
                "deconvolve", full + " line 1: a ");
        assertBadInput(convertFile(full), "convert", full + ": not a recognised input");
        Files.delete(coordsLink);
    }
}
