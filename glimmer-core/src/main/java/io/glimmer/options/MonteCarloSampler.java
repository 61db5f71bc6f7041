package io.glimmer.options;

import io.glimmer.error.InputException;

import java.util.List;

/** The E-step of the Monte Carlo methods (MCEM, MCNR): how draws from p(u | y) are made, named as on the command line. */
public enum MonteCarloSampler {
    /** Importance sampling from the Laplace approximation's Gaussian, self-normalised (the default). */
    IMPORTANCE("importance"),
    /** Metropolis–Hastings, one level's random effects at a time (McCulloch 1997). */
    METROPOLIS("metropolis"),
    /** McCulloch's exact Gibbs sampler for the probit link (truncated normal latent data). */
    GIBBS("gibbs");

    private final String label;

    MonteCarloSampler(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The sampler of a command-line name (case-insensitive, unique prefix), or an InputException listing them. */
    public static MonteCarloSampler parse(String s) {
        List<MonteCarloSampler> all = List.of(values());
        return Choices.find(all, MonteCarloSampler::label, s).orElseThrow(() -> new InputException(
                "unknown Monte Carlo sampler '" + s + "' (choose one of: " + Choices.list(all, MonteCarloSampler::label) + ")"));
    }
}
