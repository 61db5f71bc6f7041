package io.glimmer.fit;

/**
 * The log-likelihood at a fit's estimates estimated by importance sampling: the integral over the
 * random effects that the Laplace approximation (or quadrature) approximates, with its Monte Carlo
 * standard error (delta method on the mean weight) and Kish's effective sample size of the weights.
 *
 * @param logLikelihood       log of the mean importance weight, with every normalising constant
 * @param standardError       its Monte Carlo standard error
 * @param effectiveSampleSize (Σw)²/Σw²: near {@code samples} when the proposal is close to p(b | y)
 * @param samples             draws used
 * @param seed                seed of the draws: the same seed gives the same bits
 * @param proposalDf          degrees of freedom of the multivariate t proposal, 0 for the Gaussian
 */
public record ImportanceSampledLikelihood(double logLikelihood, double standardError, double effectiveSampleSize, int samples,
                                          long seed, int proposalDf) {
    /** How many standard errors the given value (the fit's Laplace log-likelihood) lies from this estimate. */
    public double standardErrorsFrom(double value) {
        return (value - logLikelihood) / standardError;
    }
}
