package io.glimmer.spark;

import io.glimmer.error.GlimmerException;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.FitSource;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.Residuals;
import io.glimmer.summary.Summary;

/**
 * What a Spark fit answers from: its summary is the core's; anything per row (predictions,
 * residuals, simulations) would need the rows, which stay on the executors, and is refused in one line.
 */
record SparkFitSource(String source) implements FitSource {
    @Override
    public Predictions predict(MixedModelFit fit, DataFrame data, PredictionScale scale, RandomEffectsMode mode) {
        throw perRow("predictions");
    }

    @Override
    public Residuals residuals(MixedModelFit fit) {
        throw perRow("residuals");
    }

    @Override
    public double[][] simulate(MixedModelFit fit, int nsim, long seed) {
        throw perRow("simulations");
    }

    @Override
    public String summary(MixedModelFit fit) {
        return Summary.render(fit, source);
    }

    private static GlimmerException perRow(String what) {
        return new GlimmerException(what + " of a fit made by the Spark engine are not available yet: the rows stay on the executors");
    }
}
