package io.glimmer.glmm;

import java.util.Arrays;

/**
 * The coordinates stage two optimises in, centred on stage one's optimum (θ₁, β₁): θ = θ₁ + s ∘ τ
 * with s_i about the standard error of θ_i, and β = β₁ + L δ with L L' PIRLS's covariance of β
 * there. The deviance's curvature is then about 2 in every direction whatever the units of the
 * predictors and the number of levels, so BOBYQA's spherical trust region and its stopping radius
 * mean a fraction of a standard error in every parameter. No scale exceeds 1: a flat direction is
 * searched no more widely than in the model's own units.
 */
final class ScaledCoordinates {
    private final double[] thetaCenter;
    private final double[] thetaScale;
    private final double[] betaCenter;
    /** Lower-triangular L, row-major p × p. */
    private final double[] l;
    private final int nt;
    private final int p;

    private ScaledCoordinates(double[] thetaCenter, double[] thetaScale, double[] betaCenter, double[] l) {
        this.thetaCenter = thetaCenter.clone();
        this.thetaScale = thetaScale.clone();
        this.betaCenter = betaCenter.clone();
        this.l = l;
        this.nt = thetaCenter.length;
        this.p = betaCenter.length;
    }

    /**
     * @param thetaScale per θ_i a positive scale, or anything else (NaN, ≤ 0) for 1
     * @param covariance of β, symmetric positive definite; when it is not (or null) β is only shifted
     */
    static ScaledCoordinates of(double[] theta, double[] thetaScale, double[] beta, double[][] covariance) {
        int p = beta.length;
        double[] s = new double[theta.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = thetaScale[i] > 0 ? Math.min(thetaScale[i], 1) : 1;
        }
        double[] l = cholesky(covariance, p);
        if (l == null) {
            l = new double[p * p];
            for (int j = 0; j < p; j++) {
                l[j * p + j] = 1;
            }
        }
        for (int i = 0; i < p; i++) { // row i's norm is the standard error of β_i
            double norm = 0;
            for (int t = 0; t <= i; t++) {
                norm += l[i * p + t] * l[i * p + t];
            }
            norm = Math.sqrt(norm);
            if (norm > 1) {
                for (int t = 0; t <= i; t++) {
                    l[i * p + t] /= norm;
                }
            }
        }
        return new ScaledCoordinates(theta, s, beta, l);
    }

    /** Lower L with L L' = a, or null if a is missing, not finite or not positive definite. */
    private static double[] cholesky(double[][] a, int p) {
        if (a == null) {
            return null;
        }
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int i = j; i < p; i++) {
                double s = a[i][j];
                for (int t = 0; t < j; t++) {
                    s -= l[i * p + t] * l[j * p + t];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[j * p + j] = Math.sqrt(s);
                } else {
                    l[i * p + j] = s / l[j * p + j];
                }
            }
        }
        return l;
    }

    /** (τ, δ) → (θ, β). */
    double[] toModel(double[] z) {
        double[] x = new double[nt + p];
        for (int i = 0; i < nt; i++) {
            x[i] = thetaCenter[i] + thetaScale[i] * z[i];
        }
        for (int i = 0; i < p; i++) {
            double s = betaCenter[i];
            for (int t = 0; t <= i; t++) {
                s += l[i * p + t] * z[nt + t];
            }
            x[nt + i] = s;
        }
        return x;
    }

    /** (θ, β) → (τ, δ), β by forward substitution. */
    double[] toScaled(double[] x) {
        double[] z = new double[nt + p];
        for (int i = 0; i < nt; i++) {
            z[i] = (x[i] - thetaCenter[i]) / thetaScale[i];
        }
        for (int i = 0; i < p; i++) {
            double s = x[nt + i] - betaCenter[i];
            for (int t = 0; t < i; t++) {
                s -= l[i * p + t] * z[nt + t];
            }
            z[nt + i] = s / l[i * p + i];
        }
        return z;
    }

    /**
     * The largest distance in any of θ's or β's own coordinates that a unit step in (τ, δ) can
     * make (at most 1): a radius r here moves no model coordinate by more than r times this.
     */
    double largestScale() {
        double largest = 0;
        for (double v : thetaScale) {
            largest = Math.max(largest, v);
        }
        for (int i = 0; i < p; i++) {
            double norm = 0;
            for (int t = 0; t <= i; t++) {
                norm += l[i * p + t] * l[i * p + t];
            }
            largest = Math.max(largest, Math.sqrt(norm));
        }
        return largest;
    }

    /** Lower bounds on θ as lower bounds on (τ, δ); δ is free. */
    double[] lower(double[] thetaLower) {
        return bounds(thetaLower, Double.NEGATIVE_INFINITY);
    }

    /** Upper bounds on θ as upper bounds on (τ, δ); δ is free. */
    double[] upper(double[] thetaUpper) {
        return bounds(thetaUpper, Double.POSITIVE_INFINITY);
    }

    private double[] bounds(double[] theta, double free) {
        double[] z = new double[nt + p];
        Arrays.fill(z, nt, nt + p, free);
        for (int i = 0; i < nt; i++) {
            z[i] = Double.isInfinite(theta[i]) ? theta[i] : (theta[i] - thetaCenter[i]) / thetaScale[i];
        }
        return z;
    }
}
