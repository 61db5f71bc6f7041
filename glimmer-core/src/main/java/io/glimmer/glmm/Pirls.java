package io.glimmer.glmm;

import io.glimmer.optim.Descent;
import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;
import io.glimmer.linalg.BlockedCholesky;

/**
 * Penalised iteratively reweighted least squares: for given θ (and β, unless β is updated too) the
 * conditional modes of the spherical random effects b, minimising Σ deviance residuals + ‖b‖².
 * Each iteration is one pass over the rows (weights, working response, cross-products) and one
 * blocked factorisation, then one pass (η, μ, deviance) per step tried; a step that does not lower
 * the penalised deviance is halved. The passes are {@link PirlsRows}'s: the in-memory arrays'
 * ({@link LocalRows}) or an engine's whose rows are elsewhere; the steps and factor are here.
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
    private final PirlsRows rows;
    /** The rows when they are the in-memory arrays (what only they give: a conditional density, μ, η), else null. */
    private final LocalRows local;
    private final int p;
    private double deviance;
    private BlockedCholesky joint;
    private BlockedCholesky conditional;
    private BlockedCholesky lastFactor;
    /** Whether the last factor was made with step weights in place of the observed information. */
    private boolean substituted;

    Pirls(GlmmData data, Family family) {
        this(new LocalRows(data, family));
    }

    /** PIRLS over rows held elsewhere (R's families: no conditional density of its own). */
    Pirls(PirlsRows rows) {
        this.rows = rows;
        this.local = rows instanceof LocalRows l ? l : null;
        this.p = rows.p();
    }

    /** Sets the conditional density of an {@link ObservationModel} at its current parameters (null: the family's deviance). */
    void conditional(ObservationModel.Conditional density) {
        local.conditional(density);
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
        if (!updateBeta) {
            rows.holdBeta(beta);
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
     * η, μ and the deviance at (β, b): one pass over the rows.
     *
     * @return the deviance, also kept for {@link Mode}
     */
    private double evaluate(double[][] lambda, double[] beta, double[][] b) {
        deviance = rows.evaluate(lambda, beta, b);
        return deviance;
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
        if (local == null || !local.hasConditionalDensity()) {
            return factorAtWeights(lambda, withBeta, beta);
        }
        local.observedOnly(false);
        substituted = true;
        try {
            return factorAtWeights(lambda, withBeta, beta);
        } finally {
            local.observedOnly(true);
        }
    }

    private BlockedCholesky factorAtWeights(double[][] lambda, boolean withBeta, double[] beta) {
        BlockedCholesky factor;
        if (withBeta) {
            if (joint == null) {
                joint = new BlockedCholesky(rows.structure(p + 1));
            }
            factor = joint;
        } else {
            if (conditional == null) {
                conditional = new BlockedCholesky(rows.structure(1));
            }
            factor = conditional;
        }
        rows.crossProducts(factor.crossProducts(), withBeta, beta);
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
        evaluate(lambda, beta, b);
        return factorAtCurrentWeights(lambda, true, beta);
    }

    /** The β score at the last evaluated (β, b) ({@link LocalRows#betaScore}); rows in memory only. */
    double[] betaScore() {
        return local.betaScore();
    }

    /** μ at the last mode (read-only view); rows in memory only. */
    double[] mu() {
        return local.mu();
    }

    double[] eta() {
        return local.eta();
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
