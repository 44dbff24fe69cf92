package org.flashdeconv.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Checks option values: one of an enum's constants by lower-case name, a count with a lower bound. */
final class Choices {
    private Choices() {
    }

    /**
     * The constant of {@code type} named {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the option and the accepted values
     */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + ": expected one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", found '"
                + text + "'");
    }

    /**
     * Returns {@code n} if it is at least {@code min}.
     *
     * @throws CommandLine.ParameterException (a usage error of {@code spec}'s command, exit 2) otherwise
     */
    static int atLeast(CommandLine.Model.CommandSpec spec, String option, int n, int min) {
        if (n < min) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be an integer >= " + min
                    + ", found " + n);
        }
        return n;
    }
}
