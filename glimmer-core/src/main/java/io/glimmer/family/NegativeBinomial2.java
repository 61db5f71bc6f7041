package io.glimmer.family;

import org.hipparchus.special.Gamma;

/** Counts with variance μ + μ²/θ (glmmTMB's nbinom2, lme4's glmer.nb, MASS's negative.binomial(θ)); log link. */
final class NegativeBinomial2 extends NegativeBinomial {
    NegativeBinomial2(double theta) {
        super("nbinom2", "theta", theta);
    }

    @Override
    public ParametricDistribution withParameter(double value) {
        return new NegativeBinomial2(value);
    }

    @Override
    double logF(double y, double mu, double theta) {
        double s = -theta * Math.log1p(mu / theta);
        if (y > 0) {
            s += Gamma.logGamma(y + theta) - Gamma.logGamma(theta) - Gamma.logGamma(y + 1) + y * (Math.log(mu) - Math.log(mu + theta));
        }
        return s;
    }

    @Override
    double dLogF(double y, double mu, double theta) {
        return theta * (y - mu) / (mu * (mu + theta));
    }

    @Override
    double d2LogF(double y, double mu, double theta) {
        return -y / (mu * mu) + (y + theta) / ((mu + theta) * (mu + theta));
    }

    @Override
    double variance(double mu, double theta) {
        return mu + mu * mu / theta;
    }

    /** θ from Σ((y − μ)² − μ) = Σμ²/θ, in [0.01, 1000]. */
    @Override
    double momentStart(double[] y, double[] w, double[] mu) {
        double num = 0;
        double den = 0;
        for (int r = 0; r < y.length; r++) {
            num += w[r] * mu[r] * mu[r];
            den += w[r] * ((y[r] - mu[r]) * (y[r] - mu[r]) - mu[r]);
        }
        return clamp(den > 0 ? num / den : 1000, 0.01, 1000);
    }
}
