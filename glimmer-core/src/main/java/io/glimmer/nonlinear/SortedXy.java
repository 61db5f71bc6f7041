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
