package io.glimmer.options;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to fit: family, link, method and the columns with special roles. Immutable; build with
 * {@link #builder()}. Null family means gaussian; null link means the family's canonical link;
 * null method means ML for a nonlinear model (as nlme), REML for a gaussian identity model and Laplace otherwise.
 *
 * @param cluster     GEE cluster column
 * @param corstr      GEE working correlation: independence, exchangeable, ar1, unstructured
 * @param strata      strata column of conditional logistic regression
 * @param correlation residual correlation of a linear mixed model: "ar1(TIME | GROUP)", "exp(TIME | GROUP)", "cs(1 | GROUP)"
 * @param ddf         denominator degrees of freedom for a linear mixed model's t tests, or null for none (lme4's t without df)
 * @param nonlinear   the parts of a nonlinear mixed model (nlme's start, random, ...); null for a linear predictor
 * @param seed        seed of a Monte Carlo method's draws (MCEM, MCNR); null: one is drawn and reported in the fit
 * @param levels      an ordinal response's categories in their order (family ordinal); empty: the column's own order
 *                    (numbers by value, text as the data's levels are sorted)
 * @param sampler     the E-step of MCEM and MCNR; null: importance sampling
 * @param zeroInflation the zero-inflation model's one-sided formula of fixed effects, "~ x1 + x2" (glmmTMB's ziformula:
 *                    a logit model for structural zeros of a poisson, nbinom2 or nbinom1 model); null for none
 */
public record FitOptions(String family, String link, Method method, Integer agqPoints, String weights,
                         Set<String> factors, String cluster, String corstr, String strata, String correlation,
                         DenominatorDf ddf, Nonlinear nonlinear, Long seed, List<String> levels, MonteCarloSampler sampler,
                         String zeroInflation) {
    public FitOptions {
        factors = factors == null ? Set.of() : Set.copyOf(factors);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** Options with a seed but none of the later parts (levels, sampler, zero inflation): the record's second form. */
    public FitOptions(String family, String link, Method method, Integer agqPoints, String weights, Set<String> factors,
                      String cluster, String corstr, String strata, String correlation, DenominatorDf ddf, Nonlinear nonlinear, Long seed) {
        this(family, link, method, agqPoints, weights, factors, cluster, corstr, strata, correlation, ddf, nonlinear, seed, List.of(), null, null);
    }

    /** Options of a linear predictor without denominator degrees of freedom or seed (the record's first form). */
    public FitOptions(String family, String link, Method method, Integer agqPoints, String weights, Set<String> factors,
                      String cluster, String corstr, String strata, String correlation) {
        this(family, link, method, agqPoints, weights, factors, cluster, corstr, strata, correlation, null, null, null, List.of(), null, null);
    }

    /** A builder holding these options, to derive others (e.g. the same model by another method). */
    public Builder toBuilder() {
        Builder b = new Builder().family(family).link(link).method(method).agqPoints(agqPoints).weights(weights)
                .factors(factors).cluster(cluster).corstr(corstr).strata(strata).correlation(correlation);
        return b.ddf(ddf).nonlinear(nonlinear).seed(seed).levels(levels).sampler(sampler).zeroInflation(zeroInflation);
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
        if (nonlinear != null) {
            return Method.ML; // nlme's default
        }
        boolean gaussianIdentity = (family == null || family.equals("gaussian")) && (link == null || link.equals("identity"));
        return gaussianIdentity ? Method.REML : Method.LAPLACE;
    }

    /**
     * A nonlinear mixed model's parts, as nlme names them.
     *
     * @param start           start values of the parameters by name (insertion order kept); empty for a self-starting model
     * @param random          the parameters with random effects and their group, "Asym + xmid ~ 1 | Tree"
     * @param randomStructure "general" (nlme's pdSymm, the default when null) or "diagonal" (pdDiag)
     * @param fixed           covariates of parameters, "Asym ~ Treatment; xmid + scal ~ 1" (nlme's fixed); null: every parameter ~ 1
     */
    public record Nonlinear(Map<String, Double> start, String random, String randomStructure, String fixed) {
        public Nonlinear {
            start = start == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(start));
        }

        /** Every parameter a constant (no {@code fixed}). */
        public Nonlinear(Map<String, Double> start, String random, String randomStructure) {
            this(start, random, randomStructure, null);
        }
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
        private DenominatorDf ddf;
        private Nonlinear nonlinear;
        private Long seed;
        private List<String> levels;
        private MonteCarloSampler sampler;
        private String zeroInflation;

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

        public Builder ddf(DenominatorDf v) { ddf = v; return this; }

        /** Makes the model nonlinear (null: a linear predictor). */
        public Builder nonlinear(Nonlinear v) { nonlinear = v; return this; }

        public Builder seed(Long v) { seed = v; return this; }

        /** An ordinal response's categories in order, e.g. List.of("low", "mid", "high"). */
        public Builder levels(List<String> v) { levels = v; return this; }

        /** The E-step of MCEM and MCNR (null: importance sampling). */
        public Builder sampler(MonteCarloSampler v) { sampler = v; return this; }

        /** A zero-inflation model, "~ x1 + x2" (glmmTMB's ziformula; null: none). */
        public Builder zeroInflation(String formula) { zeroInflation = formula; return this; }

        public FitOptions build() {
            return new FitOptions(family, link, method, agqPoints, weights, factors, cluster, corstr, strata, correlation, ddf, nonlinear, seed, levels,
                    sampler, zeroInflation);
        }
    }
}
