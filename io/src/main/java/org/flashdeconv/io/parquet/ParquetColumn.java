package org.flashdeconv.io.parquet;

import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;

/**
 * One column of a flat Parquet table, with its values by row index. An optional column may hold nulls; a required
 * one may not.
 */
public sealed interface ParquetColumn {
    /** The column name, kept exactly. */
    String name();

    /** Whether the column may hold nulls. */
    boolean optional();

    /**
     * UTF-8 strings (BYTE_ARRAY, logical type STRING).
     *
     * @param value the value of a row, null for a null (only in an optional column)
     */
    record Strings(String name, boolean optional, LongFunction<String> value) implements ParquetColumn {
    }

    /**
     * 64-bit floating point numbers (DOUBLE).
     *
     * @param present whether a row has a value (always true for a required column)
     * @param value   the value of a row that has one
     */
    record Doubles(String name, boolean optional, LongPredicate present, LongToDoubleFunction value)
            implements ParquetColumn {
    }

    /**
     * Booleans (BOOLEAN).
     *
     * @param present whether a row has a value (always true for a required column)
     * @param value   the value of a row that has one
     */
    record Booleans(String name, boolean optional, LongPredicate present, LongPredicate value)
            implements ParquetColumn {
    }
}
