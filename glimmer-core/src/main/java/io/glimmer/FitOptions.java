package io.glimmer;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How to fit: family, link, method and the columns with special roles. Immutable; build with
 * {@link #builder()}. Null family means gaussian; null link means the family's canonical link;
 * null method means REML for a gaussian identity model and Laplace otherwise.
 *
 * @param cluster     GEE cluster column
 * @param corstr      GEE working correlation: independence, exchangeable, ar1, unstructured
 * @param strata      strata column of conditional logistic regression
 * @param correlation residual correlation of a linear mixed model: "ar1(TIME | GROUP)", "exp(TIME | GROUP)", "cs(1 | GROUP)"
 * @param seed        seed of a Monte Carlo method's draws (MCEM); null: one is drawn and reported in the fit
 */
public record FitOptions(String family, String link, Method method, Integer agqPoints, String weights,
                         Set<String> factors, String cluster, String corstr, String strata, String correlation, Long seed) {
    public FitOptions {
        factors = factors == null ? Set.of() : Set.copyOf(factors);
    }

    /** Options without a seed (every method but the Monte Carlo ones). */
    public FitOptions(String family, String link, Method method, Integer agqPoints, String weights, Set<String> factors, String cluster,
                      String corstr, String strata, String correlation) {
        this(family, link, method, agqPoints, weights, factors, cluster, corstr, strata, correlation, null);
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
        private String cluster;
        private String corstr;
        private String strata;
        private String correlation;
        private Long seed;

        public Builder family(String v) { family = v; return this; }

        public Builder link(String v) { link = v; return this; }

        public Builder method(Method v) { method = v; return this; }

        public Builder agqPoints(Integer v) { agqPoints = v; return this; }

        public Builder weights(String v) { weights = v; return this; }

        public Builder factors(Set<String> v) { factors.addAll(v); return this; }

        public Builder factor(String v) { factors.add(v); return this; }

        public Builder cluster(String v) { cluster = v; return this; }

        public Builder corstr(String v) { corstr = v; return this; }

        public Builder strata(String v) { strata = v; return this; }

        public Builder correlation(String v) { correlation = v; return this; }

        public Builder seed(Long v) { seed = v; return this; }

        public FitOptions build() {
            return new FitOptions(family, link, method, agqPoints, weights, factors, cluster, corstr, strata, correlation, seed);
        }
    }
}
