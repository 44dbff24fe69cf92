package org.flashdeconv.engine.represent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Mt19937Test {

    @Test
    void firstWordsMatchAppendixA() {
        Mt19937 zero = new Mt19937(0);
        long[] expected0 = {2357136044L, 2546248239L, 3071714933L, 3626093760L, 2588848963L};
        for (long w : expected0) {
            assertEquals(w, zero.next32());
        }
        Mt19937 classic = new Mt19937(5489);
        long[] expected5489 = {3499211612L, 581869302L, 3890346734L};
        for (long w : expected5489) {
            assertEquals(w, classic.next32());
        }
    }

    @Test
    void wordsAcrossSeveralTwistsMatchTheReferenceAlgorithm() {
        Mt19937 rng = new Mt19937(4294967295L);
        NaiveMt naive = new NaiveMt(4294967295L);
        for (int i = 0; i < 2000; i++) {
            assertEquals(naive.next(), rng.next32(), "word " + i);
        }
    }

    @Test
    void boundedDrawsMatchAppendixA() {
        Mt19937 rng = new Mt19937(0);
        int[] buckets = new int[10];
        for (int g = 0; g < 10; g++) {
            buckets[g] = rng.bounded(511);
        }
        assertArrayEquals(new int[] {172, 47, 117, 192, 323, 251, 195, 359, 9, 211}, buckets);
        int[] signs = new int[10];
        for (int g = 0; g < 10; g++) {
            signs[g] = rng.bounded(1) == 0 ? -1 : 1;
        }
        assertArrayEquals(new int[] {1, -1, -1, 1, -1, -1, -1, -1, -1, 1}, signs);

        Mt19937 r42 = new Mt19937(42);
        int[] b42 = new int[8];
        for (int g = 0; g < 8; g++) {
            b42[g] = r42.bounded(99);
        }
        assertArrayEquals(new int[] {51, 92, 14, 71, 60, 20, 82, 86}, b42);
        int[] s42 = new int[8];
        for (int g = 0; g < 8; g++) {
            s42[g] = r42.bounded(1) == 0 ? -1 : 1;
        }
        assertArrayEquals(new int[] {-1, -1, 1, -1, 1, 1, 1, -1}, s42);
    }

    @Test
    void boundedZeroConsumesNoWordAndRejectionUsesMaskedWords() {
        Mt19937 a = new Mt19937(7);
        Mt19937 b = new Mt19937(7);
        assertEquals(0, a.bounded(0));
        assertEquals(b.next32(), a.next32());
        // hi = 4 -> mask 7: the draw is the first masked word <= 4
        Mt19937 c = new Mt19937(123);
        Mt19937 d = new Mt19937(123);
        long v;
        do {
            v = d.next32() & 7;
        } while (v > 4);
        assertEquals(v, c.bounded(4));
        assertEquals(d.next32(), c.next32());
        assertTrue(new Mt19937(1).bounded(Integer.MAX_VALUE) >= 0);
    }

    @Test
    void rejectsSeedsOutside32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new Mt19937(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Mt19937(1L << 32));
        assertTrue(e.getMessage().contains("random_state"));
        assertThrows(IllegalArgumentException.class, () -> new Mt19937(0).bounded(-1));
    }

    /** The textbook algorithm on longs modulo 2^32, as a cross-check of the int arithmetic. */
    private static final class NaiveMt {
        private final long[] mt = new long[624];
        private int i = 624;

        NaiveMt(long seed) {
            mt[0] = seed;
            for (int k = 1; k < 624; k++) {
                mt[k] = (1812433253L * (mt[k - 1] ^ (mt[k - 1] >>> 30)) + k) & 0xFFFFFFFFL;
            }
        }

        long next() {
            if (i == 624) {
                for (int k = 0; k < 624; k++) {
                    long y = (mt[k] & 0x80000000L) | (mt[(k + 1) % 624] & 0x7FFFFFFFL);
                    mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) == 1 ? 0x9908B0DFL : 0);
                }
                i = 0;
            }
            long y = mt[i++];
            y ^= y >>> 11;
            y ^= (y << 7) & 0x9D2C5680L;
            y ^= (y << 15) & 0xEFC60000L;
            y ^= y >>> 18;
            return y & 0xFFFFFFFFL;
        }
    }
}
