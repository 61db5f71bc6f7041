package io.glimmer.correlation;

import io.glimmer.fit.MixedModelFit;

/**
 * The model left after whitening at one φ: independent errors, so an ordinary linear mixed model,
 * or least squares when the formula has no random effects (nlme's gls).
 */
interface WhitenedModel {
    /** −2 (REML) log-likelihood of the whitened data at θ, profiled over β and σ. */
    double objective(double[] theta);

    /** β, σ, variance components and modes at θ; fitted values still on the whitened scale. */
    MixedModelFit estimatesAt(double[] theta);
}
