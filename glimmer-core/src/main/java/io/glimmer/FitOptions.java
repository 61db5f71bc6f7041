package io.glimmer;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How to fit: family, link, method and the columns with special roles. Immutable; build with
 * {@link #builder()}. Null family means gaussian; null link means the family's canonical link;
 * null method means REML for a gaussian identity model and Laplace otherwise.
 */
public record FitOptions(String family, String link, Method method, Integer agqPoints, String weights,
                         Set<String> factors) {
    public FitOptions {
        factors = factors == null ? Set.of() : Set.copyOf(factors);
    }

    public static FitOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The method used when none was asked for. */
    public Method effectiveMethod() {
        if (method != null) {
            return method;
        }
        boolean gaussianIdentity = (family == null || family.equals("gaussian")) && (link == null || link.equals("identity"));
        return gaussianIdentity ? Method.REML : Method.LAPLACE;
    }

    /** A builder for options. */
    public static final class Builder {
        private String family;
        private String link;
        private Method method;
        private Integer agqPoints;
        private String weights;
        private final Set<String> factors = new LinkedHashSet<>();

        public Builder family(String v) { family = v; return this; }

        public Builder link(String v) { link = v; return this; }

        public Builder method(Method v) { method = v; return this; }

        public Builder agqPoints(Integer v) { agqPoints = v; return this; }

        public Builder weights(String v) { weights = v; return this; }

        public Builder factors(Set<String> v) { factors.addAll(v); return this; }

        public Builder factor(String v) { factors.add(v); return this; }

        public FitOptions build() {
            return new FitOptions(family, link, method, agqPoints, weights, factors);
        }
    }
}
