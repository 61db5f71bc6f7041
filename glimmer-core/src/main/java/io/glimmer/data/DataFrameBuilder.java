package io.glimmer.data;

import io.glimmer.error.InputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link DataFrame} in Java code, without a CSV file:
 * {@code DataFrameBuilder.named("my data").numeric("y", 1, 2).categorical("g", "a", null).build()}.
 * Categorical levels are sorted by the same rule as the CSV reader ({@link Levels}).
 */
public final class DataFrameBuilder {
    private final String source;
    private final List<Column> columns = new ArrayList<>();

    private DataFrameBuilder(String source) {
        this.source = source;
    }

    /** @param source a name for the data, used in error messages */
    public static DataFrameBuilder named(String source) {
        return new DataFrameBuilder(source);
    }

    /** Adds a numeric column; NaN marks a missing value. The values are copied. */
    public DataFrameBuilder numeric(String name, double... values) {
        columns.add(new NumericColumn(checkName(name), values));
        return this;
    }

    /** Adds a categorical column; null marks a missing value. Levels are the distinct values, sorted. */
    public DataFrameBuilder categorical(String name, String... values) {
        columns.add(Levels.column(checkName(name), Arrays.asList(values)));
        return this;
    }

    /** The frame; an {@link InputException} when column lengths differ or a name is repeated. */
    public DataFrame build() {
        return DataFrame.of(source, columns);
    }

    private String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InputException(source + ": column " + (columns.size() + 1) + " has an empty name");
        }
        return name;
    }
}
