package io.glimmer.family;

import io.glimmer.design.NumberFormat;

/** Counts, variance μ. */
final class Poisson extends BaseDistribution {
    Poisson() {
        super("poisson", false, Link.LOG, Link.IDENTITY, Link.SQRT);
    }

    @Override
    public double variance(double mu) {
        return mu;
    }

    /** 2w[y log(y/μ) - (y - μ)], which is 2wμ at y = 0. */
    @Override
    public double devianceResidual(double y, double mu, double weight) {
        if (weight == 0) {
            return 0;
        }
        double d = y > 0 ? 2 * weight * (y * Math.log(y / mu) - (y - mu)) : 2 * weight * mu;
        return Math.max(d, 0); // ≥ 0 mathematically; guard against rounding
    }

    /**
     * w·log dpois(y, μ) (R's poisson()$aic). A non-integer y keeps its lgamma(y + 1), where R's
     * dpois would warn and return -Inf, so averaged or scaled counts still have a likelihood.
     */
    @Override
    public double logDensity(double y, double mu, double weight, double dispersion) {
        if (weight == 0) {
            return 0;
        }
        if (y == 0) {
            return -weight * mu;
        }
        return weight * (y * Math.log(mu) - mu - FamilyMath.logGamma(y + 1));
    }

    /** w·log dpois(y, y), with 0 log 0 = 0. */
    @Override
    public double saturatedLogDensity(double y, double weight) {
        if (weight == 0 || y == 0) {
            return 0;
        }
        return weight * (y * Math.log(y) - y - FamilyMath.logGamma(y + 1));
    }

    /** y + 0.1, so a zero count still has a finite log. */
    @Override
    public double initialMu(double y, double weight) {
        return y + 0.1;
    }

    @Override
    public boolean validMu(double mu) {
        return Double.isFinite(mu) && mu > 0;
    }

    @Override
    void checkRange(double y, int row) {
        if (y < 0) {
            throw ResponseChecks.error(row, "poisson response " + NumberFormat.message(y)
                    + " is negative; counts must be >= 0");
        }
    }
}
