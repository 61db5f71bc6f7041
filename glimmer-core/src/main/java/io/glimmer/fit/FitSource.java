package io.glimmer.fit;

import io.glimmer.data.DataFrame;

/**
 * What a fit was made from, seen from the fit: the prepared model (data, formula, family, method,
 * design, response) answers for the fit's predictions, residuals, simulations and summary. Declared
 * here and implemented by {@code io.glimmer.model.PreparedModel}, so results do not depend on the
 * estimators.
 */
public interface FitSource {
    Predictions predict(MixedModelFit fit, DataFrame data, PredictionScale scale, RandomEffectsMode mode);

    Residuals residuals(MixedModelFit fit);

    /** nsim responses simulated from the fit, each one value per row used. */
    double[][] simulate(MixedModelFit fit, int nsim, long seed);

    /** The summary the command line prints. */
    String summary(MixedModelFit fit);
}
