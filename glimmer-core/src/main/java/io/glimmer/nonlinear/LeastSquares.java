package io.glimmer.nonlinear;

import io.glimmer.linalg.SmallBlocks;

/**
 * Nonlinear least squares without random effects (R's nls, Gauss–Newton with step halving) for an
 * expression of one input column {@code x} (column 0) and scalar parameters. The self-starting
 * models refine their initial values with it, as R's do with nls.
 */
final class LeastSquares {
    private static final int MAX_ITERATIONS = 200;

    private LeastSquares() {
    }

    /** The least-squares parameters from {@code start}, or null when Gauss–Newton fails. */
    static double[] fit(ModelExpression mean, double[] x, double[] y, double[] start) {
        int p = start.length;
        ModelExpression[] gradient = new ModelExpression[p];
        for (int k = 0; k < p; k++) {
            gradient[k] = mean.derivative(k);
        }
        double[] theta = start.clone();
        double rss = rss(mean, x, y, theta);
        if (!Double.isFinite(rss)) {
            return null;
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            ModelExpression.Inputs in = inputs(x, theta);
            double[] f = mean.values(in);
            double[][] g = new double[p][];
            for (int k = 0; k < p; k++) {
                g[k] = gradient[k].values(in);
            }
            double[] a = new double[p * p];
            double[] rhs = new double[p];
            for (int r = 0; r < x.length; r++) {
                double e = y[r] - f[r];
                for (int j = 0; j < p; j++) {
                    rhs[j] += g[j][r] * e;
                    for (int k = 0; k < p; k++) {
                        a[j * p + k] += g[j][r] * g[k][r];
                    }
                }
            }
            if (!SmallBlocks.cholesky(a, 0, p, p, 1e-12)) {
                return null;
            }
            double[] delta = rhs.clone();
            SmallBlocks.solveLower(a, 0, p, delta, 0);
            SmallBlocks.solveLowerTranspose(a, 0, p, delta, 0);
            double t = 1;
            double next = Double.POSITIVE_INFINITY;
            double[] candidate = theta;
            for (int h = 0; h < 30 && !(next <= rss); h++, t /= 2) {
                candidate = theta.clone();
                for (int k = 0; k < p; k++) {
                    candidate[k] += t * delta[k];
                }
                next = rss(mean, x, y, candidate);
            }
            if (!(next <= rss)) {
                return theta;
            }
            boolean small = rss - next <= 1e-10 * rss;
            theta = candidate;
            rss = next;
            if (small) {
                return theta;
            }
        }
        return theta;
    }

    private static ModelExpression.Inputs inputs(double[] x, double[] theta) {
        double[][] phi = new double[theta.length][x.length];
        for (int k = 0; k < theta.length; k++) {
            java.util.Arrays.fill(phi[k], theta[k]);
        }
        return new ModelExpression.Inputs(x.length, new double[][]{x}, phi);
    }

    static double rss(ModelExpression mean, double[] x, double[] y, double[] theta) {
        double[] f = mean.values(inputs(x, theta));
        double s = 0;
        for (int r = 0; r < x.length; r++) {
            s += (y[r] - f[r]) * (y[r] - f[r]);
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }
}
