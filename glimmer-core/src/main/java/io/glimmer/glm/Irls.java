package io.glimmer.glm;

import io.glimmer.optim.Descent;
import io.glimmer.error.GlimmerException;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.linalg.BlockedCholesky;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.GroupedColumns;

import java.util.Optional;

/**
 * Iteratively reweighted least squares (Fisher scoring) for a GLM with prior weights and an
 * offset: the one GLM fitter, the start of the GLMM, of glmmPQL and of the GEE.
 *
 * <p>It is PIRLS with no random effects, step for step: the first weights come from R's
 * {@code mustart}, each iteration solves X'WX β = X'Wz on the same cross-products and factor
 * ({@link CrossProducts}, {@link BlockedCholesky}), a step that does not lower the deviance is
 * halved, and the fit has converged when a full step moves no coefficient by more than 1e-10
 * relative to 1 + |β|. The deviance is summed in the GLMM's row chunks, so a GLMM's start is the
 * same to the last bit as its PIRLS run at Λ = 0 was.
 */
public final class Irls {
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_HALVINGS = 20;
    private static final double TOLERANCE = 1e-10;
    /** A full step this small (relative) is rounding: the current β is the fit. */
    private static final double SETTLED = 1e-13;
    /** Rows per partial sum of the deviance (the GLMM's chunks, so that sums agree with PIRLS's). */
    public static final int CHUNK_ROWS = 4096;

    private Irls() {
    }

    /**
     * Fits the GLM.
     *
     * @param x      n × p model matrix, row-major
     * @param offset n offsets, or null for none
     * @param prior  prior weights (binomial trials), n of them
     * @return the fit, or empty when X'WX is numerically singular
     */
    public static Optional<GlmFit> fit(double[] x, int p, double[] offset, double[] y, double[] prior, Family family) {
        return new Model(x, p, offset, y, prior, family).run();
    }

    /**
     * Fits the GLM that an estimator starts from.
     *
     * @param purpose what the fit is for, named in the error (e.g. "the start for the mixed model")
     * @throws GlimmerException when X'WX is singular or a coefficient is not finite
     */
    public static GlmFit start(ModelMatrix x, double[] offset, double[] y, double[] prior, Family family, String purpose) {
        Optional<GlmFit> fit = fit(x.values(), x.columns(), offset, y, prior, family);
        if (fit.isEmpty() || !fit.get().finite()) {
            throw new GlimmerException("the generalized linear model without random effects (" + purpose + ") could not be fitted");
        }
        return fit.get();
    }

    /** The GLM being fitted: X (n × p, row-major), offset (or null), response and prior weights. */
    private record Model(double[] x, int p, double[] offset, double[] y, double[] prior, Family family) {
        private Optional<GlmFit> run() {
            int n = y.length;
            double[] eta = new double[n];
            double[] mu = new double[n];
            double[] muEta = new double[n];
            Distribution dist = family.distribution();
            for (int r = 0; r < n; r++) {
                eta[r] = family.link().link(dist.initialMu(y[r], prior[r]));
            }
            family.link().inverseAndDerivative(eta, mu, muEta, 0, n);
            BlockedCholesky factor = new BlockedCholesky(CrossProducts.structure(new GroupedColumns[0], p + 1));
            double[][] noLambda = new double[0][];
            double[][] noModes = new double[0][];
            double[] weights = new double[n];
            double[] response = new double[n];
            double[] beta = new double[p];
            double[] betaNew = new double[p];
            double[] betaOld = new double[p];
            double previous = Double.POSITIVE_INFINITY;
            double deviance = Double.NaN;
            boolean converged = false;
            int iteration = 0;
            while (iteration < MAX_ITERATIONS && !converged) {
                iteration++;
                for (int r = 0; r < n; r++) {
                    double d = muEta[r];
                    weights[r] = prior[r] * d * d / dist.variance(mu[r]);
                    response[r] = eta[r] - (offset == null ? 0 : offset[r]) + (y[r] - mu[r]) / d;
                }
                factor.crossProducts().compute(weights, x, response);
                if (!factor.factor(noLambda)) {
                    return Optional.empty();
                }
                factor.solve(betaNew, noModes);
                double change = maxChange(beta, betaNew);
                // (the first weights come from mustart, not from β: no exit there)
                if (change < SETTLED && iteration > 1) {
                    converged = true;
                    break;
                }
                System.arraycopy(beta, 0, betaOld, 0, p);
                double current = Double.NaN;
                boolean accepted = false;
                double step = 1;
                for (int h = 0; h <= MAX_HALVINGS; h++) {
                    for (int j = 0; j < p; j++) {
                        beta[j] = betaOld[j] + step * (betaNew[j] - betaOld[j]);
                    }
                    current = evaluate(beta, eta, mu, muEta);
                    if (Descent.noWorse(current, previous) || Double.isInfinite(previous) && Double.isFinite(current)) {
                        accepted = true;
                        break;
                    }
                    step /= 2;
                }
                if (!accepted) { // no descent even for tiny steps: β is the fit to working precision
                    System.arraycopy(betaOld, 0, beta, 0, p);
                    current = evaluate(beta, eta, mu, muEta);
                    converged = true;
                } else {
                    converged = step == 1 && change < TOLERANCE;
                }
                deviance = current;
                previous = current;
            }
            return Optional.of(new GlmFit(beta, eta.clone(), deviance, iteration, converged));
        }

        /** η, μ, dμ/dη at β and the deviance, summed chunk by chunk. */
        private double evaluate(double[] beta, double[] eta, double[] mu, double[] muEta) {
            int n = y.length;
            LinearPredictor.fill(x, p, offset, beta, eta, 0, n);
            family.link().inverseAndDerivative(eta, mu, muEta, 0, n);
            Distribution dist = family.distribution();
            double total = 0;
            for (int r0 = 0; r0 < n; r0 += CHUNK_ROWS) {
                int r1 = Math.min(n, r0 + CHUNK_ROWS);
                double s = 0;
                for (int r = r0; r < r1; r++) {
                    s += dist.devianceResidual(y[r], mu[r], prior[r]);
                }
                total += s;
            }
            return total;
        }
    }

    private static double maxChange(double[] old, double[] next) {
        double max = 0;
        for (int j = 0; j < old.length; j++) {
            max = Math.max(max, Math.abs(next[j] - old[j]) / (1 + Math.abs(next[j])));
        }
        return max;
    }
}
