package io.glimmer.conditional;

import org.hipparchus.special.Gamma;

/**
 * The global likelihood-ratio test of the fitted model against β = 0 (survival's "Likelihood ratio test").
 *
 * @param chisq  2 × (log-likelihood at β̂ − log-likelihood at 0)
 * @param df     number of coefficients
 * @param pValue upper tail of χ²(df) at chisq
 */
public record GlobalLikelihoodRatioTest(double chisq, int df, double pValue) {

    static GlobalLikelihoodRatioTest of(double nullLogLikelihood, double logLikelihood, int df) {
        double chisq = Math.max(0, 2 * (logLikelihood - nullLogLikelihood));
        return new GlobalLikelihoodRatioTest(chisq, df, Gamma.regularizedGammaQ(df / 2.0, chisq / 2));
    }
}
