package io.glimmer.family;

import io.glimmer.design.NumberFormat;
import org.hipparchus.special.Gamma;

/**
 * Proportions strictly inside (0, 1): Beta(μφ, (1 − μ)φ), variance μ(1 − μ)/(1 + φ) (glmmTMB's
 * beta_family, betareg's precision φ); logit link.
 */
final class BetaDistribution extends DispersionDistribution {
    BetaDistribution(double phi) {
        super("beta", "phi", phi, Link.LOGIT);
    }

    @Override
    public ParametricDistribution withParameter(double value) {
        return new BetaDistribution(value);
    }

    /** A quasi-binomial fit of the proportions (weights 1): the same mean model, a sound start. */
    @Override
    public Family startFamily() {
        return Family.canonical(Distribution.BINOMIAL);
    }

    @Override
    double logF(double y, double mu, double phi) {
        double a = mu * phi;
        double b = (1 - mu) * phi;
        return Gamma.logGamma(phi) - Gamma.logGamma(a) - Gamma.logGamma(b) + (a - 1) * Math.log(y) + (b - 1) * Math.log1p(-y);
    }

    @Override
    double dLogF(double y, double mu, double phi) {
        return phi * (Gamma.digamma((1 - mu) * phi) - Gamma.digamma(mu * phi) + Math.log(y) - Math.log1p(-y));
    }

    @Override
    double d2LogF(double y, double mu, double phi) {
        return -phi * phi * (Gamma.trigamma(mu * phi) + Gamma.trigamma((1 - mu) * phi));
    }

    @Override
    double variance(double mu, double phi) {
        return mu * (1 - mu) / (1 + phi);
    }

    /** φ from Σ(y − μ)² = Σμ(1 − μ)/(1 + φ), in [0.1, 10⁴]. */
    @Override
    double momentStart(double[] y, double[] w, double[] mu) {
        double num = 0;
        double den = 0;
        for (int r = 0; r < y.length; r++) {
            num += w[r] * mu[r] * (1 - mu[r]);
            den += w[r] * (y[r] - mu[r]) * (y[r] - mu[r]);
        }
        return clamp(num / den - 1, 0.1, 1e4);
    }

    @Override
    public boolean validMu(double mu) {
        return Double.isFinite(mu) && mu > 0 && mu < 1;
    }

    @Override
    void checkRange(double y, int row) {
        if (!(y > 0 && y < 1)) {
            throw ResponseChecks.error(row, "beta response " + NumberFormat.message(y)
                    + " is not strictly between 0 and 1; the beta family needs 0 < y < 1");
        }
    }
}
