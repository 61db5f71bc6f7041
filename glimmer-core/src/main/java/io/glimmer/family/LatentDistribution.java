package io.glimmer.family;

/**
 * The distribution F of a cumulative-link model's latent variable, P(Y ≤ j) = F(α_j − η): the
 * logistic (logit link), the standard normal (probit) and the Gumbel minimum (cloglog, F(x) =
 * 1 − exp(−eˣ)), with F's upper tail 1 − F computed directly so that a category's probability keeps
 * its relative accuracy at either end, and the density f and its derivative f' for the score and
 * the observed information.
 */
abstract class LatentDistribution {
    /** exp(x) is finite below this (cloglog's e^x). */
    private static final double EXP_LIMIT = 700;

    /** F for a cumulative link: logit, probit or cloglog. */
    static LatentDistribution of(Link link) {
        return switch (link.name()) {
            case "logit" -> LOGISTIC;
            case "probit" -> NORMAL;
            case "cloglog" -> GUMBEL;
            default -> throw new IllegalArgumentException("no cumulative link model for the " + link.name() + " link");
        };
    }

    abstract double cdf(double x);

    /** 1 − F(x), accurate where F is near 1. */
    abstract double upperTail(double x);

    abstract double density(double x);

    /** f'(x). */
    abstract double densitySlope(double x);

    /** F⁻¹(p), for the thresholds' start. */
    abstract double quantile(double p);

    /**
     * F(upper) − F(lower), from the tail where both lie so that the difference keeps its digits
     * (infinite bounds stand for the first and last categories).
     */
    final double between(double lower, double upper) {
        if (upper == Double.POSITIVE_INFINITY) {
            return upperTail(lower);
        }
        if (lower == Double.NEGATIVE_INFINITY) {
            return cdf(upper);
        }
        return lower > 0 ? upperTail(lower) - upperTail(upper) : cdf(upper) - cdf(lower);
    }

    private static final LatentDistribution LOGISTIC = new LatentDistribution() {
        @Override
        double cdf(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        double upperTail(double x) {
            return 1 / (1 + Math.exp(x));
        }

        @Override
        double density(double x) {
            double e = Math.exp(-Math.abs(x)); // symmetric: e/(1+e)² without overflow
            return e / ((1 + e) * (1 + e));
        }

        @Override
        double densitySlope(double x) {
            return density(x) * (upperTail(x) - cdf(x)); // f(1 − 2F)
        }

        @Override
        double quantile(double p) {
            return Math.log(p / (1 - p));
        }
    };

    private static final LatentDistribution NORMAL = new LatentDistribution() {
        @Override
        double cdf(double x) {
            return NormalTail.cdf(x);
        }

        @Override
        double upperTail(double x) {
            return NormalTail.upper(x);
        }

        @Override
        double density(double x) {
            return FamilyMath.dnorm(x);
        }

        @Override
        double densitySlope(double x) {
            return -x * FamilyMath.dnorm(x);
        }

        @Override
        double quantile(double p) {
            return FamilyMath.qnorm(p);
        }
    };

    private static final LatentDistribution GUMBEL = new LatentDistribution() {
        @Override
        double cdf(double x) {
            return -Math.expm1(-Math.exp(Math.min(x, EXP_LIMIT)));
        }

        @Override
        double upperTail(double x) {
            return Math.exp(-Math.exp(Math.min(x, EXP_LIMIT)));
        }

        @Override
        double density(double x) {
            double e = Math.exp(Math.min(x, EXP_LIMIT));
            return Math.exp(x - e);
        }

        @Override
        double densitySlope(double x) {
            return density(x) * (1 - Math.exp(Math.min(x, EXP_LIMIT)));
        }

        @Override
        double quantile(double p) {
            return Math.log(-Math.log1p(-p));
        }
    };
}
