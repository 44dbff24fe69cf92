package org.flashdeconv.bench.scaling;

import java.util.Locale;
import org.flashdeconv.io.simulate.Profile;

/**
 * One slide size of the harness: a label such as {@code 100k} or {@code 10m}, its spot count, and the simulated
 * profile (hd2 from 10M up, hd8 below, unless given as {@code 1m:hd2}).
 *
 * @param label   the size as written ("10k", "1m")
 * @param spots   N
 * @param profile the simulation profile
 */
record SizeSpec(String label, long spots, Profile profile) {

    /** Spot count from which the default profile is hd2. */
    static final long HD2_FROM = 10_000_000L;

    /**
     * Parses {@code <n>[k|m][:profile]}, e.g. {@code 10k}, {@code 1m}, {@code 1m:hd2}, {@code 250000}.
     *
     * @throws IllegalArgumentException if the count or the profile is not understood
     */
    static SizeSpec parse(String token) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        String profileName = null;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            profileName = t.substring(colon + 1);
            t = t.substring(0, colon);
        }
        long factor = 1;
        String digits = t;
        if (t.endsWith("k")) {
            factor = 1_000;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 1_000_000;
            digits = t.substring(0, t.length() - 1);
        }
        long n;
        try {
            n = Math.multiplyExact(Long.parseLong(digits), factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--sizes: expected a count such as 10k, 1m or 250000 (optionally"
                    + " ':hd8'), found '" + token + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--sizes: a size must be at least 1, found '" + token + "'");
        }
        Profile p = profileName == null ? (n >= HD2_FROM ? Profile.HD2 : Profile.HD8) : Profile.parse(profileName);
        return new SizeSpec(t, n, p);
    }

    /** The data folder name, e.g. {@code hd8-100k}. */
    String folder() {
        return profile.cliName() + "-" + label;
    }
}
