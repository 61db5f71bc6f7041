package io.glimmer.family;

import io.glimmer.options.Choices;
import io.glimmer.error.InputException;
import java.util.Objects;

/**
 * A GLM family: a response distribution with one of the links R allows for it (binomial: logit,
 * probit, cloglog, cauchit, log; poisson: log, identity, sqrt; gaussian and Gamma: identity, log,
 * inverse; inverse.gaussian: 1/mu^2, inverse, identity, log).
 */
public record Family(Distribution distribution, Link link) {
    public Family {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(link, "link");
        if (!distribution.links().contains(link)) {
            throw new InputException("link '" + link.name() + "' is not available for the " + distribution.name()
                    + " family; available links are "
                    + Choices.list(distribution.links(), Link::name));
        }
    }

    /**
     * The family with R's names, e.g. {@code of("binomial", "probit")}; a null (or blank) link
     * means the canonical one.
     *
     * @throws InputException for an unknown family or link, or a link the family does not allow
     */
    public static Family of(String family, String link) {
        Distribution distribution = Distribution.of(family);
        if (link == null || link.isBlank()) {
            return canonical(distribution);
        }
        return new Family(distribution, Link.of(link));
    }

    /** The distribution with its canonical link. */
    public static Family canonical(Distribution distribution) {
        return new Family(distribution, distribution.canonicalLink());
    }

    /**
     * This family with its distribution's own parameter bound to a fit's estimate (nbinom2's
     * "theta", nbinom1's and the beta's "phi"); this family itself for the others.
     */
    public Family withParameters(java.util.Map<String, Double> estimates) {
        if (distribution instanceof ParametricDistribution d) {
            Double value = estimates.get(d.parameterName());
            if (value == null) {
                throw new IllegalArgumentException("no estimate of the " + name() + " family's " + d.parameterName());
            }
            return new Family(d.withParameter(value), link);
        }
        return this;
    }

    /** The distribution's name ("binomial", ...). */
    public String name() {
        return distribution.name();
    }

    /** A gaussian response with the identity link: a linear mixed model, fitted without IRLS. */
    public boolean isGaussianIdentity() {
        return distribution == Distribution.GAUSSIAN && link == Link.IDENTITY;
    }

    public boolean isCanonical() {
        return link == distribution.canonicalLink();
    }

    public boolean hasDispersion() {
        return distribution.hasDispersion();
    }

    /** μ = g⁻¹(η). */
    public double mu(double eta) {
        return link.inverse(eta);
    }

    /** η = g(μ). */
    public double eta(double mu) {
        return link.link(mu);
    }

    public double muEta(double eta) {
        return link.muEta(eta);
    }

    public double variance(double mu) {
        return distribution.variance(mu);
    }

    /** R's printed form, e.g. {@code binomial(link = "logit")}. */
    @Override
    public String toString() {
        return distribution.name() + "(link = \"" + link.name() + "\")";
    }
}
