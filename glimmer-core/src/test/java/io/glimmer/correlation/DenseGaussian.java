package io.glimmer.correlation;

import io.glimmer.linalg.SmallBlocks;
/**
 * The multivariate-normal (REML) log-likelihood computed the slow, obvious way on dense n × n
 * matrices, as the yardstick for the whitened computation: y ~ N(Xβ, σ²V), β at its GLS value.
 */
final class DenseGaussian {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** −2 log-likelihood (REML: of the error contrasts), the GLS β, σ̂² and V⁻¹(y − Xβ) (for BLUPs). */
    record Result(double minus2LogLik, double[] beta, double sigma2Hat, double[] vInvResidual) {
    }

    private DenseGaussian() {
    }

    /**
     * @param v      the covariance relative to σ² (n × n)
     * @param sigma2 σ², or NaN to profile it out at its (REML) estimate
     */
    static Result evaluate(double[][] v, double[][] x, double[] y, double sigma2, boolean reml) {
        int n = y.length;
        int p = x[0].length;
        double[][] l = cholesky(v);
        double logDetV = 0;
        for (int i = 0; i < n; i++) {
            logDetV += 2 * Math.log(l[i][i]);
        }
        double[][] vix = new double[n][p];
        for (int j = 0; j < p; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][j];
            }
            double[] s = solve(l, col);
            for (int i = 0; i < n; i++) {
                vix[i][j] = s[i];
            }
        }
        double[][] xtvx = new double[p][p];
        double[] xtvy = new double[p];
        for (int a = 0; a < p; a++) {
            for (int i = 0; i < n; i++) {
                xtvy[a] += vix[i][a] * y[i];
                for (int b = 0; b < p; b++) {
                    xtvx[a][b] += x[i][a] * vix[i][b];
                }
            }
        }
        double[][] lx = cholesky(xtvx);
        double[] beta = solve(lx, xtvy);
        double logDetXtVX = 0;
        for (int a = 0; a < p; a++) {
            logDetXtVX += 2 * Math.log(lx[a][a]);
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i];
            for (int a = 0; a < p; a++) {
                r[i] -= x[i][a] * beta[a];
            }
        }
        double[] vir = solve(l, r);
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += r[i] * vir[i];
        }
        int dof = reml ? n - p : n;
        double s2 = Double.isNaN(sigma2) ? q / dof : sigma2;
        double m2 = dof * (LOG_2PI + Math.log(s2)) + logDetV + q / s2 + (reml ? logDetXtVX : 0);
        return new Result(m2, beta, q / dof, vir);
    }

    private static double[][] cholesky(double[][] a) {
        double[][] l = SmallBlocks.cholesky(a);
        if (l == null) {
            throw new IllegalArgumentException("not positive definite");
        }
        return l;
    }

    /** (LL')⁻¹ b. */
    private static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * z[k];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }
}
