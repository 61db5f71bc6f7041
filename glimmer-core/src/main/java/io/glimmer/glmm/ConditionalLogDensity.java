package io.glimmer.glmm;

import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;

/**
 * log p(y | b) at given Λ, β and spherical random effects b, with every normalising constant: from
 * the deviance and the saturated log-likelihood where the family has one, else from the log-density,
 * or from an observation model's density (ordinal, a family's own parameter, zero inflation) when given.
 * Rows are summed in order, so the value does not depend on the thread count.
 */
final class ConditionalLogDensity {
    private final GlmmData data;
    private final Family family;
    private final double dispersion;
    private final double saturated;
    /** The observation model's density at its fitted parameters, or null: the family's. */
    private final ObservationModel.Conditional observation;
    /**
     * For the binomial family with the logit link, each row's w[y log y + (1 − y) log(1 − y)] (0 log 0 = 0), so that
     * {@link #row} is w(yη − log(1 + e^η)) less it: one exp and one log a row and no division, in the Metropolis
     * sweep's inner loop (half a crossed binary MCEM's time went to the deviance form). Null for other families.
     */
    private final double[] logitSaturated;
    /** Beyond this |η| the logit link clamps μ (R's family.c): the deviance form keeps that there. */
    private static final double LOGIT_EXACT = 30;

    ConditionalLogDensity(GlmmData data, Family family, double dispersion) {
        this(data, family, dispersion, null);
    }

    /** @param observation an observation model's density (log f(y | η) with every constant), or null for the family's */
    ConditionalLogDensity(GlmmData data, Family family, double dispersion, ObservationModel.Conditional observation) {
        this.data = data;
        this.family = family;
        this.dispersion = dispersion;
        this.observation = observation;
        boolean logit = observation == null && family.distribution().name().equals("binomial") && family.link().name().equals("logit");
        this.logitSaturated = logit ? new double[data.rows()] : null;
        if (observation != null) {
            this.saturated = Double.NaN;
            return;
        }
        double s = 0;
        for (int r = 0; r < data.rows(); r++) {
            s += family.distribution().saturatedLogDensity(data.y()[r], data.weights()[r]);
            if (logit) {
                double y = data.y()[r];
                logitSaturated[r] = data.weights()[r] * (xLogX(y) + xLogX(1 - y));
            }
        }
        this.saturated = s;
    }

    /** log p(y | b); {@code eta} receives the linear predictor. */
    double at(double[][] lambdas, double[] beta, double[][] b, double[] eta) {
        data.linearPredictor(lambdas, beta, b, eta);
        return at(eta);
    }

    /** What {@link #row} leaves out, summed over the rows: log p(y | η) = Σ_r row(r, η_r) + this. */
    double rowConstant() {
        return Double.isNaN(saturated) ? 0 : saturated;
    }

    /** Row r's part of log p(y | η) up to a constant of the row (what a Metropolis ratio needs). */
    double row(int r, double eta) {
        if (observation != null) {
            return observation.logDensity(r, data.y()[r], eta, data.weights()[r]);
        }
        if (logitSaturated != null && Math.abs(eta) <= LOGIT_EXACT) {
            return logitRow(r, eta, Math.max(eta, 0) + Math.log(1 + Math.exp(-Math.abs(eta)))); // log(1 + e^η) without overflow
        }
        return rowAtMean(r, family.link().inverse(eta));
    }

    /** The logit binomial's row, w(yη − log(1 + e^η)) less its saturated part, given log(1 + e^η). */
    private double logitRow(int r, double eta, double softplus) {
        return data.weights()[r] * (data.y()[r] * eta - softplus) - logitSaturated[r];
    }

    /** Whether {@link #rowFromExp} has its cheap form (binomial, logit link). */
    boolean logitBinomial() {
        return logitSaturated != null;
    }

    /**
     * {@link #row} given e^η too, for the logit binomial: w(yη − log(1 + e^η)), a log and no exp (a Markov chain keeps e^η
     * per row and moves it by a product); other families, or |η| beyond the link's clamp, as {@link #row}.
     */
    double rowFromExp(int r, double eta, double expEta) {
        if (logitSaturated != null && Math.abs(eta) <= LOGIT_EXACT) {
            return logitRow(r, eta, Math.log(1 + expEta));
        }
        return row(r, eta);
    }

    private static double xLogX(double x) {
        return x > 0 ? x * Math.log(x) : 0;
    }

    /** {@link #row} from the row's mean μ already computed (what the M-step's one pass over a draw's rows needs). */
    double rowAtMean(int r, double mu) {
        if (!Double.isNaN(saturated)) {
            return -family.distribution().devianceResidual(data.y()[r], mu, data.weights()[r]) / 2;
        }
        return family.distribution().logDensity(data.y()[r], mu, data.weights()[r], dispersion);
    }

    /**
     * log p(y | η) as Σ_r row(r, η_r) plus the constant: equal to {@link #at(double[])} but for rounding, and for the logit
     * binomial cheaper (the Monte Carlo draws' likelihoods; the Laplace fits keep {@link #at(double[])}'s deviance form).
     */
    double byRows(double[] eta) {
        if (logitSaturated == null) {
            return at(eta);
        }
        double s = 0;
        for (int r = 0; r < eta.length; r++) {
            s += row(r, eta[r]);
        }
        return s + rowConstant();
    }

    /** log p(y | η) for a linear predictor already computed. */
    double at(double[] eta) {
        Distribution dist = family.distribution();
        double[] y = data.y();
        double[] w = data.weights();
        double s = 0;
        if (observation != null) {
            for (int r = 0; r < eta.length; r++) {
                s += observation.logDensity(r, y[r], eta[r], w[r]);
            }
            return s;
        }
        if (!Double.isNaN(saturated)) {
            for (int r = 0; r < eta.length; r++) {
                s += dist.devianceResidual(y[r], family.link().inverse(eta[r]), w[r]);
            }
            return saturated - s / 2;
        }
        for (int r = 0; r < eta.length; r++) {
            s += dist.logDensity(y[r], family.link().inverse(eta[r]), w[r], dispersion);
        }
        return s;
    }
}
