package io.glimmer.cli.text;

import io.glimmer.fit.Predictions;

/** The CSV of {@code glimmer predict}: row (1-based, as in the data file), prediction, then std_error and approximation where they apply. */
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
        s.append('\n');
        for (int r = 0; r < values.length; r++) {
            s.append(r + 1).append(',').append(number(values[r]));
            if (se != null) {
                s.append(',').append(number(se[r]));
            }
            if (approx != null) {
                s.append(',').append(number(approx[r]));
            }
            s.append('\n');
        }
        return s.toString();
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
