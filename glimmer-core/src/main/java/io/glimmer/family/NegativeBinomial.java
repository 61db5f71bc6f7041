package io.glimmer.family;

/** What the two negative binomials share: counts (whole numbers ≥ 0), log link, a Poisson GLM start, μ > 0. */
abstract class NegativeBinomial extends DispersionDistribution {
    NegativeBinomial(String name, String parameterName, double parameter) {
        super(name, parameterName, parameter, Link.LOG);
    }

    @Override
    public final Family startFamily() {
        return Family.canonical(Distribution.POISSON);
    }

    /** y + 0.1, as the Poisson's, so a zero count still has a finite log. */
    @Override
    public final double initialMu(double y, double weight) {
        return Distribution.POISSON.initialMu(y, weight);
    }

    @Override
    public final boolean validMu(double mu) {
        return Distribution.POISSON.validMu(mu);
    }

    @Override
    final void checkRange(double y, int row) {
        checkCount(name(), y, row);
    }
}
