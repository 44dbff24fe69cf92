package org.flashdeconv.io.h5;

import static org.flashdeconv.io.testdata.TestInputs.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chunks read by {@link ChunkReader} against jHDF's own slice reads of the same datasets (h5/chunks). */
class ChunkReaderTest {
    private static final String FILE = "chunks/chunked.h5";
    private static final List<String> TYPES = List.of("f4", "f8", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "be_i4",
            "be_f8");

    static List<String> direct() {
        return TYPES.stream().flatMap(t -> List.of("plain/" + t, "gzip/" + t, "shuffle/" + t).stream()).toList();
    }

    static List<String> all() {
        List<String> all = new java.util.ArrayList<>(direct());
        all.addAll(List.of("plain/u8", "shuffle/u8", "fletcher/i8", "holes/i4"));
        return all;
    }

    @ParameterizedTest
    @MethodSource("direct")
    void readsTheKnownLayoutsItself(String dataset) throws IOException {
        try (H5File f = H5File.open(path(FILE))) {
            assertTrue(f.numeric(dataset, "d").readsChunks(), dataset);
        }
    }

    @Test
    void leavesOtherLayoutsToJhdf() throws IOException {
        try (H5File f = H5File.open(path(FILE))) {
            assertEquals(false, f.numeric("plain/u8", "d").readsChunks());
            assertEquals(false, f.numeric("fletcher/i8", "d").readsChunks());
            assertEquals(true, f.numeric("holes/i4", "d").readsChunks());
        }
    }

    /** Whole dataset, slices within a chunk, across chunk edges, at the partial last chunk, and random ones. */
    @ParameterizedTest
    @MethodSource("all")
    void givesJhdfsValues(String dataset) throws IOException {
        try (H5File f = H5File.open(path(FILE))) {
            NumericArray ours = f.numeric(dataset, "d");
            NumericArray jhdf = new NumericArray(f.path(), f.dataset(dataset, "d"));
            int n = (int) ours.length();
            assertEquals(1000, n);
            Random rnd = new Random(dataset.hashCode());
            int[][] slices = new int[20][];
            slices[0] = new int[] {0, n};
            slices[1] = new int[] {5, 40};
            slices[2] = new int[] {95, 2};
            slices[3] = new int[] {960, 40};
            slices[4] = new int[] {0, 0};
            for (int i = 5; i < slices.length; i++) {
                int from = rnd.nextInt(n);
                slices[i] = new int[] {from, rnd.nextInt(n - from + 1)};
            }
            for (int[] s : slices) {
                String where = dataset + " [" + s[0] + ", +" + s[1] + ")";
                double[] a = new double[s[1]];
                double[] b = new double[s[1]];
                ours.readDoubles(s[0], s[1], a);
                jhdf.readDoubles(s[0], s[1], b);
                assertArrayEquals(b, a, where);
                long[] la = new long[s[1]];
                long[] lb = new long[s[1]];
                ours.readLongs(s[0], s[1], la);
                jhdf.readLongs(s[0], s[1], lb);
                assertArrayEquals(lb, la, where);
                int[] ia = new int[s[1]];
                int[] ib = new int[s[1]];
                boolean fitsA = ours.readInts(s[0], s[1], ia);
                boolean fitsB = jhdf.readInts(s[0], s[1], ib);
                assertEquals(fitsB, fitsA, where);
                if (fitsB) {
                    assertArrayEquals(ib, ia, where);
                }
            }
        }
    }

    /** Chunks never written are left to jHDF (which reads them as zeros); the written ones are read here. */
    @Test
    void holesAroundWrittenChunks() throws IOException {
        try (H5File f = H5File.open(path(FILE))) {
            long[] v = new long[1000];
            f.numeric("holes/i4", "d").readLongs(0, 1000, v);
            assertEquals(95, v[95]);
            assertEquals(0, v[300]);
            assertEquals(199, v[499]);
        }
    }

    /** A deflate chunk whose bytes are damaged: one line naming the file, the dataset and the chunk. */
    @Test
    void damagedChunkIsNamed(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("damaged.h5");
        byte[] bytes = Files.readAllBytes(path(FILE));
        double[] good = new double[1000];
        try (H5File f = H5File.open(path(FILE))) {
            f.numeric("gzip/f8", "d").readDoubles(0, 1000, good);
        }
        int at = indexOfChunk(bytes, good);
        Arrays.fill(bytes, at + 8, at + 40, (byte) 0x55);
        Files.write(copy, bytes);
        try (H5File f = H5File.open(copy)) {
            H5FormatException e = assertThrows(H5FormatException.class,
                    () -> f.numeric("gzip/f8", "d").readDoubles(0, 1000, new double[1000]));
            assertTrue(e.getMessage().contains("damaged.h5") && e.getMessage().contains("/gzip/f8")
                    && e.getMessage().contains("chunk at element 0"), e.getMessage());
        }
    }

    /** The file offset of gzip/f8's first chunk: the zlib stream that inflates to the first 96 values. */
    private static int indexOfChunk(byte[] bytes, double[] values) {
        java.nio.ByteBuffer want = java.nio.ByteBuffer.allocate(96 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 96; i++) {
            want.putDouble(values[i]);
        }
        for (int at = 0; at + 2 < bytes.length; at++) {
            if (bytes[at] != 0x78) {
                continue;
            }
            java.util.zip.Inflater inf = new java.util.zip.Inflater();
            inf.setInput(bytes, at, Math.min(2000, bytes.length - at));
            byte[] out = new byte[96 * 8];
            try {
                if (inf.inflate(out) == out.length && Arrays.equals(out, want.array())) {
                    return at;
                }
            } catch (java.util.zip.DataFormatException e) {
                // not a stream start
            } finally {
                inf.end();
            }
        }
        throw new AssertionError("chunk not found");
    }
}
