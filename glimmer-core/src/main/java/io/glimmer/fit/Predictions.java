package io.glimmer.fit;

import java.util.List;

/**
 * Predictions for the rows of new data, in their order; NaN marks a row that could not be
 * predicted (a missing predictor) or a standard error that is not defined.
 *
 * @param values        the predictions
 * @param stdErrors     their standard errors (population and marginal predictions), or null
 * @param approximation the logistic–normal approximation beside a marginal logit prediction, or null
 * @param missingRows   rows with a missing value in a variable the prediction needs
 * @param notes         what a user should know: rows with missing values, groups not seen in training
 */
public record Predictions(PredictionScale scale, RandomEffectsMode random, double[] values, double[] stdErrors,
                          double[] approximation, int missingRows, List<String> notes) {
    public Predictions {
        values = values.clone();
        stdErrors = stdErrors == null ? null : stdErrors.clone();
        approximation = approximation == null ? null : approximation.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] stdErrors() {
        return stdErrors == null ? null : stdErrors.clone();
    }

    @Override
    public double[] approximation() {
        return approximation == null ? null : approximation.clone();
    }

    public int rows() {
        return values.length;
    }
}
