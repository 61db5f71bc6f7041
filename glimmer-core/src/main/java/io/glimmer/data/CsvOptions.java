package io.glimmer.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable options for {@link CsvReader}. A class with a builder rather than a record, so that
 * options can be added later without breaking callers.
 */
public final class CsvOptions {
    private static final CsvOptions DEFAULTS = builder().build();

    private final Set<String> factors;

    private CsvOptions(Builder builder) {
        this.factors = Collections.unmodifiableSet(new LinkedHashSet<>(builder.factors));
    }

    /** No factors: every column's type is detected from its values. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().factors(factors);
    }

    /**
     * Columns to read as categorical even when every value looks numeric (e.g. subject ids 308, 309).
     * Iteration follows the order the names were given, so error messages are stable.
     */
    public Set<String> factors() {
        return factors;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvOptions other && factors.equals(other.factors);
    }

    @Override
    public int hashCode() {
        return factors.hashCode();
    }

    @Override
    public String toString() {
        return "CsvOptions[factors=" + factors + "]";
    }

    public static final class Builder {
        private final Set<String> factors = new LinkedHashSet<>();

        private Builder() {
        }

        /** Replaces the factor columns. */
        public Builder factors(Collection<String> names) {
            factors.clear();
            names.forEach(this::factor);
            return this;
        }

        /** Adds factor columns. */
        public Builder factor(String... names) {
            for (String name : names) {
                factors.add(Objects.requireNonNull(name, "factor column name"));
            }
            return this;
        }

        public CsvOptions build() {
            return new CsvOptions(this);
        }
    }
}
