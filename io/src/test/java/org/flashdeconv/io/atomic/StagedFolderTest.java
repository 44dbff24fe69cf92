package org.flashdeconv.io.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFolderTest {
    @TempDir
    Path dir;

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void stage(Path target, String... files) throws IOException {
        try (StagedFolder f = StagedFolder.create(target, n -> n.startsWith("r"))) {
            assertTrue(TemporaryFiles.isRegistered(f.stage()));
            for (String name : files) {
                Files.writeString(f.stage().resolve(name), name);
            }
            f.commit();
            assertFalse(TemporaryFiles.isRegistered(f.stage()));
        }
    }

    @Test
    void aNewFolderThenAReplacementHoldOnlyTheLastRun() throws IOException {
        Path target = dir.resolve("out");
        stage(target, "r1", "r2");
        assertEquals(List.of("r1", "r2"), list(target));
        stage(target, "r3");
        assertEquals(List.of("r3"), list(target));
        assertEquals(List.of("out"), list(dir), "no staging or aside folder left");
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }

    @Test
    void anUncommittedStageIsDeletedAndTheTargetKept() throws IOException {
        Path target = dir.resolve("out");
        stage(target, "r1");
        try (StagedFolder f = StagedFolder.create(target, n -> n.startsWith("r"))) {
            Files.writeString(f.stage().resolve("r9"), "x");
        }
        assertEquals(List.of("r1"), list(target));
        assertEquals(List.of("out"), list(dir));
    }

    @Test
    void foreignFilesOrAFileTargetAreRefused() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("mine.txt"), "keep");
        IOException e = assertThrows(IOException.class, () -> StagedFolder.create(target, n -> n.startsWith("r")));
        assertTrue(e.getMessage().contains("holds files flashdeconv did not write (mine.txt)"), e.getMessage());
        Path file = Files.writeString(dir.resolve("file"), "x");
        IOException f = assertThrows(IOException.class, () -> StagedFolder.create(file, n -> true));
        assertTrue(f.getMessage().endsWith("exists and is not a folder; give a folder name for the results"));
        assertEquals(List.of("file", "out"), list(dir));
    }

    @Test
    void theExchangeSwapsTwoFoldersWhereThePlatformHasIt() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("in_a"), "");
        Files.writeString(b.resolve("in_b"), "");
        boolean swapped = StagedFolder.exchange(a, b);
        assertEquals(StagedFolder.exchangeAvailable(), swapped);
        assertEquals(List.of(swapped ? "in_b" : "in_a"), list(a));
        assertEquals(List.of(swapped ? "in_a" : "in_b"), list(b));
    }

    @Test
    void outputsThatResolveToAnInputAreRefused() throws IOException {
        Path input = Files.writeString(dir.resolve("in.h5ad"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), input);
        Path hard = Files.createLink(dir.resolve("hard"), input);
        for (Path out : List.of(input, link, hard, dir.resolve("x/../in.h5ad"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InputCollision.requireNotAnInput("--out", out, Map.of("--in", input)));
            assertTrue(e.getMessage().startsWith("--out: " + out + " is the --in input"), e.getMessage());
        }
        InputCollision.requireNotAnInput("--out", dir.resolve("other.h5ad"), Map.of("--in", input));
        IllegalArgumentException held = assertThrows(IllegalArgumentException.class,
                () -> InputCollision.requireHoldsNoInput("-o", dir, Map.of("--in", input)));
        assertTrue(held.getMessage().contains("holds the --in input"), held.getMessage());
        InputCollision.requireHoldsNoInput("-o", dir.resolve("results"), Map.of("--in", input));
    }
}
