package io.glimmer.gee;

/** One common correlation α between any two rows of a cluster (compound symmetry). */
final class ExchangeableCorrelation implements WorkingCorrelation {
    @Override
    public int parameters() {
        return 1;
    }

    @Override
    public double correlation(double[] alpha, int pairClass) {
        return alpha[0];
    }

    @Override
    public void gradient(double[] alpha, int pairClass, double[] out) {
        out[0] = 1;
    }

    /**
     * R = (1 − α)I + α11', so R⁻¹ = (I − c11')/(1 − α) with c = α/(1 + (n − 1)α): linear in the
     * cluster size rather than an LU of the n × n matrix, which matters for large clusters.
     */
    @Override
    public double[][] solve(double[] alpha, double[][] b) {
        int n = b.length;
        double a = alpha[0];
        double diagonal = 1 - a;
        double total = 1 + (n - 1) * a;
        if (Math.abs(diagonal) < 1e-12 || Math.abs(total) < 1e-12) {
            return null;
        }
        double c = a / total;
        int m = b[0].length;
        double[][] x = new double[n][m];
        for (int col = 0; col < m; col++) {
            double sum = 0;
            for (double[] row : b) {
                sum += row[col];
            }
            for (int i = 0; i < n; i++) {
                x[i][col] = (b[i][col] - c * sum) / diagonal;
            }
        }
        return x;
    }
}
