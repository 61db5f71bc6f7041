package io.glimmer.data;

import io.glimmer.error.InputException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable options for {@link CsvReader}. A class with a builder rather than a record, so that
 * options can be added later without breaking callers.
 */
public final class CsvOptions {
    private static final CsvOptions DEFAULTS = builder().build();

    /** The field separators {@link CsvReader} detects, in the order that breaks a tie. */
    public static final String DETECTED_SEPARATORS = ",\t;";

    private final Set<String> factors;
    private final Character separator;

    private CsvOptions(Builder builder) {
        this.factors = Collections.unmodifiableSet(new LinkedHashSet<>(builder.factors));
        this.separator = builder.separator;
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
        return new Builder().factors(factors).separator(separator);
    }

    /**
     * Columns to read as categorical even when every value looks numeric (e.g. subject ids 308, 309).
     * Iteration follows the order the names were given, so error messages are stable.
     */
    public Set<String> factors() {
        return factors;
    }

    /**
     * The field separator, or empty when it is detected from the header line: the one of comma,
     * tab and semicolon that occurs most often outside quotes there (comma when none does, or on a tie).
     */
    public Optional<Character> separator() {
        return Optional.ofNullable(separator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvOptions other && factors.equals(other.factors) && Objects.equals(separator, other.separator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(factors, separator);
    }

    @Override
    public String toString() {
        return "CsvOptions[factors=" + factors + ", separator=" + (separator == null ? "detected" : describe(separator)) + "]";
    }

    /** A separator as messages name it: ',' or ';', and tab by name. */
    public static String describe(char separator) {
        return separator == '\t' ? "tab" : "'" + separator + "'";
    }

    public static final class Builder {
        private final Set<String> factors = new LinkedHashSet<>();
        private Character separator;

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

        /**
         * The field separator, or null to detect it from the header. A quote, a line break or a
         * letter, digit, point or sign (which numbers are written with) cannot separate fields.
         */
        public Builder separator(Character c) {
            if (c != null && (c == '"' || c == '\n' || c == '\r' || Character.isLetterOrDigit(c)
                    || c == '.' || c == '-' || c == '+')) {
                throw new InputException("a field separator cannot be " + describe(c));
            }
            separator = c;
            return this;
        }

        public CsvOptions build() {
            return new CsvOptions(this);
        }
    }
}
