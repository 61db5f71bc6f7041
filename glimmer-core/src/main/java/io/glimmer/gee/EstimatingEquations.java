package io.glimmer.gee;

import io.glimmer.error.GlimmerException;

import java.util.Arrays;

/**
 * Liang and Zeger's estimating equations for β at given β and α, summed over clusters i:
 * U = Σ Dᵢ'Vᵢ⁻¹(yᵢ − μᵢ) with Dᵢ = ∂μᵢ/∂β and Vᵢ = Aᵢ^½ Wᵢ^-½ R(α) Wᵢ^-½ Aᵢ^½ (A = diag V(μ),
 * W = prior weights), the expected information I = Σ Dᵢ'Vᵢ⁻¹Dᵢ, and the "meat" Σ UᵢUᵢ' of the
 * sandwich. The scale φ is left out: it cancels from the Fisher step and from the sandwich, and
 * multiplies the model-based covariance I⁻¹ (geepack computes them the same way).
 */
final class EstimatingEquations {
    private EstimatingEquations() {
    }

    /** The equations' parts at one point; {@code meat} is Σ UᵢUᵢ'. */
    record Evaluation(double[][] information, double[] score, double[][] meat) {
    }

    static Evaluation at(MarginalModel m, WorkingCorrelation corr, double[] alpha, double[] beta) {
        int p = m.p();
        double[] x = m.x().values();
        double[][] info = new double[p][p];
        double[] score = new double[p];
        double[][] meat = new double[p][p];
        Clusters clusters = m.clusters();
        for (int c = 0; c < clusters.count(); c++) {
            int[] rows = clusters.rows(c);
            int s = rows.length;
            // Columns 0..p-1: W^½ A^-½ D; column p: W^½ A^-½ (y − μ). R⁻¹ is then applied to all at once.
            double[][] d = new double[s][p + 1];
            for (int t = 0; t < s; t++) {
                int row = rows[t];
                double eta = m.eta(row, beta);
                double mu = m.mean(eta);
                double sw = Math.sqrt(m.weights()[row] / m.family().variance(mu));
                double dmu = sw * m.family().muEta(eta);
                for (int j = 0; j < p; j++) {
                    d[t][j] = dmu * x[row * p + j];
                }
                d[t][p] = sw * (m.y()[row] - mu);
            }
            double[][] rd = d;
            if (s > 1 && !corr.isIndependence()) {
                rd = corr.solve(alpha, d);
                if (rd == null) {
                    throw new GlimmerException("the working correlation matrix is singular (alpha = " + Arrays.toString(alpha)
                            + ") for cluster " + clusters.label(c) + " of '" + clusters.column() + "'; try another {--corstr}");
                }
            }
            double[] ui = new double[p];
            for (int t = 0; t < s; t++) {
                for (int j = 0; j < p; j++) {
                    double dj = d[t][j];
                    ui[j] += dj * rd[t][p];
                    for (int k = 0; k < p; k++) {
                        info[j][k] += dj * rd[t][k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                score[j] += ui[j];
                for (int k = 0; k < p; k++) {
                    meat[j][k] += ui[j] * ui[k];
                }
            }
        }
        symmetrise(info);
        return new Evaluation(info, score, meat);
    }

    /** D'R⁻¹D is symmetric in exact arithmetic; make it so in floating point too. */
    private static void symmetrise(double[][] a) {
        for (int j = 0; j < a.length; j++) {
            for (int k = j + 1; k < a.length; k++) {
                double v = 0.5 * (a[j][k] + a[k][j]);
                a[j][k] = a[k][j] = v;
            }
        }
    }
}
