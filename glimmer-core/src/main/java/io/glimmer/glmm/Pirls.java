package io.glimmer.glmm;

import io.glimmer.optim.Descent;
import io.glimmer.design.LinearPredictor;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;
import io.glimmer.linalg.BlockedCholesky;
import io.glimmer.linalg.CrossProducts;

/**
 * Penalised iteratively reweighted least squares: for given θ (and β, unless β is updated too) the
 * conditional modes of the spherical random effects b, minimising Σ deviance residuals + ‖b‖².
 * Each iteration is one pass over the rows (weights, working response, cross-products) and one
 * blocked factorisation, then one pass (η, μ, deviance) per step tried; a step that does not lower
 * the penalised deviance is halved. Passes run by fixed row chunks in parallel, and buffers are
 * reused: an iteration allocates nothing of the size of the data.
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
    /**
     * A full step this small (relative to 1 + |mode|) is rounding: the current point is the mode, and
     * the factor just computed is already at its weights, so the run ends without trying the step
     * and refactoring.
     */
    static final double SETTLED = 1e-13;
    private static final double[] NO_COLUMNS = new double[0];

    private final GlmmData data;
    private final Family family;
    private final int n;
    private final int p;
    private final double[] eta;
    private final double[] mu;
    private final double[] weights;
    /** dμ/dη at the current η, computed with μ. */
    private final double[] muEta;
    /** The working response (minus Xβ when β is fixed): the last dense column of the cross-products. */
    private final double[] response;
    /** Per row chunk, its sum of deviance residuals (summed in chunk order). */
    private final double[] chunkDeviance;
    private double deviance;
    /** offset + Xβ and Xβ for {@link #fixedBeta}, kept through a run in which β does not move. */
    private final double[] fixedPart;
    private final double[] xBeta;
    private double[] fixedBeta;
    private BlockedCholesky joint;
    private BlockedCholesky conditional;
    private BlockedCholesky lastFactor;
    /**
     * The conditional density at the current extra parameters, or null for R's families: then the
     * objective is Σ deviance residuals and the weights Fisher's, as lme4's; else it is −2 Σ log f
     * and the weights the observed information (the Newton step's, positive, where that is not).
     */
    private ObservationModel.Conditional conditionalDensity;
    /**
     * Whether the weights pass uses the observed information throughout (Newton's step, and the
     * factor at the mode); false only for a step where that is not positive definite.
     */
    private boolean observedOnly = true;
    /** Whether the last factor was made with step weights in place of the observed information. */
    private boolean substituted;

    Pirls(GlmmData data, Family family) {
        this.data = data;
        this.family = family;
        this.n = data.rows();
        this.p = data.p();
        this.eta = new double[n];
        this.mu = new double[n];
        this.weights = new double[n];
        this.muEta = new double[n];
        this.response = new double[n];
        this.chunkDeviance = new double[data.chunks()];
        this.fixedPart = new double[n];
        this.xBeta = new double[n];
    }

    /** Sets the conditional density of an {@link ObservationModel} at its current parameters (null: the family's deviance). */
    void conditional(ObservationModel.Conditional density) {
        this.conditionalDensity = density;
    }

    /** Computes offset + Xβ and Xβ once for a run with β fixed. */
    private void fixBeta(double[] beta) {
        fixedBeta = beta.clone();
        data.forEachChunk(c -> data.fixedParts(fixedBeta, fixedPart, xBeta, data.chunkStart(c), data.chunkStart(c + 1)));
    }

    private boolean isFixed(double[] beta) {
        return fixedBeta != null && java.util.Arrays.equals(beta, fixedBeta);
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
     * @param updateBeta whether β moves too (lme4's nAGQ = 0 stage) or stays fixed
     * @return the mode, or null when the penalised system cannot be factored
     */
    Mode run(double[][] lambda, double[] betaStart, double[][] bStart, boolean updateBeta) {
        return run(lambda, betaStart, bStart, updateBeta, SETTLED);
    }

    /**
     * As {@link #run(double[][], double[], double[][], boolean)}, ending as settled when a
     * full step is below {@code settledStep} (relative): a looser value leaves the modes up to that
     * far from the mode, and the log-determinant off by as much to first order, for an objective
     * that needs no more.
     */
    Mode run(double[][] lambda, double[] betaStart, double[][] bStart, boolean updateBeta, double settledStep) {
        double[] beta = betaStart.clone();
        double[][] b = copy(bStart);
        if (!updateBeta && !isFixed(beta)) {
            fixBeta(beta);
        }
        double previous = evaluate(lambda, beta, b) + squaredNorm(b);
        double[] betaNew = new double[p];
        double[][] bNew = copy(b);
        double[] betaOld = new double[p];
        double[][] bOld = copy(b);
        double[] noBeta = new double[0];
        boolean converged = false;
        BlockedCholesky settled = null;
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
                factor.solve(noBeta, bNew);
                System.arraycopy(beta, 0, betaNew, 0, p);
            }
            double change = maxChange(beta, betaNew, b, bNew);
            if (change < settledStep) {
                settled = factor;
                converged = true;
                break;
            }
            System.arraycopy(beta, 0, betaOld, 0, p);
            for (int k = 0; k < b.length; k++) {
                System.arraycopy(b[k], 0, bOld[k], 0, b[k].length);
            }
            double current = Double.NaN;
            boolean accepted = false;
            double step = 1;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                interpolate(betaOld, betaNew, step, beta);
                for (int k = 0; k < b.length; k++) {
                    interpolate(bOld[k], bNew[k], step, b[k]);
                }
                current = evaluate(lambda, beta, b) + squaredNorm(b);
                if (Descent.noWorse(current, previous)) {
                    accepted = true;
                    break;
                }
                step /= 2;
            }
            if (!accepted) { // no descent even for tiny steps: we are at the mode to working precision
                System.arraycopy(betaOld, 0, beta, 0, p);
                for (int k = 0; k < b.length; k++) {
                    System.arraycopy(bOld[k], 0, b[k], 0, b[k].length);
                }
                evaluate(lambda, beta, b);
                converged = true;
                break;
            }
            converged = step == 1 && change < TOLERANCE;
            previous = current;
        }
        // The log-determinant belongs to the weights at the mode itself. A settled run's factor is
        // (its random-effects blocks are the same with or without X).
        BlockedCholesky factor = settled != null && !substituted ? settled : factorAtObserved(lambda, beta);
        if (factor == null) {
            return null;
        }
        return new Mode(beta, b, deviance, squaredNorm(b), factor.logDetRandom(), converged, iteration);
    }

    /**
     * η, μ and the deviance Σ devianceResidual at (β, b), in one pass over the rows by fixed chunks
     * (in parallel; the chunks' sums are added in chunk order).
     *
     * @return the deviance, also kept for {@link Mode}
     */
    private double evaluate(double[][] lambda, double[] beta, double[][] b) {
        data.scaleModes(lambda, b);
        Distribution dist = family.distribution();
        double[] y = data.y();
        double[] prior = data.weights();
        boolean fixed = isFixed(beta);
        data.forEachChunk(c -> {
            int r0 = data.chunkStart(c);
            int r1 = data.chunkStart(c + 1);
            if (fixed) {
                data.addRandom(fixedPart, eta, r0, r1);
            } else {
                data.linearPredictor(beta, eta, r0, r1);
            }
            updateMu(r0, r1);
            double s = 0;
            if (conditionalDensity != null) {
                for (int r = r0; r < r1; r++) {
                    s -= 2 * conditionalDensity.logDensity(r, y[r], eta[r], prior[r]);
                }
            } else {
                for (int r = r0; r < r1; r++) {
                    s += dist.devianceResidual(y[r], mu[r], prior[r]);
                }
            }
            chunkDeviance[c] = s;
        });
        double s = 0;
        for (double d : chunkDeviance) {
            s += d;
        }
        deviance = s;
        return s;
    }

    /** The random-effects factor at the current μ with the observed information as weights: the Laplace approximation's. */
    private BlockedCholesky factorAtObserved(double[][] lambda, double[] beta) {
        substituted = false;
        // Negative weights (zero inflation's zeros, nbinom1's small means) can make the weighted
        // response's norm negative at a true mode; the factor leaves that pivot NaN, and only the
        // random-effects blocks are read here
        return factorAtWeights(lambda, false, beta);
    }

    /**
     * Working weights and response at the current μ, cross-products and factor. For a conditional
     * density the steps' weights are the observed information where it is positive and the step
     * information elsewhere, so the factor at the mode is made again with the observed information.
     */
    private BlockedCholesky factorAtCurrentWeights(double[][] lambda, boolean withBeta, double[] beta) {
        if (conditionalDensity == null) {
            return factorAtWeights(lambda, withBeta, beta);
        }
        observedOnly = false;
        substituted = true;
        try {
            return factorAtWeights(lambda, withBeta, beta);
        } finally {
            observedOnly = true;
        }
    }

    private BlockedCholesky factorAtWeights(double[][] lambda, boolean withBeta, double[] beta) {
        boolean fixed = !withBeta && isFixed(beta);
        data.forEachChunk(c -> workingWeights(withBeta, fixed, beta, data.chunkStart(c), data.chunkStart(c + 1)));
        BlockedCholesky factor;
        if (withBeta) {
            if (joint == null) {
                joint = new BlockedCholesky(CrossProducts.structure(data.terms(), p + 1));
            }
            factor = joint;
            factor.crossProducts().compute(weights, data.x(), response);
        } else {
            if (conditional == null) {
                conditional = new BlockedCholesky(CrossProducts.structure(data.terms(), 1));
            }
            factor = conditional;
            factor.crossProducts().compute(weights, NO_COLUMNS, response);
        }
        lastFactor = factor;
        return factor.factor(lambda) ? factor : null;
    }

    /** Working weights and response (minus Xβ when β is fixed) at the current μ, rows [r0, r1). */
    private void workingWeights(boolean withBeta, boolean fixed, double[] beta, int r0, int r1) {
        if (conditionalDensity != null) {
            newtonWeights(withBeta, fixed, beta, r0, r1);
            return;
        }
        Distribution dist = family.distribution();
        double[] offset = data.offset();
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        for (int r = r0; r < r1; r++) {
            double d = muEta[r];
            weights[r] = prior[r] * d * d / dist.variance(mu[r]);
            double z = eta[r] - (offset == null ? 0 : offset[r]) + (y[r] - mu[r]) / d;
            if (withBeta) {
                response[r] = z;
            } else if (fixed) {
                response[r] = z - xBeta[r];
            } else {
                response[r] = z - LinearPredictor.row(x, p, r, beta, 0);
            }
        }
    }

    /**
     * Newton's weights and working response for a conditional density, rows [r0, r1): w = −∂²ℓ/∂η²
     * (a positive step weight where that is not positive, unless {@link #observedOnly}) and
     * z = η − offset + (∂ℓ/∂η)/w, so that the penalised least squares step is Newton's.
     */
    private void newtonWeights(boolean withBeta, boolean fixed, double[] beta, int r0, int r1) {
        double[] offset = data.offset();
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        for (int r = r0; r < r1; r++) {
            double info = conditionalDensity.information(r, y[r], eta[r], prior[r]);
            if (!observedOnly && !(info > 0)) {
                info = conditionalDensity.stepInformation(r, y[r], eta[r], prior[r]);
            }
            weights[r] = info;
            double step = info != 0 ? conditionalDensity.score(r, y[r], eta[r], prior[r]) / info : 0;
            double z = eta[r] - (offset == null ? 0 : offset[r]) + step;
            if (withBeta) {
                response[r] = z;
            } else if (fixed) {
                response[r] = z - xBeta[r];
            } else {
                response[r] = z - LinearPredictor.row(x, p, r, beta, 0);
            }
        }
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
        evaluate(lambda, beta, b);
        return factorAtCurrentWeights(lambda, true, beta);
    }

    /** μ and dμ/dη from η, rows [r0, r1): the working weights of the next iteration need no second pass of the link. */
    private void updateMu(int r0, int r1) {
        family.link().inverseAndDerivative(eta, mu, muEta, r0, r1);
    }

    /**
     * X'w(μ − y)·μ'(η)/V(μ) at the last evaluated (β, b): the gradient in β of −log-likelihood for
     * the family's deviance, what {@link ProfiledNewton} steps on when the modes are profiled out.
     */
    double[] betaScore() {
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        double[] g = new double[p];
        for (int r = 0; r < n; r++) {
            double s = prior[r] * muEta[r] * (mu[r] - y[r]) / family.distribution().variance(mu[r]);
            for (int a = 0; a < p; a++) {
                g[a] += s * x[r * p + a];
            }
        }
        return g;
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
