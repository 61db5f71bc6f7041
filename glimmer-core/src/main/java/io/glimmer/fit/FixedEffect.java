package io.glimmer.fit;

/**
 * One fixed-effect coefficient.
 *
 * @param statistic t (linear mixed models) or z (GLMMs)
 * @param pValue    null where lme4 gives none (linear mixed models)
 */
public record FixedEffect(String term, double estimate, double stdError, double statistic, Double pValue) {
}
