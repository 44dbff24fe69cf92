package org.flashdeconv.cli;

/**
 * The warning for counts that are not integers: FlashDeconv models raw counts, so normalised or log-transformed
 * data gives proportions that look plausible but are off. Not an error, since such data is sometimes given on
 * purpose.
 */
final class NonIntegerWarning {
    private NonIntegerWarning() {
    }

    /** The one-line warning for {@code input}. */
    static String of(Object input) {
        return input + " holds non-integer values (normalised data?); FlashDeconv expects raw counts, "
                + "so give the raw counts if you have them";
    }
}
