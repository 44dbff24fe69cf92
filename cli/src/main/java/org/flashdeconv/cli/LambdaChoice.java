package org.flashdeconv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flashdeconv.engine.LambdaSpec;
import org.flashdeconv.engine.PreparedProblem;

/**
 * One value of {@code --lambda}: {@code auto}, a multiple of the auto value ({@code auto*3}, the form the README's
 * platform table uses), or a number.
 *
 * @param text       as the user wrote it
 * @param multiplier the factor on the auto value, or NaN for a plain number
 * @param value      the number, or NaN for a multiple of auto
 */
record LambdaChoice(String text, double multiplier, double value) {

    /**
     * Parses a comma-separated list.
     *
     * @throws IllegalArgumentException naming the bad element
     */
    static List<LambdaChoice> parseList(String list) {
        List<LambdaChoice> out = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String t = raw.trim().toLowerCase(Locale.ROOT);
            if (t.equals("auto")) {
                out.add(new LambdaChoice(t, 1, Double.NaN));
            } else if (t.startsWith("auto*")) {
                double m = number(t.substring(5), raw);
                if (!(m > 0) || Double.isInfinite(m)) {
                    throw new IllegalArgumentException("--lambda: the factor of '" + raw + "' must be a positive "
                            + "number");
                }
                out.add(new LambdaChoice(t, m, Double.NaN));
            } else {
                LambdaSpec s = LambdaSpec.parse(t);
                out.add(new LambdaChoice(t, Double.NaN, s.value()));
            }
        }
        return List.copyOf(out);
    }

    private static double number(String s, String raw) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--lambda: expected auto, auto*FACTOR or a number >= 0, found '" + raw
                    + "'");
        }
    }

    /** The engine's λ for this choice (the auto value comes from the prepared problem). */
    LambdaSpec resolve(PreparedProblem problem) {
        if (Double.isNaN(multiplier)) {
            return LambdaSpec.of(value);
        }
        return multiplier == 1 ? LambdaSpec.AUTO : LambdaSpec.of(problem.lambdaFor(LambdaSpec.AUTO) * multiplier);
    }

    /** What the options record: auto for relative choices, else the number. */
    LambdaSpec spec() {
        return Double.isNaN(multiplier) ? LambdaSpec.of(value) : LambdaSpec.AUTO;
    }

    /** The result subfolder when several values are given: lambda_auto, lambda_autox3, lambda_100, lambda_0.5. */
    String folderName() {
        if (!Double.isNaN(multiplier)) {
            return multiplier == 1 ? "lambda_auto" : "lambda_autox" + plain(multiplier);
        }
        return "lambda_" + plain(value);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
