package org.flashdeconv.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One value of {@code lambda_spatial}: a multiple of the automatic value of docs/algorithm.md §8 ({@code "auto"},
 * {@code "auto*3"}) or a finite number ≥ 0 used as given. The text form ({@link #toString()}) parses back to an
 * equal value: {@code auto}, {@code auto*3}, {@code 100}, {@code 0.5}.
 */
public sealed interface LambdaSpec {

    /** The automatic rule (docs/algorithm.md §8), factor 1. */
    LambdaSpec AUTO = new Auto(1);

    /**
     * {@code factor} times the automatic value.
     *
     * @param factor a finite number > 0; 1 is plain {@code auto}
     */
    record Auto(double factor) implements LambdaSpec {
        /**
         * Checks the factor.
         *
         * @throws IllegalArgumentException if the factor is not a finite number > 0
         */
        public Auto {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("lambda_spatial: the factor of auto*" + factor
                        + " must be a finite number > 0");
            }
        }

        @Override
        public String toString() {
            return factor == 1 ? "auto" : "auto*" + plain(factor);
        }
    }

    /**
     * A λ used as given (not rescaled).
     *
     * @param value a finite number ≥ 0
     */
    record Fixed(double value) implements LambdaSpec {
        /**
         * Checks the value.
         *
         * @throws IllegalArgumentException if the value is NaN, infinite or negative
         */
        public Fixed {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("lambda_spatial must be 'auto' or a finite number >= 0, found "
                        + value);
            }
        }

        @Override
        public String toString() {
            return plain(value);
        }
    }

    /**
     * A numeric λ.
     *
     * @throws IllegalArgumentException if it is NaN, infinite or negative
     */
    static LambdaSpec of(double value) {
        return new Fixed(value);
    }

    /**
     * {@code factor} times the automatic value ({@code auto*factor}).
     *
     * @throws IllegalArgumentException if the factor is not a finite number > 0
     */
    static LambdaSpec autoTimes(double factor) {
        return new Auto(factor);
    }

    /**
     * The λ this spec resolves to, given the automatic value of a problem.
     *
     * @param autoValue the value of plain {@code auto} (docs/algorithm.md §8)
     */
    default double resolve(double autoValue) {
        return switch (this) {
            case Auto a -> autoValue * a.factor(); // exact for factor 1
            case Fixed f -> f.value();
        };
    }

    /** The value as summary.json lists it: the number for a fixed λ, the text for a multiple of auto. */
    default Object jsonValue() {
        return switch (this) {
            case Auto a -> a.toString();
            case Fixed f -> f.value();
        };
    }

    /**
     * Parses {@code auto}, {@code auto*F} (F > 0) or a number, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException if the text is none of these
     */
    static LambdaSpec parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        try {
            if (t.startsWith("auto*")) {
                return autoTimes(Double.parseDouble(t.substring(5)));
            }
            return of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lambda_spatial must be 'auto' or a finite number >= 0, found '"
                    + text + "' (or auto*F with a number F > 0)");
        }
    }

    /**
     * Parses a comma-separated list such as {@code "auto"}, {@code "auto,auto*3"} or {@code "100,1000,5000"}.
     *
     * @throws IllegalArgumentException if the list is empty or an element does not parse
     */
    static List<LambdaSpec> parseList(String text) {
        List<LambdaSpec> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            out.add(parse(part));
        }
        return List.copyOf(out);
    }

    /** A number as written by a person: {@code 100}, {@code 0.5}, {@code 1.0E20}. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
