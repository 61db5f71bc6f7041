package io.glimmer.family;

import java.util.List;

/** Normal responses, variance dispersion/weight. */
final class Gaussian implements Distribution {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    Gaussian() {
    }

    @Override
    public String name() {
        return "gaussian";
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
        return -0.5 * (LOG_2PI + Math.log(dispersion) - Math.log(weight)) - weight * r * r / (2 * dispersion);
    }

    @Override
    public boolean hasDispersion() {
        return true;
    }

    @Override
    public Link canonicalLink() {
        return Link.IDENTITY;
    }

    @Override
    public List<Link> links() {
        return List.of(Link.IDENTITY, Link.LOG, Link.INVERSE);
    }

    @Override
    public double initialMu(double y, double weight) {
        return y;
    }

    /** R accepts any μ; only a finite one is usable here. */
    @Override
    public boolean validMu(double mu) {
        return Double.isFinite(mu);
    }

    @Override
    public void checkResponse(double y, double weight, int row) {
        ResponseChecks.checkWeight(weight, row);
        ResponseChecks.checkFinite(name(), y, row);
    }

    @Override
    public String toString() {
        return name();
    }
}
