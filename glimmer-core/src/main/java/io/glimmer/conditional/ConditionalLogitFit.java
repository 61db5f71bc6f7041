package io.glimmer.conditional;

import io.glimmer.fit.MixedModelFit;

/**
 * A conditional logistic regression: the common fit result plus what only this estimator has.
 *
 * @param fit                the fit (method "conditional"; no random effects)
 * @param nullLogLikelihood  the conditional log-likelihood at β = 0
 * @param likelihoodRatio    the test of the model against β = 0
 * @param informativeStrata  strata with both outcomes, the ones used
 * @param droppedStrata      strata without both outcomes, left out
 * @param iterations         Newton–Raphson iterations
 */
public record ConditionalLogitFit(MixedModelFit fit, double nullLogLikelihood, GlobalLikelihoodRatioTest likelihoodRatio,
                                  int informativeStrata, int droppedStrata, int iterations) {
}
