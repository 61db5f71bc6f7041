package io.glimmer.glmm;

import io.glimmer.design.Design;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.linalg.GroupedColumns;

/**
 * The arrays a GLMM evaluates over: X, offset, response, prior weights and the random-effects
 * columns, with the linear predictor η = offset + Xβ + Σ_k Z_k λ_k b_k.
 */
final class GlmmData {
    private final double[] x;
    private final int n;
    private final int p;
    private final double[] offset;
    private final double[] y;
    private final double[] weights;
    private final GroupedColumns[] terms;

    GlmmData(Design design, GlmmResponse response) {
        this.x = design.x().values();
        this.n = design.rows();
        this.p = design.p();
        this.offset = design.offset();
        this.y = response.y();
        this.weights = response.weights();
        this.terms = design.randomTerms().stream().map(RandomEffectsTerm::columns).toArray(GroupedColumns[]::new);
    }

    int rows() {
        return n;
    }

    int p() {
        return p;
    }

    double[] x() {
        return x;
    }

    double[] offset() {
        return offset;
    }

    double[] y() {
        return y;
    }

    double[] weights() {
        return weights;
    }

    GroupedColumns[] terms() {
        return terms;
    }

    /** η = offset + Xβ + Σ_k Z_k λ_k b_k, written into {@code eta}. */
    void linearPredictor(double[][] lambda, double[] beta, double[][] b, double[] eta) {
        double[][] u = new double[terms.length][];
        for (int k = 0; k < terms.length; k++) {
            int q = terms[k].q();
            u[k] = new double[b[k].length];
            for (int level = 0; level < terms[k].levels(); level++) {
                for (int a = 0; a < q; a++) {
                    double s = 0;
                    for (int t = 0; t <= a; t++) {
                        s += lambda[k][a * q + t] * b[k][level * q + t];
                    }
                    u[k][level * q + a] = s;
                }
            }
        }
        for (int r = 0; r < n; r++) {
            double s = offset == null ? 0 : offset[r];
            for (int j = 0; j < p; j++) {
                s += x[r * p + j] * beta[j];
            }
            for (int k = 0; k < terms.length; k++) {
                GroupedColumns g = terms[k];
                int q = g.q();
                int base = g.codes()[r] * q;
                for (int a = 0; a < q; a++) {
                    s += g.z()[r * q + a] * u[k][base + a];
                }
            }
            eta[r] = s;
        }
    }
}
