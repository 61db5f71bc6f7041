package io.glimmer.fit;

/**
 * One fixed-effect coefficient.
 *
 * @param statistic t (linear mixed models) or z (GLMMs)
 * @param pValue    null where lme4 gives none (linear mixed models)
 * @param df        the t test's denominator degrees of freedom (Satterthwaite, Kenward–Roger), or null
 */
public record FixedEffect(String term, double estimate, double stdError, double statistic, Double pValue, Double df) {
    /** A coefficient without denominator degrees of freedom. */
    public FixedEffect(String term, double estimate, double stdError, double statistic, Double pValue) {
        this(term, estimate, stdError, statistic, pValue, null);
    }
}
