package io.glimmer.family;

/** Normal responses, variance dispersion/weight. */
final class Gaussian extends BaseDistribution {
    Gaussian() {
        super("gaussian", true, Link.IDENTITY, Link.LOG, Link.INVERSE);
    }

    @Override
    public double variance(double mu) {
        return 1;
    }

    @Override
    public double devianceResidual(double y, double mu, double weight) {
        if (weight == 0) {
            return 0;
        }
        double r = y - mu;
        return weight * r * r;
    }

    /**
     * log N(y; μ, φ/w). R's gaussian()$aic, n·(log(2π·dev/n) + 1) - Σ log w, is -2 Σ of this at
     * φ = dev/n: the weight scales the variance (unlike Gamma and inverse.gaussian, whose aic
     * multiplies the unweighted log density by the weight).
     */
    @Override
    public double logDensity(double y, double mu, double weight, double dispersion) {
        if (weight == 0) {
            return 0;
        }
        double r = y - mu;
        return -0.5 * (FamilyMath.LOG_2PI + Math.log(dispersion) - Math.log(weight)) - weight * r * r / (2 * dispersion);
    }

    /** R accepts any μ; only a finite one is usable here. */
    @Override
    public boolean validMu(double mu) {
        return Double.isFinite(mu);
    }
}
