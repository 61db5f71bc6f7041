package io.glimmer.family;

/**
 * An ordered categorical response, fitted as a cumulative-link model ({@link CumulativeLink}, made
 * with the response's categories): the family "ordinal", with the links logit (the default), probit
 * and cloglog. The response is the category's number, 1 … K; a mean, a variance and deviance
 * residuals are not defined for it (NaN), so nothing reads them.
 */
final class OrdinalDistribution extends BaseDistribution {
    OrdinalDistribution() {
        super("ordinal", false, Link.LOGIT, Link.PROBIT, Link.CLOGLOG);
    }

    @Override
    public double variance(double mu) {
        return Double.NaN;
    }

    @Override
    public double devianceResidual(double y, double mu, double weight) {
        return Double.NaN;
    }

    @Override
    public double logDensity(double y, double mu, double weight, double dispersion) {
        return Double.NaN;
    }

    @Override
    public double initialMu(double y, double weight) {
        return Double.NaN;
    }

    @Override
    public boolean validMu(double mu) {
        return false;
    }

    /** A category's number: a whole number from 1 (the response is coded before this check). */
    @Override
    void checkRange(double y, int row) {
        if (y < 1 || y != Math.rint(y)) {
            throw ResponseChecks.error(row, "ordinal response code " + y + " is not a category's number (1, 2, ...)");
        }
    }
}
