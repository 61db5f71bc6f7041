package io.glimmer.report.plot;

import io.glimmer.summary.Quantiles;

import java.util.Arrays;

/**
 * A kernel density estimate on an even grid: Gaussian kernel, bandwidth R's {@code bw.nrd0}
 * (0.9 min(sd, IQR / 1.34) n^(-1/5)), grid from min − 3h to max + 3h as R's {@code density} cuts.
 */
public record Density(double[] x, double[] y, double bandwidth) {
    public Density {
        x = x.clone();
        y = y.clone();
    }

    public static Density gaussianKernel(double[] values, int points) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n < 2) {
            throw new IllegalArgumentException("a density needs two finite values, got " + n);
        }
        double mean = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= n;
        double ss = 0;
        for (double a : v) {
            ss += (a - mean) * (a - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double[] q = Quantiles.type7(v, 0.25, 0.75);
        double iqr = q[1] - q[0];
        double lo = Math.min(sd, iqr / 1.34);
        if (!(lo > 0)) {
            lo = sd > 0 ? sd : Math.abs(v[0]) > 0 ? Math.abs(v[0]) : 1; // R's fallbacks
        }
        double h = 0.9 * lo * Math.pow(n, -0.2);
        double from = v[0] - 3 * h;
        double to = v[n - 1] + 3 * h;
        double[] x = new double[points];
        double[] y = new double[points];
        double c = 1 / (n * h * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < points; i++) {
            x[i] = from + (to - from) * i / (points - 1);
            double s = 0;
            for (double a : v) {
                double u = (x[i] - a) / h;
                s += Math.exp(-0.5 * u * u);
            }
            y[i] = c * s;
        }
        return new Density(x, y, h);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
