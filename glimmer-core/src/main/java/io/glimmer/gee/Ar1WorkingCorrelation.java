package io.glimmer.gee;

/**
 * First-order autoregressive correlation α^|k−j| by position within the cluster (geepack without
 * {@code waves}: rows are taken as equally spaced in their order in the data).
 */
final class Ar1WorkingCorrelation implements WorkingCorrelation {
    @Override
    public int parameters() {
        return 1;
    }

    /** One class per lag 1, …, maxSize − 1. */
    @Override
    public int pairClasses(int maxSize) {
        return Math.max(maxSize - 1, 0);
    }

    @Override
    public int pairClass(int j, int k) {
        return k - j - 1;
    }

    @Override
    public double correlation(double[] alpha, int pairClass) {
        return Math.pow(alpha[0], pairClass + 1);
    }

    @Override
    public void gradient(double[] alpha, int pairClass, double[] out) {
        int lag = pairClass + 1;
        out[0] = lag == 1 ? 1 : lag * Math.pow(alpha[0], lag - 1);
    }

    /**
     * R⁻¹ of AR(1) is tridiagonal: (1 − α²)⁻¹ times 1, 1 + α², …, 1 + α², 1 on the diagonal and
     * −α beside it, so the solve is linear in the cluster size.
     */
    @Override
    public double[][] solve(double[] alpha, double[][] b) {
        int n = b.length;
        if (n == 1) {
            return new double[][]{b[0].clone()};
        }
        double a = alpha[0];
        double scale = 1 - a * a;
        if (Math.abs(scale) < 1e-12) {
            return null;
        }
        int m = b[0].length;
        double[][] x = new double[n][m];
        for (int i = 0; i < n; i++) {
            double diagonal = i == 0 || i == n - 1 ? 1 : 1 + a * a;
            for (int col = 0; col < m; col++) {
                double v = diagonal * b[i][col];
                if (i > 0) {
                    v -= a * b[i - 1][col];
                }
                if (i < n - 1) {
                    v -= a * b[i + 1][col];
                }
                x[i][col] = v / scale;
            }
        }
        return x;
    }
}
