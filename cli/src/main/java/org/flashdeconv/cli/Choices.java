package org.flashdeconv.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses an option value into one of an enum's constants, by lower-case name. */
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
}
