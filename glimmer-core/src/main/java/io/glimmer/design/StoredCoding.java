package io.glimmer.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the training data were coded, so that new data are coded identically (R keeps the same in a
 * fit's {@code xlevels} and {@code predvars}): the levels of every categorical expression of the
 * fixed and random-effect terms (after unused levels were dropped), and the centre and scale that
 * each {@code scale(x)} used.
 *
 * @param levels  expression (as deparsed, e.g. "period" or "factor(x)") → its levels, reference first
 * @param scaling call (e.g. "scale(age)") → its centre and scale
 */
public record StoredCoding(Map<String, List<String>> levels, Map<String, Scaling> scaling) {
    public StoredCoding {
        Map<String, List<String>> l = new LinkedHashMap<>();
        levels.forEach((k, v) -> l.put(k, List.copyOf(v)));
        levels = java.util.Collections.unmodifiableMap(l);
        scaling = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scaling));
    }

    /** No categorical variables and no scale(). */
    public static StoredCoding none() {
        return new StoredCoding(Map.of(), Map.of());
    }

    /** The centre (mean) and scale (standard deviation) of one {@code scale(x)}. */
    public record Scaling(double center, double scale) {
    }
}
