package io.glimmer.inference;

import java.util.Arrays;

/** Sample quantiles by R's default definition, {@code quantile(x, type = 7)}: linear interpolation of order statistics. */
final class Percentiles {
    private Percentiles() {
    }

    /** The quantile at probability {@code prob} of the values that are not NaN; NaN when there are none. */
    static double type7(double[] x, double prob) {
        double[] s = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        double h = (s.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        double frac = h - lo;
        return frac == 0 ? s[lo] : s[lo] + frac * (s[hi] - s[lo]);
    }
}
