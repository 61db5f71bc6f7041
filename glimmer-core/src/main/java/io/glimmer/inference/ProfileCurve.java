package io.glimmer.inference;

/**
 * One parameter's likelihood profile: ζ(x) = sign(x − x̂)·√(dev(x) − dev(x̂)), where dev(x) is the
 * deviance minimised over every other parameter with this one held at x. ζ is close to linear
 * in x when the likelihood is close to normal; a profile interval is where |ζ| ≤ z.
 */
interface ProfileCurve {
    /** The maximum-likelihood estimate x̂, where ζ = 0. */
    double estimate();

    /** The smallest value the parameter may take (0 for a standard deviation, −1 for a correlation). */
    double lower();

    /** The largest value the parameter may take. */
    double upper();

    /** A rough change in x that moves ζ by one: the first step of the search for a crossing. */
    double step();

    /** ζ at x. */
    double zeta(double x);
}
