package io.glimmer.family;

/** Positive continuous responses with constant coefficient of variation: variance μ². */
final class Gamma extends PositiveContinuous {
    Gamma() {
        super("Gamma", Link.INVERSE, Link.IDENTITY, Link.LOG);
    }

    @Override
    public double variance(double mu) {
        return mu * mu;
    }

    /** -2w[log(y/μ) - (y - μ)/μ], written with log1p so it stays accurate (and ≥ 0) when y ≈ μ. */
    @Override
    public double devianceResidual(double y, double mu, double weight) {
        if (weight == 0) {
            return 0;
        }
        double relative = (y - mu) / mu;
        double logRatio = y == 0 ? 0 : Math.log1p(relative); // R: log(ifelse(y == 0, 1, y/mu))
        return Math.max(-2 * weight * (logRatio - relative), 0);
    }

    /**
     * w·log dgamma(y, shape = 1/φ, scale = μφ), R's Gamma()$aic term: the weight multiplies the log
     * density rather than scaling the dispersion.
     */
    @Override
    public double logDensity(double y, double mu, double weight, double dispersion) {
        if (weight == 0) {
            return 0;
        }
        double shape = 1 / dispersion;
        double z = shape * y / mu; // y over the scale
        return weight * (shape * Math.log(z) - z - Math.log(y) - FamilyMath.logGamma(shape));
    }
}
