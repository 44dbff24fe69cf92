package org.flashdeconv.cli;

import static org.flashdeconv.cli.StoreCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a failed {@code simulate} leaves nothing it created (no empty output folder, no parent it made, no file
 * of the failed run) and never deletes a folder or file that was there before; an earlier simulation in the folder
 * stays whole. Failures are a full disk on one chosen file ({@code /dev/full}, as {@link FullDiskCatalogueTest}).
 */
class SimulateFailureTest {
    private static final Path FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @BeforeEach
    void needsDevFull() {
        assumeTrue(Files.isWritable(FULL) && !Files.isRegularFile(FULL), "/dev/full (Linux)");
    }

    private static String[] args(Path out, int seed) {
        return new String[] {"simulate", "-o", out.toString(), "--spots", "60", "--genes", "40", "--types", "3", "-q",
            "--reference-cells", "5", "--seed", Integer.toString(seed), "--threads", "1"};
    }

    private Result full(Predicate<String> name, String... args) throws Exception {
        try (AutoCloseable redirect = NamedChannel.redirectWrites(p -> p.toAbsolutePath().startsWith(dir)
                && name.test(p.getFileName().toString()), FULL)) {
            return run(args);
        }
    }

    private List<Path> tree() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.sorted().toList();
        }
    }

    @Test
    void aNewFolderAndItsNewParentsAreGoneAfterAFailure() throws Exception {
        Path out = dir.resolve("new/deeper/sim");
        for (Predicate<String> name : List.<Predicate<String>>of("signatures.csv"::equals, "simulation.json"::equals,
                n -> n.startsWith(".slide.fdstore.") && n.endsWith(".values"), "matrix.mtx.gz"::equals)) {
            Result r = full(name, args(out, 1));
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("No space left on device") && r.err().contains(out.toString())
                    && !r.err().contains(".simulate."), r.err());
            assertEquals(List.of(dir), tree(), "nothing left: " + tree());
        }
    }

    @Test
    void anExistingFolderKeepsItsFilesAndTheEarlierSimulation() throws Exception {
        Path out = Files.createDirectories(dir.resolve("sim"));
        Path notes = Files.writeString(out.resolve("notes.txt"), "mine");
        assertEquals(0, run(args(out, 1)).code());
        List<Path> before = tree();
        byte[] store = Files.readAllBytes(out.resolve("slide.fdstore"));
        byte[] signatures = Files.readAllBytes(out.resolve("signatures.csv"));
        byte[] cells = Files.readAllBytes(out.resolve("reference_cells/matrix.mtx.gz"));
        // seed 2 fails on its last file: the folder still holds seed 1 whole, not a mix
        Result r = full("simulation.json"::equals, args(out, 2));
        assertEquals(1, r.code(), r.err());
        assertEquals("flashdeconv simulate: " + out.resolve("simulation.json") + ": No space left on device",
                r.err().strip());
        assertEquals(before, tree());
        assertArrayEquals(store, Files.readAllBytes(out.resolve("slide.fdstore")));
        assertArrayEquals(signatures, Files.readAllBytes(out.resolve("signatures.csv")));
        assertArrayEquals(cells, Files.readAllBytes(out.resolve("reference_cells/matrix.mtx.gz")));
        assertEquals("mine", Files.readString(notes));
        // seed 2 succeeds: its files replace seed 1's, the user's file stays
        assertEquals(0, run(args(out, 2)).code());
        assertEquals(before, tree());
        assertFalse(java.util.Arrays.equals(signatures, Files.readAllBytes(out.resolve("signatures.csv"))));
        assertFalse(java.util.Arrays.equals(cells, Files.readAllBytes(out.resolve("reference_cells/matrix.mtx.gz"))));
        assertEquals("mine", Files.readString(notes));
    }

    @Test
    void anEmptyFolderTheUserMadeIsKept() throws Exception {
        Path out = Files.createDirectories(dir.resolve("empty"));
        Result r = full("truth_proportions.csv.gz"::equals, args(out, 1));
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of(dir, out), tree());
    }
}
