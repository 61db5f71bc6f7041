package io.glimmer.summary;

import java.util.Arrays;

/** Sample quantiles by R's default definition (type 7: linear interpolation of order statistics); public for the report's plots. */
public final class Quantiles {
    private Quantiles() {
    }

    /** The quantiles at probabilities {@code probs} of the finite values of {@code x}; NaN when there are none. */
    public static double[] type7(double[] x, double... probs) {
        double[] s = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] q = new double[probs.length];
        for (int k = 0; k < probs.length; k++) {
            if (s.length == 0) {
                q[k] = Double.NaN;
                continue;
            }
            double h = (s.length - 1) * probs[k];
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, s.length - 1);
            double frac = h - lo;
            q[k] = frac == 0 ? s[lo] : s[lo] + frac * (s[hi] - s[lo]);
        }
        return q;
    }
}
