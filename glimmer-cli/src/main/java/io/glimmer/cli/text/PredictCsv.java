package io.glimmer.cli.text;

import io.glimmer.fit.Predictions;

/**
 * The CSV of {@code glimmer predict}: row (1-based, as in the data file), prediction, then std_error and
 * approximation where they apply, then an ordinal model's probability of each category, {@code p_CATEGORY}.
 */
public final class PredictCsv {
    private PredictCsv() {
    }

    public static String write(Predictions p) {
        StringBuilder s = new StringBuilder("row,prediction");
        double[] values = p.values();
        double[] se = p.stdErrors();
        double[] approx = p.approximation();
        if (se != null) {
            s.append(",std_error");
        }
        if (approx != null) {
            s.append(",approximation");
        }
        double[][] probabilities = p.probabilities();
        if (probabilities != null) {
            for (String c : p.categories()) {
                s.append(',').append(cell("p_" + c));
            }
        }
        s.append('\n');
        for (int r = 0; r < values.length; r++) {
            s.append(r + 1).append(',').append(number(values[r]));
            if (se != null) {
                s.append(',').append(number(se[r]));
            }
            if (approx != null) {
                s.append(',').append(number(approx[r]));
            }
            if (probabilities != null) {
                for (double v : probabilities[r]) {
                    s.append(',').append(number(v));
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** A header cell, quoted when a category's name needs it. */
    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** A number as a CSV cell: every digit Java has, NA for a missing value (R reads both). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return Double.toString(v);
    }
}
