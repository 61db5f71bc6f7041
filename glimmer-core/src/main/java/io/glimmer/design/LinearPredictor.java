package io.glimmer.design;

/**
 * The fixed part of the linear predictor, η = offset + Xβ, for a row-major model matrix: the one
 * kernel every estimator's pass over the rows calls. Each row sums in column order starting from
 * its offset (or from {@code start}), so results do not depend on which caller computed them.
 */
public final class LinearPredictor {
    private LinearPredictor() {
    }

    /** start + Σ_j x[r, j] β_j for row r of an n × p row-major matrix. */
    public static double row(double[] x, int p, int r, double[] beta, double start) {
        double s = start;
        int base = r * p;
        for (int j = 0; j < p; j++) {
            s += x[base + j] * beta[j];
        }
        return s;
    }

    /** eta[r] = offset[r] + x_r'β for rows [r0, r1) (offset null: none). */
    public static void fill(double[] x, int p, double[] offset, double[] beta, double[] eta, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            eta[r] = row(x, p, r, beta, offset == null ? 0 : offset[r]);
        }
    }

    /** offset + Xβ for every row of X (offset null: none). */
    public static double[] of(ModelMatrix x, double[] offset, double[] beta) {
        double[] eta = new double[x.rows()];
        fill(x.values(), x.columns(), offset, beta, eta, 0, eta.length);
        return eta;
    }
}
