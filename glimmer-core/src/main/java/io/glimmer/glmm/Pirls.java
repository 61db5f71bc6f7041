package io.glimmer.glmm;

import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.family.Link;
import io.glimmer.linalg.BlockedCholesky;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.GroupedColumns;

/**
 * Penalised iteratively reweighted least squares: for given θ (and β, unless β is updated too) the
 * conditional modes of the spherical random effects b, minimising Σ deviance residuals + ‖b‖².
 * Each iteration is one pass over the rows (weights, working response, cross-products) and one
 * blocked factorisation; a step that does not lower the penalised deviance is halved.
 */
final class Pirls {
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_HALVINGS = 20;
    /**
     * Converged when a full step moves no mode by more than this (relative to 1 + |mode|). The
     * criterion is on the modes, not on the penalised deviance: the deviance is flat at its minimum,
     * but the log-determinant of the Laplace approximation moves to first order with the modes.
     */
    private static final double TOLERANCE = 1e-10;

    private final GlmmData data;
    private final Family family;
    private final int n;
    private final int p;
    private final double[] eta;
    private final double[] mu;
    private final double[] weights;
    private final double[] jointColumns;
    private final double[] conditionalColumns;
    private BlockedCholesky joint;
    private BlockedCholesky conditional;
    private BlockedCholesky lastFactor;

    Pirls(GlmmData data, Family family) {
        this.data = data;
        this.family = family;
        this.n = data.rows();
        this.p = data.p();
        this.eta = new double[n];
        this.mu = new double[n];
        this.weights = new double[n];
        this.jointColumns = new double[n * (p + 1)];
        this.conditionalColumns = new double[n];
    }

    /** The outcome of one PIRLS run; β and b are the converged values. */
    record Mode(double[] beta, double[][] b, double deviance, double penalty, double logDet, boolean converged, int iterations) {
        /** The penalised deviance Σ dev + ‖b‖². */
        double penalised() {
            return deviance + penalty;
        }
    }

    /**
     * Runs PIRLS from (β, b).
     *
     * @param initialEta linear predictor to take the first weights from (GLM start), or null to use (β, b)
     * @param updateBeta whether β moves too (lme4's nAGQ = 0 stage) or stays fixed
     * @return the mode, or null when the penalised system cannot be factored
     */
    Mode run(double[][] lambda, double[] betaStart, double[][] bStart, double[] initialEta, boolean updateBeta) {
        double[] beta = betaStart.clone();
        double[][] b = copy(bStart);
        double previous;
        if (initialEta != null) {
            System.arraycopy(initialEta, 0, eta, 0, n);
            updateMu();
            previous = Double.POSITIVE_INFINITY;
        } else {
            data.linearPredictor(lambda, beta, b, eta);
            updateMu();
            previous = deviance() + squaredNorm(b);
        }
        double[] betaNew = new double[p];
        double[][] bNew = copy(b);
        boolean converged = false;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            BlockedCholesky factor = factorAtCurrentWeights(lambda, updateBeta, beta);
            if (factor == null) {
                return null;
            }
            if (updateBeta) {
                factor.solve(betaNew, bNew);
            } else {
                factor.solve(new double[0], bNew);
                System.arraycopy(beta, 0, betaNew, 0, p);
            }
            double[] betaOld = beta.clone();
            double[][] bOld = copy(b);
            double current = Double.NaN;
            boolean accepted = false;
            double step = 1;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                interpolate(betaOld, betaNew, step, beta);
                for (int k = 0; k < b.length; k++) {
                    interpolate(bOld[k], bNew[k], step, b[k]);
                }
                data.linearPredictor(lambda, beta, b, eta);
                updateMu();
                current = deviance() + squaredNorm(b);
                if (current <= previous * (1 + 1e-14) + 1e-14 || Double.isInfinite(previous) && Double.isFinite(current)) {
                    accepted = true;
                    break;
                }
                step /= 2;
            }
            if (!accepted) { // no descent even for tiny steps: we are at the mode to working precision
                System.arraycopy(betaOld, 0, beta, 0, p);
                b = bOld;
                data.linearPredictor(lambda, beta, b, eta);
                updateMu();
                converged = true;
                break;
            }
            converged = step == 1 && maxChange(betaOld, betaNew, bOld, bNew) < TOLERANCE;
            previous = current;
        }
        // The log-determinant belongs to the weights at the mode itself.
        BlockedCholesky factor = factorAtCurrentWeights(lambda, false, beta);
        if (factor == null) {
            return null;
        }
        return new Mode(beta, b, deviance(), squaredNorm(b), factor.logDetRandom(), converged, iteration);
    }

    /** Working weights and response at the current μ, cross-products and factor. */
    private BlockedCholesky factorAtCurrentWeights(double[][] lambda, boolean withBeta, double[] beta) {
        Link link = family.link();
        Distribution dist = family.distribution();
        double[] offset = data.offset();
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        for (int r = 0; r < n; r++) {
            double d = link.muEta(eta[r]);
            weights[r] = prior[r] * d * d / dist.variance(mu[r]);
            double z = eta[r] - (offset == null ? 0 : offset[r]) + (y[r] - mu[r]) / d;
            if (withBeta) {
                System.arraycopy(x, r * p, jointColumns, r * (p + 1), p);
                jointColumns[r * (p + 1) + p] = z;
            } else {
                double xb = 0;
                for (int j = 0; j < p; j++) {
                    xb += x[r * p + j] * beta[j];
                }
                conditionalColumns[r] = z - xb;
            }
        }
        BlockedCholesky factor;
        if (withBeta) {
            if (joint == null) {
                joint = new BlockedCholesky(CrossProducts.structure(data.terms(), p + 1));
            }
            factor = joint;
            factor.crossProducts().compute(weights, jointColumns);
        } else {
            if (conditional == null) {
                conditional = new BlockedCholesky(CrossProducts.structure(data.terms(), 1));
            }
            factor = conditional;
            factor.crossProducts().compute(weights, conditionalColumns);
        }
        lastFactor = factor;
        return factor.factor(lambda) ? factor : null;
    }

    /** The factor of the last run, at the weights of its mode (β fixed form: only the random-effects blocks). */
    BlockedCholesky factor() {
        return lastFactor;
    }

    /**
     * The joint factor (with X) at the weights of the mode (β, b): its fixed-effects block gives
     * the PIRLS-based covariance of β.
     */
    BlockedCholesky jointFactorAt(double[][] lambda, double[] beta, double[][] b) {
        data.linearPredictor(lambda, beta, b, eta);
        updateMu();
        return factorAtCurrentWeights(lambda, true, beta);
    }

    private void updateMu() {
        Link link = family.link();
        for (int r = 0; r < n; r++) {
            mu[r] = link.inverse(eta[r]);
        }
    }

    private double deviance() {
        Distribution dist = family.distribution();
        double[] y = data.y();
        double[] prior = data.weights();
        double s = 0;
        for (int r = 0; r < n; r++) {
            s += dist.devianceResidual(y[r], mu[r], prior[r]);
        }
        return s;
    }

    /** μ at the last mode (read-only view). */
    double[] mu() {
        return mu;
    }

    double[] eta() {
        return eta;
    }

    private static double maxChange(double[] betaOld, double[] betaNew, double[][] bOld, double[][] bNew) {
        double max = 0;
        for (int j = 0; j < betaOld.length; j++) {
            max = Math.max(max, Math.abs(betaNew[j] - betaOld[j]) / (1 + Math.abs(betaNew[j])));
        }
        for (int k = 0; k < bOld.length; k++) {
            for (int i = 0; i < bOld[k].length; i++) {
                max = Math.max(max, Math.abs(bNew[k][i] - bOld[k][i]) / (1 + Math.abs(bNew[k][i])));
            }
        }
        return max;
    }

    private static void interpolate(double[] from, double[] to, double t, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = from[i] + t * (to[i] - from[i]);
        }
    }

    static double squaredNorm(double[][] b) {
        double s = 0;
        for (double[] v : b) {
            for (double e : v) {
                s += e * e;
            }
        }
        return s;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
