package org.flashdeconv.io.simulate;

/**
 * Barcodes in the style of the platform: Visium HD {@code s_008um_<row>_<column>-1} (5-digit zero-padded), Visium
 * a 16-base code that is a bijection of the spot index (so unique) followed by {@code -1}.
 */
final class Barcodes {
    private static final char[] BASES = {'A', 'C', 'G', 'T'};

    private final Profile profile;
    private final long columns;
    private final String hdPrefix;
    private final StringBuilder sb = new StringBuilder(32);

    Barcodes(Profile profile, long columns) {
        this.profile = profile;
        this.columns = columns;
        int microns = (int) profile.lattice().spacingMicrons();
        this.hdPrefix = "s_" + "0".repeat(3 - Integer.toString(microns).length()) + microns + "um_";
    }

    String of(long spot) {
        sb.setLength(0);
        if (profile.lattice().hexagonal()) {
            int code = scramble((int) spot);
            for (int i = 30; i >= 0; i -= 2) {
                sb.append(BASES[(code >>> i) & 3]);
            }
        } else {
            sb.append(hdPrefix);
            padded(spot / columns);
            sb.append('_');
            padded(spot % columns);
        }
        return sb.append("-1").toString();
    }

    private void padded(long value) {
        String digits = Long.toString(value);
        sb.repeat('0', Math.max(0, 5 - digits.length())).append(digits);
    }

    /** A bijection of 32-bit integers (odd multiplications and xor-shifts are invertible). */
    private static int scramble(int x) {
        x *= 0x9E3779B1;
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        return x ^ (x >>> 13);
    }
}
