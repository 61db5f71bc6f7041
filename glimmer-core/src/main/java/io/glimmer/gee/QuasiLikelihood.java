package io.glimmer.gee;

import io.glimmer.error.InputException;
import io.glimmer.family.Family;

/**
 * The quasi-likelihood Q(μ; y) = ∫ (y − t)/V(t) dt of the family, with unit scale, up to terms
 * free of μ: what Pan's QIC evaluates. The same forms as geepack's QIC, except Gamma, where
 * geepack has −y/(μ − log μ) for the correct −y/μ − log μ. Prior weights multiply each term
 * (geepack ignores them; the same with unit weights).
 */
final class QuasiLikelihood {
    private QuasiLikelihood() {
    }

    static double of(Family family, double[] y, double[] mu, double[] weights) {
        double q = 0;
        for (int i = 0; i < y.length; i++) {
            if (weights[i] != 0) {
                q += weights[i] * term(family, y[i], mu[i]);
            }
        }
        return q;
    }

    private static double term(Family family, double y, double mu) {
        return switch (family.name()) {
            case "gaussian" -> -0.5 * (y - mu) * (y - mu);
            case "binomial" -> y * Math.log(mu / (1 - mu)) + Math.log1p(-mu);
            case "poisson" -> y * Math.log(mu) - mu;
            case "Gamma" -> -y / mu - Math.log(mu);
            default -> throw new InputException("no quasi-likelihood for the " + family.name() + " family");
        };
    }
}
