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

    ConditionalLogDensity(GlmmData data, Family family, double dispersion) {
        this(data, family, dispersion, null);
    }

    /** @param observation an observation model's density (log f(y | η) with every constant), or null for the family's */
    ConditionalLogDensity(GlmmData data, Family family, double dispersion, ObservationModel.Conditional observation) {
        this.data = data;
        this.family = family;
        this.dispersion = dispersion;
        this.observation = observation;
        if (observation != null) {
            this.saturated = Double.NaN;
            return;
        }
        double s = 0;
        for (int r = 0; r < data.rows(); r++) {
            s += family.distribution().saturatedLogDensity(data.y()[r], data.weights()[r]);
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
        return rowAtMean(r, family.link().inverse(eta));
    }

    /** {@link #row} from the row's mean μ already computed (what the M-step's one pass over a draw's rows needs). */
    double rowAtMean(int r, double mu) {
        if (!Double.isNaN(saturated)) {
            return -family.distribution().devianceResidual(data.y()[r], mu, data.weights()[r]) / 2;
        }
        return family.distribution().logDensity(data.y()[r], mu, data.weights()[r], dispersion);
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
