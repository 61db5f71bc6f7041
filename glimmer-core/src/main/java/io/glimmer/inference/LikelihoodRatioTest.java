package io.glimmer.inference;

import io.glimmer.fit.MixedModelFit;

/**
 * The likelihood-ratio test of a model against a larger one that contains it: 2(ℓ₁ − ℓ₀) referred
 * to χ² on the difference in numbers of parameters, as lme4's {@code anova}. Both fits must be
 * maximum-likelihood fits of the same rows (REML likelihoods of different fixed effects are not
 * comparable).
 *
 * @param chisq  the statistic, truncated at 0 as lme4 does (a larger model cannot fit worse; a
 *               negative difference is the optimiser's tolerance)
 * @param df     difference in the numbers of estimated parameters
 * @param pValue upper tail of χ²(df) at the statistic
 */
public record LikelihoodRatioTest(double chisq, int df, double pValue) {

    /** The test of {@code smaller} against {@code larger}. */
    public static LikelihoodRatioTest between(MixedModelFit smaller, MixedModelFit larger) {
        return of(smaller.logLikelihood(), smaller.df(), larger.logLikelihood(), larger.df());
    }

    /** The test from the two log-likelihoods and parameter counts. */
    public static LikelihoodRatioTest of(double logLikSmaller, int dfSmaller, double logLikLarger, int dfLarger) {
        int df = dfLarger - dfSmaller;
        if (df < 1) {
            throw new IllegalArgumentException("the larger model must have more parameters (" + dfSmaller + " vs " + dfLarger + ")");
        }
        double chisq = Math.max(0, 2 * (logLikLarger - logLikSmaller));
        return new LikelihoodRatioTest(chisq, df, ChiSquaredTail.upper(chisq, df));
    }
}
