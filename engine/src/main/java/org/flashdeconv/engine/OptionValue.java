package org.flashdeconv.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum constant that is also the value of an option: its {@link #id()} is the constant's name in lower case
 * ({@code LOG_CPM} is {@code "log_cpm"}), the spelling of the specification's parameters and of the CLI options.
 */
public interface OptionValue {

    /** The enum constant's name (implemented by {@link Enum#name()}). */
    String name();

    /** The option value: {@link #name()} in lower case. */
    default String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code values} whose {@link #id()} is {@code value}.
     *
     * @param option the option's name for the message ("preprocess", "model", ...)
     * @throws IllegalArgumentException if no constant has that id (the message lists them all)
     */
    static <E extends Enum<E> & OptionValue> E parse(String option, E[] values, String value) {
        for (E e : values) {
            if (e.id().equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + " must be one of "
                + Arrays.stream(values).map(OptionValue::id).collect(Collectors.joining(", ")) + ", found '"
                + value + "'");
    }
}
