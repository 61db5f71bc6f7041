package io.glimmer.report.plot;

import org.hipparchus.distribution.continuous.NormalDistribution;

import java.util.Arrays;

/**
 * A QQ plot: the sorted sample against the reference distribution's quantiles at R's
 * {@code ppoints(n)}. Above {@link #MAX_POINTS} values, evenly spaced order statistics (the first
 * and last included) stand for the rest, so the picture is the same and the file stays small.
 *
 * @param reference   "normal" (standard normal) or "uniform" (on 0..1)
 * @param theoretical the reference quantiles drawn
 * @param sample      the order statistics drawn
 * @param n           finite values in the sample
 */
public record QuantilePlot(String title, String reference, double[] theoretical, double[] sample, int n) {
    public static final int MAX_POINTS = 2000;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    public QuantilePlot {
        theoretical = theoretical.clone();
        sample = sample.clone();
    }

    public static QuantilePlot normal(String title, double[] values) {
        return of(title, "normal", values);
    }

    public static QuantilePlot uniform(String title, double[] values) {
        return of(title, "uniform", values);
    }

    private static QuantilePlot of(String title, String reference, double[] values) {
        double[] s = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = s.length;
        int m = Math.min(n, MAX_POINTS);
        double[] t = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            int rank = m == n ? i : (int) Math.round((double) i * (n - 1) / (m - 1));
            double p = probabilityPoint(rank + 1, n);
            t[i] = reference.equals("normal") ? STANDARD_NORMAL.inverseCumulativeProbability(p) : p;
            y[i] = s[rank];
        }
        return new QuantilePlot(title, reference, t, y, n);
    }

    /** R's ppoints: (i − a) / (n + 1 − 2a), a = 3/8 for n ≤ 10, else 1/2. */
    static double probabilityPoint(int i, int n) {
        double a = n <= 10 ? 0.375 : 0.5;
        return (i - a) / (n + 1 - 2 * a);
    }

    @Override
    public double[] theoretical() {
        return theoretical.clone();
    }

    @Override
    public double[] sample() {
        return sample.clone();
    }
}
