package io.glimmer.family;

/** Positive continuous responses with variance μ³ (first-passage times of a drifting Brownian motion). */
final class InverseGaussian extends PositiveContinuous {
    InverseGaussian() {
        super("inverse.gaussian", Link.INVERSE_SQUARE, Link.INVERSE, Link.IDENTITY, Link.LOG);
    }

    @Override
    public double variance(double mu) {
        return mu * mu * mu;
    }

    /** w(y - μ)²/(y μ²). */
    @Override
    public double devianceResidual(double y, double mu, double weight) {
        if (weight == 0) {
            return 0;
        }
        double r = y - mu;
        return weight * r * r / (y * mu * mu);
    }

    /**
     * w·log f(y; μ, λ = 1/φ) with f(y) = √(λ/(2πy³)) exp(-λ(y - μ)²/(2μ²y)). Summed at φ = dev/Σw,
     * -2 Σ of this is Σw·(log(2πφ) + 1) + 3 Σ w log y: R's inverse.gaussian()$aic without its + 2.
     * As in R, the weight multiplies the log density; it does not scale the dispersion.
     */
    @Override
    public double logDensity(double y, double mu, double weight, double dispersion) {
        if (weight == 0) {
            return 0;
        }
        double r = y - mu;
        return weight * (-0.5 * (FamilyMath.LOG_2PI + Math.log(dispersion) + 3 * Math.log(y))
                - r * r / (2 * dispersion * mu * mu * y));
    }
}
