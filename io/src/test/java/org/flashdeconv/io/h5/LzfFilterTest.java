package org.flashdeconv.io.h5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.exceptions.HdfFilterException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LzfFilterTest {

    /** "abc" as a literal run, then {@code copies} back references of 30 bytes at distance 3 (overlapping). */
    private static byte[] stream(int copies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(2);
        out.writeBytes("abc".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < copies; i++) {
            out.write(0xE0); // length field 7: an extra length byte follows; offset high bits 0
            out.write(30 - 2 - 7);
            out.write(3 - 1);
        }
        return out.toByteArray();
    }

    private static byte[] expected(int copies) {
        return "abc".repeat(1 + 10 * copies).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void decodesWithAndWithoutTheSizeInTheClientData() {
        LzfFilter f = new LzfFilter();
        for (int copies : new int[] {0, 1, 10, 100}) {
            byte[] in = stream(copies);
            byte[] want = expected(copies);
            assertArrayEquals(want, f.decode(in, new int[] {4, 261, want.length}));
            assertArrayEquals(want, f.decode(in, new int[0])); // h5py's variable-length strings: size unknown
            assertArrayEquals(want, f.decode(in, null));
        }
    }

    @Test
    void storedChunksPassThroughAndCorruptionIsReported() {
        LzfFilter f = new LzfFilter();
        byte[] raw = {1, 2, 3};
        assertSame(raw, f.decode(raw, new int[] {4, 261, 3}));
        assertThrows(HdfFilterException.class, () -> f.decode(new byte[] {(byte) 0x20, 5}, new int[0]));
        assertThrows(HdfFilterException.class, () -> f.decode(new byte[] {5, 'a'}, new int[0]));
        assertThrows(HdfFilterException.class, () -> f.decode(new byte[] {0, 'a', (byte) 0xE0, 1}, new int[0]));
        assertThrows(HdfFilterException.class, () -> f.decode(stream(1), new int[] {4, 261, 99}));
    }
}
