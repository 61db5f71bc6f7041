package io.glimmer.family;

import io.glimmer.design.NumberFormat;

/**
 * What the negative binomials and the beta share: one parameter bound after the fit, the log density
 * and its first two derivatives in μ (from which {@link MeanObservationModel} makes the conditional
 * density in η), deviance residuals as twice the log density's drop from μ = y, and the checks.
 */
abstract class DispersionDistribution extends BaseDistribution implements ParametricDistribution {
    private final String parameterName;
    private final double parameter;

    DispersionDistribution(String name, String parameterName, double parameter, Link link) {
        super(name, false, link);
        this.parameterName = parameterName;
        this.parameter = parameter;
    }

    /** log f(y | μ, parameter) for one observation of weight 1. */
    abstract double logF(double y, double mu, double par);

    /** ∂ log f/∂μ. */
    abstract double dLogF(double y, double mu, double par);

    /** ∂² log f/∂μ², negative for these distributions. */
    abstract double d2LogF(double y, double mu, double par);

    abstract double variance(double mu, double par);

    /** A moment estimate of the parameter from a GLM's fitted means, inside a sensible range. */
    abstract double momentStart(double[] y, double[] w, double[] mu);

    @Override
    public final String parameterName() {
        return parameterName;
    }

    @Override
    public final double parameter() {
        return parameter;
    }

    @Override
    public final double variance(double mu) {
        return variance(mu, parameter);
    }

    @Override
    public final double logDensity(double y, double mu, double weight, double dispersion) {
        return weight == 0 ? 0 : weight * logF(y, mu, parameter);
    }

    /** 2w[log f(y | y) − log f(y | μ)], not below 0 (μ = y need not maximise f for nbinom1 and the beta). */
    @Override
    public final double devianceResidual(double y, double mu, double weight) {
        if (weight == 0) {
            return 0;
        }
        double at = y == 0 ? 0 : logF(y, y, parameter); // a count of 0 has log f(0 | μ → 0) = 0
        return Math.max(0, 2 * weight * (at - logF(y, mu, parameter)));
    }

    @Override
    public final ObservationModel observationModel(Link link) {
        return new MeanObservationModel(this, link);
    }

    /** The response must be a whole number ≥ 0 (the negative binomials). */
    static void checkCount(String name, double y, int row) {
        if (y < 0) {
            throw ResponseChecks.error(row, name + " response " + NumberFormat.message(y) + " is negative; counts must be >= 0");
        }
        if (y != Math.rint(y)) {
            throw ResponseChecks.error(row, name + " response " + NumberFormat.message(y)
                    + " is not a whole number; counts must be whole numbers >= 0");
        }
    }

    static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }
}
