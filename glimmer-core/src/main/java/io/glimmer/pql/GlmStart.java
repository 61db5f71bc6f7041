package io.glimmer.pql;

import io.glimmer.GlimmerException;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The fixed-effects-only GLM that glmmPQL starts from (its {@code fit0}), by R's glm.fit: IRLS
 * from the family's mustart, step halving when the deviance is not finite or η, μ leave their
 * domain, converged when |dev − dev_old|/(|dev| + 0.1) &lt; 1e-8, at most 25 iterations.
 */
final class GlmStart {
    private static final double EPSILON = 1e-8;
    private static final int MAX_ITERATIONS = 25;
    private static final int MAX_HALVINGS = 30;

    private GlmStart() {
    }

    /** The GLM's linear predictor (offset included) at convergence. */
    static double[] eta(Design design, double[] y, double[] prior, Family family) {
        int n = design.rows();
        int p = design.p();
        double[] offset = design.offset();
        if (p == 0) {
            return predictor(design, new double[0]); // nothing to fit: η is the offset
        }
        double[] eta = new double[n];
        for (int r = 0; r < n; r++) {
            eta[r] = family.eta(family.distribution().initialMu(y[r], prior[r]));
        }
        double devOld = deviance(eta, y, prior, family);
        double[] beta = null;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            WorkingResponse wr = WorkingResponse.at(eta, y, prior, family);
            double[] z = wr.z().clone();
            for (int r = 0; r < n && offset != null; r++) {
                z[r] -= offset[r];
            }
            double[] next = weightedLeastSquares(design, z, wr.w());
            double[] trial = predictor(design, next);
            double dev = deviance(trial, y, prior, family);
            for (int h = 0; h < MAX_HALVINGS && beta != null && !(Double.isFinite(dev) && valid(trial, family)); h++) {
                for (int j = 0; j < p; j++) {
                    next[j] = (next[j] + beta[j]) / 2;
                }
                trial = predictor(design, next);
                dev = deviance(trial, y, prior, family);
            }
            if (!Double.isFinite(dev)) {
                throw new GlimmerException("the starting GLM of PQL failed: its deviance is not finite");
            }
            beta = next;
            eta = trial;
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
                break;
            }
            devOld = dev;
        }
        return eta;
    }

    private static boolean valid(double[] eta, Family family) {
        for (double e : eta) {
            if (!family.link().validEta(e) || !family.distribution().validMu(family.mu(e))) {
                return false;
            }
        }
        return true;
    }

    private static double deviance(double[] eta, double[] y, double[] prior, Family family) {
        double dev = 0;
        for (int r = 0; r < eta.length; r++) {
            dev += family.distribution().devianceResidual(y[r], family.mu(eta[r]), prior[r]);
        }
        return dev;
    }

    private static double[] predictor(Design design, double[] beta) {
        int n = design.rows();
        int p = design.p();
        double[] x = design.x().values();
        double[] offset = design.offset();
        double[] eta = new double[n];
        for (int r = 0; r < n; r++) {
            double s = offset == null ? 0 : offset[r];
            for (int j = 0; j < p; j++) {
                s += x[r * p + j] * beta[j];
            }
            eta[r] = s;
        }
        return eta;
    }

    /** β solving X'WX β = X'Wz (X has full rank after the design's rank check). */
    private static double[] weightedLeastSquares(Design design, double[] z, double[] w) {
        int n = design.rows();
        int p = design.p();
        double[] x = design.x().values();
        DMatrixRMaj xtwx = new DMatrixRMaj(p, p);
        DMatrixRMaj xtwz = new DMatrixRMaj(p, 1);
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < p; a++) {
                double wa = w[r] * x[r * p + a];
                xtwz.data[a] += wa * z[r];
                for (int b = 0; b <= a; b++) {
                    xtwx.data[a * p + b] += wa * x[r * p + b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                xtwx.data[b * p + a] = xtwx.data[a * p + b];
            }
        }
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solveSPD(xtwx, xtwz, beta)) {
            throw new GlimmerException("the starting GLM of PQL failed: the weighted cross-product matrix is singular");
        }
        return beta.getData().clone();
    }
}
