package io.glimmer.family;

import io.glimmer.design.NumberFormat;

/** Proportions y of successes out of weight = m trials, variance μ(1 - μ). */
final class Binomial extends BaseDistribution {
    /** R warns (we refuse) when weight·y is further than this from a whole number of successes. */
    private static final double COUNT_TOLERANCE = 1e-3;

    Binomial() {
        super("binomial", false, Link.LOGIT, Link.PROBIT, Link.CLOGLOG, Link.CAUCHIT, Link.LOG);
    }

    @Override
    public double variance(double mu) {
        return mu * (1 - mu);
    }

    /** 2w[y log(y/μ) + (1-y) log((1-y)/(1-μ))], with 0 log 0 = 0 (R's family.c). */
    @Override
    public double devianceResidual(double y, double mu, double weight) {
        if (weight == 0) {
            return 0;
        }
        double d = 2 * weight * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
        return Math.max(d, 0); // mathematically a Kullback-Leibler term; rounding must not make it negative
    }

    private static double yLogY(double y, double mu) {
        return y != 0 ? y * Math.log(y / mu) : 0;
    }

    /**
     * log dbinom(round(m·y), round(m), μ) with m = weight: R's binomial()$aic for a proportion
     * response (round is R's, half to even). For 0/1 data with weight 1 it is y log μ + (1-y) log(1-μ).
     */
    @Override
    public double logDensity(double y, double mu, double weight, double dispersion) {
        double trials = Math.rint(weight);
        if (trials <= 0) {
            return 0; // R: no trials, no information (its aic weights such a case by 0)
        }
        double successes = Math.rint(weight * y);
        double failures = trials - successes;
        double value = FamilyMath.logChoose(trials, successes);
        if (successes > 0) {
            value += successes * Math.log(mu);
        }
        if (failures > 0) {
            value += failures * Math.log1p(-mu);
        }
        return value;
    }

    /** log dbinom(m·y, m, y), when m and m·y are whole numbers (up to rounding in y = successes / m). */
    @Override
    public double saturatedLogDensity(double y, double weight) {
        double trials = Math.rint(weight);
        double successes = Math.rint(weight * y);
        if (trials != weight || Math.abs(weight * y - successes) > 1e-12 * Math.max(1, weight)) {
            return Double.NaN; // logDensity rounds the counts, the deviance does not
        }
        return logDensity(y, y, weight, 1); // the density at μ = y
    }

    /** (m·y + 0.5)/(m + 1): the empirical proportion pulled towards 1/2 so it is never 0 or 1. */
    @Override
    public double initialMu(double y, double weight) {
        return (weight * y + 0.5) / (weight + 1);
    }

    @Override
    public boolean validMu(double mu) {
        return Double.isFinite(mu) && mu > 0 && mu < 1;
    }

    @Override
    public void checkResponse(double y, double weight, int row) {
        ResponseChecks.checkWeight(weight, row);
        if (weight == 0) {
            return; // R: anything, even NaN, is accepted for a case with zero weight
        }
        ResponseChecks.checkFinite(name(), y, row);
        if (y < 0) {
            throw ResponseChecks.error(row, "binomial response " + NumberFormat.message(y)
                    + " is negative; it must be a proportion of successes in [0, 1]");
        }
        if (y > 1) {
            throw ResponseChecks.error(row, "binomial response " + NumberFormat.message(y)
                    + " is above 1 (successes above trials); it must be a proportion of successes in [0, 1]");
        }
        double successes = weight * y;
        if (Math.abs(successes - Math.rint(successes)) > COUNT_TOLERANCE) {
            throw ResponseChecks.error(row, "binomial response " + NumberFormat.message(y) + " with weight "
                    + NumberFormat.message(weight) + " gives " + NumberFormat.message(successes)
                    + " successes, not a whole number (the weight is the number of trials)");
        }
    }
}
