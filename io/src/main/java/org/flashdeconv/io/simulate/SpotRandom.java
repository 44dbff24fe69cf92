package org.flashdeconv.io.simulate;

/**
 * A small reseedable SplitMix64 generator. One instance per worker thread is {@linkplain #reseed reseeded} for
 * every spot from (slide seed, spot index), so any spot's draws can be reproduced on their own, in any order and
 * on any thread, without allocating.
 */
final class SpotRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    SpotRandom(long seed) {
        this.state = seed;
    }

    /** Restarts the stream for {@code (seed, stream)}; distinct streams are statistically independent. */
    void reseed(long seed, long stream) {
        state = mix(seed ^ mix(stream * GOLDEN + 0x632BE59BD9B4E019L));
    }

    /** The next 64 random bits. */
    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** A standard normal deviate (Box-Muller; one of the pair is discarded to keep the stream stateless). */
    double nextGaussian() {
        double u = 1.0 - nextDouble(); // (0, 1]
        double v = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** The SplitMix64 finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
