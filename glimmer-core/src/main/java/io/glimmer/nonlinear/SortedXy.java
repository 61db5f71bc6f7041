package io.glimmer.nonlinear;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * R's sortedXyData: the mean response at each distinct value of the input, in increasing order of
 * the input. The self-starting models' initial values are computed on it.
 */
record SortedXy(double[] x, double[] y) {
    static SortedXy of(double[] input, double[] response) {
        TreeMap<Double, double[]> sums = new TreeMap<>();
        for (int r = 0; r < input.length; r++) {
            double[] s = sums.computeIfAbsent(input[r], k -> new double[2]);
            s[0] += response[r];
            s[1]++;
        }
        double[] x = new double[sums.size()];
        double[] y = new double[sums.size()];
        int i = 0;
        for (var e : sums.entrySet()) {
            x[i] = e.getKey();
            y[i++] = e.getValue()[0] / e.getValue()[1];
        }
        return new SortedXy(x, y);
    }

    int size() {
        return x.length;
    }

    /** R's check before each algorithm: at least n distinct input values. */
    SortedXy atLeast(int n, String model) {
        if (size() < n) {
            throw new io.glimmer.error.InputException("too few distinct input values to fit " + model + " (" + size() + "; it needs " + n + ")");
        }
        return this;
    }

    /** A {@link Plinear} fit of a model in {@code x} to these means. */
    Plinear plinear(String model) {
        return new Plinear(model, java.util.Map.of("x", x), y);
    }

    /** R's NLSstRtAsymptote: beyond the end of y's range nearer the last mean, by an eighth of the range. */
    double rightAsymptote() {
        return beyond(y[y.length - 1]);
    }

    /** R's NLSstLfAsymptote: beyond the end of y's range nearer the first mean, by an eighth of the range. */
    double leftAsymptote() {
        return beyond(y[0]);
    }

    private double beyond(double end) {
        double lo = Arrays.stream(y).min().orElseThrow();
        double hi = Arrays.stream(y).max().orElseThrow();
        // R's match(min(d), d) takes the lower end on a tie
        return Math.abs(hi - end) < Math.abs(lo - end) ? hi + (hi - lo) / 8 : lo - (hi - lo) / 8;
    }

    /** Coefficients (intercept, slope) of the least-squares line of v on u. */
    static double[] line(double[] u, double[] v) {
        double mu = Arrays.stream(u).average().orElse(0);
        double mv = Arrays.stream(v).average().orElse(0);
        double suv = 0;
        double suu = 0;
        for (int i = 0; i < u.length; i++) {
            suv += (u[i] - mu) * (v[i] - mv);
            suu += (u[i] - mu) * (u[i] - mu);
        }
        double slope = suv / suu;
        return new double[]{mv - slope * mu, slope};
    }
}
