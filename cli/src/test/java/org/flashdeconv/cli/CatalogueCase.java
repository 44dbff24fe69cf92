package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flashdeconv.cli.StoreCommandsTest.Result;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every bad-input catalogue test shares: a temporary folder, a {@link TinySlide} deconvolved or converted
 * through {@link Main#run}, and the checks of a clean failure (one line, the exit code, nothing left behind).
 */
abstract class CatalogueCase {
    @TempDir
    Path dir;

    Path out() {
        return dir.resolve("out");
    }

    /** Deconvolves the slide's MEX folder with its coordinates and signatures into {@code dir/out}. */
    Result deconvolve(TinySlide s, String... extra) throws IOException {
        Path mex = s.writeMex(dir);
        Path coords = s.writeCoords(dir);
        Path sig = s.writeSignatures(dir);
        String[] base = {"deconvolve", "--spatial", mex.toString(), "--coords", coords.toString(), "--reference",
            sig.toString(), "-o", out().toString(), "--threads", "1", "-q"};
        if (!List.of(extra).contains("--min-overlap")) {
            base = Stream.concat(Stream.of(base), Stream.of("--min-overlap", "10")).toArray(String[]::new);
        }
        return run(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    /** Converts the slide's MEX folder with its coordinates into {@code dir/s.fdstore} (a manifest's slide). */
    Path storeWithCoords(TinySlide s) throws IOException {
        Path store = dir.resolve("s.fdstore");
        Result r = run("convert", s.writeMex(dir).toString(), "--coords", s.writeCoords(dir).toString(), "-o",
                store.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        return store;
    }

    Result convert(TinySlide s) throws IOException {
        return run("convert", s.writeMex(dir).toString(), "-o", dir.resolve("s.fdstore").toString());
    }

    /** Exit 1, one line naming the command and holding {@code fragment}, nothing written, no temporary file left. */
    void assertBadInput(Result r, String command, String fragment) throws IOException {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("flashdeconv " + command + ": "), r.err());
        assertTrue(r.err().contains(fragment), "expected '" + fragment + "' in: " + r.err());
        assertNothingWritten();
    }

    /** Exit 2 (usage) with {@code fragment} in the first line. */
    void assertUsage(Result r, String fragment) throws IOException {
        assertEquals(2, r.code(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains(fragment), "expected '" + fragment + "' in: " + first);
        assertNothingWritten();
    }

    void assertNothingWritten() throws IOException {
        assertFalse(Files.exists(dir.resolve("s.fdstore")), "no store under the final name");
        assertFalse(Files.exists(out().resolve("proportions.csv")), "no result under the final name");
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> hidden = all.filter(p -> p.getFileName().toString().startsWith(".")).toList();
            assertEquals(List.of(), hidden, "temporary files left behind");
        }
    }

    String summary() throws IOException {
        return Files.readString(out().resolve("summary.json"));
    }

}
