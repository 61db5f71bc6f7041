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
 * @param categories    an ordinal model's categories, the columns of {@code probabilities}; empty otherwise
 * @param probabilities an ordinal model's probability of each category, a row per prediction (response scale), or null
 */
public record Predictions(PredictionScale scale, RandomEffectsMode random, double[] values, double[] stdErrors,
                          double[] approximation, int missingRows, List<String> notes, List<String> categories, double[][] probabilities) {
    public Predictions {
        categories = categories == null ? List.of() : List.copyOf(categories);
        probabilities = probabilities == null ? null : copy(probabilities);
        values = values.clone();
        stdErrors = stdErrors == null ? null : stdErrors.clone();
        approximation = approximation == null ? null : approximation.clone();
        notes = List.copyOf(notes);
    }

    /** Predictions of a model that is not ordinal. */
    public Predictions(PredictionScale scale, RandomEffectsMode random, double[] values, double[] stdErrors,
                       double[] approximation, int missingRows, List<String> notes) {
        this(scale, random, values, stdErrors, approximation, missingRows, notes, null, null);
    }

    @Override
    public double[][] probabilities() {
        return probabilities == null ? null : copy(probabilities);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
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
