package io.glimmer.family;

import java.util.List;

/** Positive continuous responses with variance μ³ (first-passage times of a drifting Brownian motion). */
final class InverseGaussian implements Distribution {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    InverseGaussian() {
    }

    @Override
    public String name() {
        return "inverse.gaussian";
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
        return weight * (-0.5 * (LOG_2PI + Math.log(dispersion) + 3 * Math.log(y))
                - r * r / (2 * dispersion * mu * mu * y));
    }

    @Override
    public boolean hasDispersion() {
        return true;
    }

    @Override
    public Link canonicalLink() {
        return Link.INVERSE_SQUARE;
    }

    @Override
    public List<Link> links() {
        return List.of(Link.INVERSE_SQUARE, Link.INVERSE, Link.IDENTITY, Link.LOG);
    }

    @Override
    public double initialMu(double y, double weight) {
        return y;
    }

    /** R accepts any μ here, but the density and deviance are only defined for a positive mean. */
    @Override
    public boolean validMu(double mu) {
        return Double.isFinite(mu) && mu > 0;
    }

    @Override
    public void checkResponse(double y, double weight, int row) {
        ResponseChecks.checkWeight(weight, row);
        ResponseChecks.checkFinite(name(), y, row);
        if (y <= 0) {
            throw ResponseChecks.error(row, "inverse.gaussian response " + FamilyMath.format(y)
                    + " is not positive; the inverse.gaussian family needs y > 0");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
