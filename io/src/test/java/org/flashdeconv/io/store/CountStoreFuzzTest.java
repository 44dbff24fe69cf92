package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.io.testing.SparseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of a valid store: random byte flips, truncations and appended bytes. Opening with verification
 * must either raise {@link StoreFormatException} (or its {@link StoreChecksumException}) naming the damaged
 * section and its offset, or, when every changed byte lies outside the header and every section (alignment
 * padding, bytes past the logical end), succeed with exactly the original contents. Anything else (an
 * unchecked exception, a crash, a hang) fails the test with the case's seed.
 */
class CountStoreFuzzTest {
    private static final int FLIP_CASES = 2500;
    private static final int TRUNCATE_CASES = 600;
    private static final int APPEND_CASES = 200;
    private static final int UNVERIFIED_CASES = 500;
    private static final int BATCH = 500;
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(30);
    private static final SectionKind EXTRA = SectionKind.extra(300);

    @TempDir
    Path dir;
    private Path good;
    private byte[] bytes;
    private StoreHeader header;
    /** Bytes not covered by the header or any section: changes there must go unnoticed. */
    private boolean[] uncovered;

    @BeforeEach
    void writeGoodStore() throws IOException {
        good = dir.resolve("good.fdstore");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment extra = arena.allocate(Layouts.F64, 37);
            for (int i = 0; i < 37; i++) {
                extra.setAtIndex(Layouts.F64, i, i * 0.5);
            }
            StoreWriterTest.write(new SparseFixture(300, 40, 0.1, true, 11), good, true,
                    w -> w.addSection(EXTRA, 37, extra));
        }
        bytes = Files.readAllBytes(good);
        try (CountStore s = CountStore.open(good)) {
            header = s.header();
        }
        uncovered = new boolean[bytes.length];
        Arrays.fill(uncovered, StoreHeader.HEADER_BYTES, bytes.length, true);
        for (SectionEntry e : header.sections()) {
            Arrays.fill(uncovered, (int) e.offset(), (int) (e.offset() + e.length()), false);
        }
    }

    @Test
    void theStoreHasPaddingAndTheHeaderChecksumCoversEveryOtherHeaderByte() {
        int padding = 0;
        for (boolean b : uncovered) {
            padding += b ? 1 : 0;
        }
        assertTrue(padding > 0, "the fixture must have alignment padding to test the 'outside' case");
        assertEquals(bytes.length, header.fileLength(), "the writer trims the file to its logical length");
    }

    @Test
    void flippedBytesAreDetectedOrHarmless() {
        int[] outcomes = new int[2];
        for (int first = 0; first < FLIP_CASES; first += BATCH) {
            int from = first;
            assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                for (int c = from; c < from + BATCH; c++) {
                    outcomes[flipCase(c) ? 1 : 0]++;
                }
            });
        }
        assertEquals(FLIP_CASES, outcomes[0] + outcomes[1]);
        assertTrue(outcomes[0] > FLIP_CASES / 2, "most flips land in a section: " + outcomes[0]);
        assertTrue(outcomes[1] > 0, "some flips land only in padding: " + outcomes[1]);
    }

    @Test
    void truncatedFilesAreDetected() {
        assertTimeoutPreemptively(BATCH_LIMIT.multipliedBy(2), () -> {
            SplittableRandom rnd = new SplittableRandom(2);
            for (int c = 0; c < TRUNCATE_CASES; c++) {
                int length = c < 3 ? new int[] {0, StoreHeader.HEADER_BYTES - 1, bytes.length - 1}[c]
                        : rnd.nextInt(bytes.length);
                Path p = Files.write(dir.resolve("cut.fdstore"), Arrays.copyOf(bytes, length));
                StoreFormatException e = expectFailure(p, "truncated to " + length);
                assertTrue(e.getMessage().contains("truncated"), e.getMessage());
                assertEquals("header", e.section(), e.getMessage());
                assertTrue(e.getMessage().contains("(section header, offset "), e.getMessage());
            }
        });
    }

    @Test
    void bytesAfterTheLogicalEndAreIgnored() {
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            SplittableRandom rnd = new SplittableRandom(3);
            for (int c = 0; c < APPEND_CASES; c++) {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + rnd.nextInt(200));
                for (int i = bytes.length; i < longer.length; i++) {
                    longer[i] = (byte) rnd.nextInt(256);
                }
                assertIdentical(Files.write(dir.resolve("long.fdstore"), longer), "append case " + c);
            }
        });
    }

    @Test
    void anUnverifiedOpenChecksTheGeneTablesItDecodes() throws IOException {
        SectionEntry names = header.find(SectionKind.GENE_NAMES);
        byte[] b = bytes.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) names.offset() + 5 * Long.BYTES, 1L << 40);
        Path p = Files.write(dir.resolve("names.fdstore"), b);
        try (CountStore s = CountStore.open(p, false)) {
            fail("opened with a broken gene table: " + s.geneNames().size());
        } catch (StoreFormatException e) {
            assertEquals("geneNames", e.section(), e.getMessage());
            assertEquals(names.offset() + 6 * Long.BYTES, e.offset(), e.getMessage());
        }
        StoreChecksumException verified = assertThrows(StoreChecksumException.class, () -> CountStore.open(p));
        assertEquals("geneNames", verified.section(), "a verified open reports the checksum first");
    }

    @Test
    void anUnverifiedOpenOfAFlippedStoreFailsCleanlyOrOpens() {
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            for (int c = 0; c < UNVERIFIED_CASES; c++) {
                SplittableRandom rnd = new SplittableRandom(50_000L + c);
                byte[] b = bytes.clone();
                int at = StoreHeader.HEADER_BYTES + rnd.nextInt(b.length - StoreHeader.HEADER_BYTES);
                b[at] ^= (byte) (1 + rnd.nextInt(255));
                Path p = Files.write(dir.resolve("unverified.fdstore"), b);
                try (CountStore s = CountStore.open(p, false)) {
                    assertEquals(header.spots(), s.spots());
                } catch (StoreFormatException e) {
                    assertTrue(e.getMessage().contains("(section " + e.section() + ", offset "), e.getMessage());
                } catch (Throwable t) {
                    throw new AssertionError("unverified case " + c + " at " + at + ": " + t, t);
                }
            }
        });
    }

    /** One flip case; returns true if the damage was (rightly) harmless. */
    private boolean flipCase(int c) throws IOException {
        SplittableRandom rnd = new SplittableRandom(1000L + c);
        byte[] b = bytes.clone();
        int flips = 1 + rnd.nextInt(4);
        // one case in four aims at the padding, so the "outside" branch is exercised often
        boolean aimAtPadding = rnd.nextInt(4) == 0;
        Set<String> damaged = new TreeSet<>();
        boolean headerDamaged = false;
        boolean anyCovered = false;
        boolean coreDamaged = false;
        List<Integer> positions = new ArrayList<>();
        for (int f = 0; f < flips; f++) {
            int at = aimAtPadding ? paddingByte(rnd) : rnd.nextInt(b.length);
            b[at] ^= (byte) (1 + rnd.nextInt(255));
            positions.add(at);
        }
        for (int at : positions) {
            if (b[at] == bytes[at]) {
                continue; // flipped twice back to the original
            }
            if (at < StoreHeader.HEADER_BYTES) {
                headerDamaged = true;
            }
            SectionEntry e = sectionAt(at);
            if (e != null) {
                damaged.add(e.kind().label());
            }
            anyCovered |= !uncovered[at];
            coreDamaged |= !uncovered[at] && (e == null || e.kind().builtIn());
        }
        Path p = Files.write(dir.resolve("flip.fdstore"), b);
        String what = "flip case " + c + " at " + positions;
        if (!anyCovered) {
            assertIdentical(p, what);
            return true;
        }
        if (!coreDamaged) {
            // only an extra section (a cache) is damaged: the store opens, and its reader sees no cache
            try (CountStore s = CountStore.open(p, true)) {
                assertEquals(header.spots(), s.spots(), what);
                assertTrue(s.checkedSection(EXTRA).isEmpty(), what);
            }
            return false;
        }
        StoreFormatException e = expectFailure(p, what);
        if (headerDamaged) {
            assertEquals("header", e.section(), what + ": " + e.getMessage());
        } else {
            assertTrue(damaged.contains(e.section()), what + ": " + e.getMessage() + " (damaged " + damaged + ")");
            assertTrue(e instanceof StoreChecksumException, what + ": " + e.getMessage());
            SectionEntry s = header.sections().stream().filter(x -> x.kind().label().equals(e.section()))
                    .findFirst().orElseThrow();
            assertEquals(s.offset(), e.offset(), what);
        }
        assertTrue(e.getMessage().startsWith(p + ": ") && e.getMessage().contains("(section " + e.section()
                + ", offset " + e.offset() + ")"), e.getMessage());
        return false;
    }

    private int paddingByte(SplittableRandom rnd) {
        while (true) {
            int at = StoreHeader.HEADER_BYTES + rnd.nextInt(bytes.length - StoreHeader.HEADER_BYTES);
            if (uncovered[at]) {
                return at;
            }
        }
    }

    private SectionEntry sectionAt(long at) {
        for (SectionEntry e : header.sections()) {
            if (at >= e.offset() && at < e.offset() + e.length()) {
                return e;
            }
        }
        return null;
    }

    /** Opens with verification, expecting the project's exception and nothing else. */
    private static StoreFormatException expectFailure(Path p, String what) {
        try (CountStore s = CountStore.open(p, true)) {
            fail(what + ": opened without an error (" + s.spots() + " spots)");
            return null;
        } catch (StoreFormatException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError(what + ": expected a StoreFormatException, got " + t, t);
        }
    }

    /** Opens with verification and compares everything with the good store. */
    private void assertIdentical(Path p, String what) throws IOException {
        try (CountStore a = CountStore.open(good, true); CountStore b = CountStore.open(p, true)) {
            assertEquals(a.spots(), b.spots(), what);
            assertEquals(a.nnz(), b.nnz(), what);
            assertEquals(a.valueType(), b.valueType(), what);
            assertEquals(-1, a.csr().rowPtr().mismatch(b.csr().rowPtr()), what);
            assertEquals(-1, a.csr().colIdx().mismatch(b.csr().colIdx()), what);
            assertEquals(-1, a.csr().values().mismatch(b.csr().values()), what);
            assertEquals(-1, a.totals().mismatch(b.totals()), what);
            assertEquals(-1, a.coords().orElseThrow().data().mismatch(b.coords().orElseThrow().data()), what);
            assertEquals(-1, a.section(EXTRA).orElseThrow().mismatch(b.section(EXTRA).orElseThrow()), what);
            assertEquals(a.geneNames(), b.geneNames(), what);
            assertEquals(a.geneIds(), b.geneIds(), what);
            for (long i = 0; i < a.spots(); i++) {
                assertEquals(a.barcode(i), b.barcode(i), what);
            }
        } catch (StoreFormatException e) {
            throw new AssertionError(what + ": bytes outside every section were reported: " + e.getMessage(), e);
        }
    }
}
