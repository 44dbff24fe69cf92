package org.flashdeconv.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One value of {@code lambda_spatial}: {@code "auto"} (spec §8) or a finite number ≥ 0 used as given.
 *
 * @param auto  true for the automatic rule; then {@code value} is NaN
 * @param value the numeric λ when not auto
 */
public record LambdaSpec(boolean auto, double value) {

    /** The automatic rule. */
    public static final LambdaSpec AUTO = new LambdaSpec(true, Double.NaN);

    /**
     * Checks the value.
     *
     * @throws IllegalArgumentException if a numeric λ is NaN, infinite or negative
     */
    public LambdaSpec {
        if (auto) {
            value = Double.NaN;
        } else if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("lambda_spatial must be 'auto' or a finite number >= 0, found "
                    + value);
        }
    }

    /**
     * A numeric λ.
     *
     * @throws IllegalArgumentException if it is NaN, infinite or negative
     */
    public static LambdaSpec of(double value) {
        return new LambdaSpec(false, value);
    }

    /**
     * Parses {@code "auto"} or a number.
     *
     * @throws IllegalArgumentException if the text is neither
     */
    public static LambdaSpec parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            return of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lambda_spatial must be 'auto' or a finite number >= 0, found '"
                    + text + "'");
        }
    }

    /**
     * Parses a comma-separated list such as {@code "auto"} or {@code "100,1000,5000"}.
     *
     * @throws IllegalArgumentException if the list is empty or an element does not parse
     */
    public static List<LambdaSpec> parseList(String text) {
        List<LambdaSpec> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            out.add(parse(part));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return auto ? "auto" : Double.toString(value);
    }
}
