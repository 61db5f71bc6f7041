package io.glimmer.family;

import io.glimmer.design.NumberFormat;

/**
 * A positive continuous response (Gamma, inverse.gaussian): a free dispersion, μ starting at y, and
 * both y and μ positive.
 */
abstract class PositiveContinuous extends BaseDistribution {
    PositiveContinuous(String name, Link... links) {
        super(name, true, links);
    }

    /** R accepts any μ for the inverse.gaussian, but its density and deviance need a positive mean. */
    @Override
    public final boolean validMu(double mu) {
        return Double.isFinite(mu) && mu > 0;
    }

    @Override
    final void checkRange(double y, int row) {
        if (y <= 0) {
            throw ResponseChecks.error(row, name() + " response " + NumberFormat.message(y)
                    + " is not positive; the " + name() + " family needs y > 0");
        }
    }
}
