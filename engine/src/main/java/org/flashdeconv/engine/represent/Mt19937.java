package org.flashdeconv.engine.represent;

/**
 * The 32-bit Mersenne Twister with numpy's legacy bounded integers (docs/algorithm.md §6.4), bit-exact with
 * {@code numpy.random.RandomState(seed)}. Not thread-safe.
 */
public final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX = 0x9908B0DF;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7FFFFFFF;

    private final int[] state = new int[N];
    private int index;

    /**
     * A generator initialised by {@code init_genrand(seed)}.
     *
     * @throws IllegalArgumentException if seed is outside [0, 2^32 - 1]
     */
    public Mt19937(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("random_state must be in [0, 4294967295], found " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = state[i - 1];
            state[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        index = N;
    }

    /** The next tempered 32-bit word, as an unsigned value in [0, 2^32 - 1]. */
    public long next32() {
        if (index >= N) {
            twist();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /**
     * A uniform integer in [0, hi] by masked rejection; hi = 0 returns 0 without consuming a word.
     *
     * @throws IllegalArgumentException if hi is negative
     */
    public int bounded(int hi) {
        if (hi < 0) {
            throw new IllegalArgumentException("bounded draw needs hi >= 0, found " + hi);
        }
        if (hi == 0) {
            return 0;
        }
        long mask = hi;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = next32() & mask;
        } while (v > hi);
        return (int) v;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER) | (state[(k + 1) % N] & LOWER);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX : 0);
        }
        index = 0;
    }
}
