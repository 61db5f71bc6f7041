package io.glimmer.family;

/**
 * A distribution with one parameter beyond the mean, estimated by maximum likelihood with the
 * model (glmmTMB's dispersion: nbinom2's θ, nbinom1's and the beta's φ). The instance made by name
 * has no value yet ({@link #parameter()} NaN); {@link #withParameter} binds the estimate, after
 * which variance, deviance residuals and log density use it.
 */
public interface ParametricDistribution extends Distribution {

    /** The parameter's name as reported: "theta" or "phi". */
    String parameterName();

    /** The bound value, NaN before a fit. */
    double parameter();

    /** This distribution with the parameter's value bound. */
    ParametricDistribution withParameter(double value);

    /** The conditional density in η for the link, the parameter free (ψ = log of it). */
    ObservationModel observationModel(Link link);

    /** The GLM whose fit starts β and the moment estimate of the parameter (poisson for counts, binomial for proportions). */
    Family startFamily();
}
