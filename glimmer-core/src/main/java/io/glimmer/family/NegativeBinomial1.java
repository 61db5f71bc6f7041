package io.glimmer.family;

import org.hipparchus.special.Gamma;

/**
 * Counts with variance μ(1 + φ) (glmmTMB's nbinom1): a negative binomial of size μ/φ; log link.
 */
final class NegativeBinomial1 extends NegativeBinomial {
    NegativeBinomial1(double phi) {
        super("nbinom1", "phi", phi);
    }

    @Override
    public ParametricDistribution withParameter(double value) {
        return new NegativeBinomial1(value);
    }

    @Override
    double logF(double y, double mu, double phi) {
        double k = mu / phi;
        double s = -k * Math.log1p(phi);
        if (y > 0) {
            s += Gamma.logGamma(y + k) - Gamma.logGamma(k) - Gamma.logGamma(y + 1) + y * (Math.log(phi) - Math.log1p(phi));
        }
        return s;
    }

    @Override
    double dLogF(double y, double mu, double phi) {
        double k = mu / phi;
        double d = y > 0 ? Gamma.digamma(y + k) - Gamma.digamma(k) : 0;
        return (d - Math.log1p(phi)) / phi;
    }

    @Override
    double d2LogF(double y, double mu, double phi) {
        double k = mu / phi;
        return y > 0 ? (Gamma.trigamma(y + k) - Gamma.trigamma(k)) / (phi * phi) : 0;
    }

    @Override
    double variance(double mu, double phi) {
        return mu * (1 + phi);
    }

    /** φ from the mean Pearson χ² (y − μ)²/μ = 1 + φ, in [0.01, 100]. */
    @Override
    double momentStart(double[] y, double[] w, double[] mu) {
        double s = 0;
        double sw = 0;
        for (int r = 0; r < y.length; r++) {
            s += w[r] * (y[r] - mu[r]) * (y[r] - mu[r]) / mu[r];
            sw += w[r];
        }
        return clamp(s / sw - 1, 0.01, 100);
    }
}
